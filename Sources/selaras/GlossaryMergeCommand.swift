import ArgumentParser
struct GlossaryMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge")
}
