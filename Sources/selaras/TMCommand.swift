import ArgumentParser

/// `selaras tm`: placeholder until its issue lands.
struct TMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tm", abstract: "(not yet available)")
    func run() throws {
        throw ValidationError("'selaras tm' is not available in this build yet")
    }
}
