import ArgumentParser
import Foundation
import SelarasCore
import SelarasPipeline

/// `selaras run PIPELINE.yaml [--input PATH_OR_GLOB ...] [--output DIR] [--jobs N] [--force]`
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline over a batch of articles.",
        discussion: """
            Inputs are files, folders and globs: plain text (first line the headline, blank lines between \
            paragraphs), Markdown, and JSON lines of {"id", "title"?, "text"}. Each article's files are \
            written atomically to the output folder with run.json, the run report. Unchanged articles are \
            skipped. Exit codes: 0 all written or skipped, 1 some articles failed or are partial (machine translation failed; the rest were written), \
            2 bad usage or config, 130 interrupted.
            """)

    @Argument(help: "The pipeline config (YAML).")
    var pipeline: String

    @Option(name: .long, parsing: .singleValue, help: "An input file, folder or glob (repeatable); replaces the config's inputs.")
    var input: [String] = []

    @Option(name: .long, help: "Output folder; replaces the config's 'output'.")
    var output: String?

    @Option(name: .long, help: "Articles processed at once (default: the config's 'jobs', else one per core).")
    var jobs: Int?

    @Flag(name: .long, help: "Process every article, even those unchanged since the last run.")
    var force = false

    @Option(name: .long, help: ArgumentHelp("Only shard K of N (1 ≤ K ≤ N) of the articles, by a stable hash of their ids; the report is run.K-of-N.json and `selaras report merge OUT` joins the shards.", valueName: "K/N"))
    var shard: String?

    @Option(name: .long, help: ArgumentHelp("The TM store, replacing the config's resources.tm_store: a SQLite file or postgres://USER@HOST:PORT/DB (password from PGPASSWORD or ~/.pgpass).", valueName: "PATH_OR_URL"))
    var tmStore: String?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let shard, Shard(parsing: shard) == nil { throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, such as 2/8 (got '\(shard)')") }
    }

    func run() throws {
        var config: PipelineConfig
        do {
            config = try ConfigLoader(checkInputs: input.isEmpty).load(URL(fileURLWithPath: pipeline))
        } catch {
            for d in error.list { Console.report(d) }
            throw ExitCode(ExitStatus.usage)
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if let tmStore { config.tmStore = TMStoreLocation(argument: tmStore, relativeTo: cwd) }
        let inputs = input.isEmpty ? nil : input.map { $0.hasPrefix("/") ? $0 : cwd.appendingPathComponent($0).standardizedFileURL.path }
        let options = BatchRunner.Options(
            inputs: inputs, output: output.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL },
            jobs: jobs, force: force, shard: shard.flatMap(Shard.init(parsing:)))
        let progress = ProgressDisplay(enabled: Console.stderrIsTerminal, line: Console.error, raw: { Console.errorRaw($0) })
        let runner = BatchRunner(config: config, options: options) { event in progress.handle(event) }

        // Ctrl-C: stop taking articles, let those in flight finish, write the report. A second Ctrl-C quits at once;
        // files are renamed into place only when complete, so none is left half-written either way.
        signal(SIGINT, SIG_IGN)
        let interrupts = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let count = Locked(0)
        interrupts.setEventHandler {
            if count.add(1) > 1 { Foundation.exit(ExitStatus.interrupted) }
            progress.clear()
            Console.error("interrupted: finishing the articles in progress (Ctrl-C again to quit now)")
            runner.cancel()
        }
        interrupts.resume()

        let report: RunReport
        do {
            report = try runner.run()
        } catch let e as RunSetupError {
            progress.clear()
            Console.error("error: \(e)")
            throw ExitCode(ExitStatus.usage)
        }
        progress.clear()
        Console.error(report.summaryLine)
        if report.interrupted { throw ExitCode(ExitStatus.interrupted) }
        if report.totals.failed > 0 || report.totals.partial > 0 { throw ExitCode(ExitStatus.someFailed) }
    }
}
