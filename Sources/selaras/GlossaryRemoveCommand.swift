import ArgumentParser
struct GlossaryRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove")
}
