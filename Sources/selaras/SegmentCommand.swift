import ArgumentParser
import Foundation
import SelarasCore
import SelarasJSONLines
import SelarasSegmentation

/// `selaras segment`: splits Indonesian text into sentences with the built-in SRX rules or a
/// user's SRX file.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split Indonesian text into sentences.",
        discussion: """
        Reads the FILEs (standard input when there are none) and writes the sentences to standard output.

        Plain text (default): one sentence per line. A line break inside a sentence (a hard-wrapped line) becomes a space. An empty line is written between paragraphs (where the input has an empty line) and between files.

        --jsonl: each input line is a JSON object {"id": ..., "text": "..."}; each output line is {"id": ..., "sentences": ["...", ...]} with the same id (a number stays a number), in the same order. Sentences are exact substrings of the text. A line that is not such a record is reported on standard error with its line number and skipped; the other lines are still written.

        Invalid UTF-8 is replaced by U+FFFD and reported with its byte offset.

        The built-in rules are an SRX 2.0 file (see docs/segmentation.md); --rules uses another SRX 2.0 or 1.0 file, with the rules its language maps give for --language.

        Exit status: 0 success; 1 some inputs failed (the rest were written); 2 bad usage or a rules file that cannot be used.
        """
    )

    @Argument(help: "Text files to segment (JSON-lines files with --jsonl). Standard input when none.")
    var files: [String] = []

    @Option(name: .long, help: ArgumentHelp("An SRX file to use instead of the built-in Indonesian rules.", valueName: "FILE.srx"))
    var rules: String?

    @Option(name: .long, help: "The language whose rules are taken from the SRX file.")
    var language: String = "id"

    @Flag(name: .long, help: "Read {\"id\",\"text\"} JSON lines and write {\"id\",\"sentences\"} JSON lines.")
    var jsonl = false

    @Option(name: .long, help: ArgumentHelp("A quotation of several sentences: keep (one segment with its attribution) or split (a segment per sentence).", valueName: "keep|split"))
    var quotes: QuoteMode = .default

    func run() throws {
        let segmenter: SRXSegmenter
        if let rules {
            do {
                segmenter = try SRXSegmenter(contentsOf: URL(fileURLWithPath: rules), language: language).with(quotes: quotes)
            } catch {
                Console.report(error)
                throw ExitCode(ExitStatus.usage)
            }
        } else {
            if let problem = IndonesianSegmenter.loadProblem { Console.error("warning: \(problem)") }
            segmenter = IndonesianSegmenter.rules.with(quotes: quotes)
        }
        FileOutput.widenPipes()
        let output = FileOutput()
        var failed = false
        var wroteText = false
        let job = JSONLinesJob(schema: .text)
        for input in Inputs(files) {
            guard let fd = input.open() else { failed = true; continue }
            defer { input.close(fd) }
            if jsonl {
                let outcome = job.run(fd: fd, source: input.name, output: output, report: Console.report) { record, out in
                    out.beginRecord(id: record.id)
                    out.key("sentences")
                    out.beginArray()
                    record.withString(0) { text in
                        for r in segmenter.sentenceByteRanges(inUTF8: text) { out.string(UnsafeBufferPointer(rebasing: text[r])) }
                    }
                    out.endArray()
                    out.endRecord()
                }
                if outcome.badLines > 0 {
                    Console.error("\(input.name): \(outcome.badLines) line\(outcome.badLines == 1 ? " was" : "s were") skipped")
                }
                failed = failed || outcome.failed
                if outcome.outputClosed { break }
            } else {
                guard var raw = input.readAll(fd) else { failed = true; continue }
                if let warning = SentenceLines.prepare(&raw, name: input.name) { Console.error("warning: \(warning)") }
                var out: [UInt8] = []
                out.reserveCapacity(raw.count + raw.count / 8)
                let count = raw.withUnsafeBufferPointer { SentenceLines.write($0, segmenter: segmenter, into: &out) }
                if wroteText && count > 0 { output.endLine() }
                output.bytes(out)
                wroteText = wroteText || count > 0
                if !output.isOpen { break }
            }
        }
        output.flush()
        if failed { throw ExitCode(ExitStatus.someFailed) }
    }
}

extension QuoteMode: ExpressibleByArgument {}
