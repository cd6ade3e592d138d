import ArgumentParser
struct GlossaryConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "convert")
}
