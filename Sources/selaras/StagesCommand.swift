import ArgumentParser
import SelarasPipeline

/// `selaras stages`: the config reference (keys, stages, options, defaults), as Markdown.
struct StagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages",
        abstract: "Print the pipeline config reference: every key, stage and option with its default.")

    func run() throws {
        print(ConfigReference.markdown(), terminator: "")
    }
}
