import ArgumentParser

/// `selaras glossary`: placeholder until its issue lands.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "glossary", abstract: "(not yet available)")
    func run() throws {
        throw ValidationError("'selaras glossary' is not available in this build yet")
    }
}
