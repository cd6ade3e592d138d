import ArgumentParser
import Foundation

/// The `selaras` command. Exit codes: 0 success, 1 some inputs failed (the rest were written),
/// 2 bad usage or config.
@main
struct Selaras: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "selaras",
        abstract: "Indonesian news articles into bilingual Indonesian/English work products.",
        version: version,
        subcommands: [
            RunCommand.self, ReportCommand.self, ValidateCommand.self, StagesCommand.self, SegmentCommand.self, SummarizeCommand.self,
            TranslateCommand.self, AlignCommand.self, ExtractCommand.self, TMCommand.self, GlossaryCommand.self,
        ]
    )

    /// Parses and runs, mapping ArgumentParser's usage errors (64) to the contract's exit code 2.
    static func main() {
        // `tm concordance`, typed again and again, is parsed on its own, without the command tree (3 of
        // its ~20 ms); bad arguments go through the tree, whose messages name the whole command.
        let arguments = Array(CommandLine.arguments.dropFirst())
        let concordance = arguments.starts(with: ["tm", "concordance"]) ? Array(arguments.dropFirst(2)) : nil
        if let concordance, let code = TMConcordanceCommand.quick(concordance) { Foundation.exit(code) }
        if let concordance, var command = try? TMConcordanceCommand.parse(concordance) {
            do {
                try command.run()
                Foundation.exit(0)
            } catch {
                finish(error, code: TMConcordanceCommand.exitCode(for: error), message: TMConcordanceCommand.fullMessage(for: error))
            }
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            finish(error, code: exitCode(for: error), message: fullMessage(for: error))
        }
    }

    /// Prints what ended the command and exits with the contract's code.
    static func finish(_ error: any Error, code: ExitCode, message: String) -> Never {
        if code == .success {
            if !message.isEmpty { print(message) }
            Foundation.exit(0)
        }
        if !message.isEmpty { Console.error(message) }
        Foundation.exit(code == .validationFailure ? ExitStatus.usage : code.rawValue)
    }
}

/// The exit codes of the command-line contract.
enum ExitStatus {
    static let success: Int32 = 0
    /// Some inputs failed; the rest were written.
    static let someFailed: Int32 = 1
    /// Bad usage or configuration.
    static let usage: Int32 = 2
    /// Interrupted by the user (128 + SIGINT).
    static let interrupted: Int32 = 130
}
