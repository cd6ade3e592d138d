import ArgumentParser
struct GlossaryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list")
}
