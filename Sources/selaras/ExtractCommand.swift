import ArgumentParser
import Foundation
import SelarasCore
import SelarasJSONLines
import SelarasPipeline

/// `selaras extract [FILE ...] [--jsonl] [--command CMD]`: saved news pages into article text.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find the article in saved web pages (.html, .htm, .html.gz).",
        discussion: """
            Each FILE is a saved page; each gives one JSON line {"id", "title", "body", "paragraphs": [{"role", "text"}], \
            "published"?, "author"?, "site"?, "url"?}, id being the file name without .html/.htm/.gz. body is the story's \
            paragraphs joined by blank lines (captions and credits are in paragraphs, with their roles, not in body). \
            Roles: heading, body, list_item, quote, caption, credit.

            --jsonl: stdin (or each FILE) holds {"id", "html", "url"?} JSON lines; each gives one output line with the same \
            id, in the same order. A page with no article text, or a line that is not such a record, is reported on stderr \
            with its line and skipped; the others are still written.

            The encoding of a file comes from its byte-order mark or <meta> charset (UTF-8, Windows-1252, ISO-8859-1, and \
            what libxml2 converts), else UTF-8 when valid, else Windows-1252. Nothing is fetched and no script runs.

            --command CMD uses another extractor for the body: CMD (run with /bin/sh -c) reads the page's HTML on stdin and \
            prints its text; the headline and metadata are still Selaras's. Exit status: 0 success; 1 some pages failed.
            """)

    @Argument(help: "Saved pages, or JSON-lines files with --jsonl. Default: stdin.")
    var files: [String] = []

    @Flag(name: .long, help: "Read {\"id\", \"html\", \"url\"?} JSON lines.")
    var jsonl = false

    @Option(name: .long, help: ArgumentHelp("An extractor command instead of the built-in one (e.g. trafilatura).", valueName: "CMD"))
    var command: String?

    func run() throws {
        var reading = PageReading()
        if let command { reading.extractor = .command; reading.command = command }
        let job = PageExtractionJob(reading: reading)
        FileOutput.widenPipes()
        let output = FileOutput()
        var failed = false
        if jsonl {
            for input in Inputs(files) {
                guard let fd = input.open() else { failed = true; continue }
                defer { input.close(fd) }
                let outcome = job.jsonLines(fd: fd, source: input.name, output: output, report: Console.report)
                failed = failed || outcome.failed
                if outcome.outputClosed { break }
            }
        } else {
            let names = files.isEmpty ? ["-"] : files
            for start in stride(from: 0, to: names.count, by: 64) {
                let chunk = Array(names[start..<min(names.count, start + 64)])
                let results = job.files(chunk)
                for r in results {
                    switch r {
                    case let .success((line, diagnostics)):
                        diagnostics.forEach(Console.report)
                        output.bytes(line)
                    case let .failure(d):
                        Console.report(d)
                        failed = true
                    }
                }
                if !output.isOpen { break }
            }
        }
        output.flush()
        if failed { throw ExitCode(ExitStatus.someFailed) }
    }
}
