import ArgumentParser
import Foundation
import SelarasPipeline

/// `selaras validate PIPELINE.yaml`: prints `ok`, or every problem with file:line:column; exit 2 on errors.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a pipeline config without reading any article.",
        discussion: "Prints 'ok', or each problem as FILE:LINE:COLUMN: error[CODE]: message and exits with 2.")

    @Argument(help: "The pipeline config (YAML).")
    var pipeline: String

    func run() throws {
        do {
            _ = try ConfigLoader().load(URL(fileURLWithPath: pipeline))
            print("ok")
        } catch {
            for d in error.list { Console.report(d) }
            throw ExitCode(ExitStatus.usage)
        }
    }
}
