import ArgumentParser
struct GlossaryAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add")
}
