import ArgumentParser
import Foundation
import SelarasPipeline

/// `selaras report merge OUT`: joins the reports of a sharded run.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run reports: merge the reports of a sharded run.",
        subcommands: [ReportMergeCommand.self])
}

/// `selaras report merge OUT`
struct ReportMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Build run.json, index.html and run.tmx in OUT from the shard reports run.K-of-N.json.",
        discussion: """
            Every shard 1..N of one split must have written its report (a missing one is named); the batch \
            files are written by the stages of the config the shards ran. Exit codes: 0 merged, 1 some articles \
            failed or are partial, 2 bad usage or missing reports.
            """)

    @Argument(help: "The output folder the shards shared.")
    var output: String

    func run() throws {
        let url = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        let report: RunReport
        do {
            report = try BatchRunner.merge(output: url) { event in
                if case let .warning(w) = event { Console.error("warning: \(w)") }
            }
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(ExitStatus.usage)
        }
        Console.error("merged: " + report.summaryLine)
        if report.totals.failed > 0 || report.totals.partial > 0 { throw ExitCode(ExitStatus.someFailed) }
    }
}
