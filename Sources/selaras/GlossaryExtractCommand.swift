import ArgumentParser
struct GlossaryExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract")
}
