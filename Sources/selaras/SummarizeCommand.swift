import ArgumentParser

/// `selaras summarize`: placeholder until its issue lands.
struct SummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "summarize", abstract: "(not yet available)")
    func run() throws {
        throw ValidationError("'selaras summarize' is not available in this build yet")
    }
}
