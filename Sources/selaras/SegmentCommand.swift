import ArgumentParser

/// `selaras segment`: placeholder until its issue lands.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "segment", abstract: "(not yet available)")
    func run() throws {
        throw ValidationError("'selaras segment' is not available in this build yet")
    }
}
