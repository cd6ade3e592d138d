import ArgumentParser
struct GlossaryCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check")
}
