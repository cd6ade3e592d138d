import ArgumentParser
import Foundation
import SelarasCore
import SelarasJSONLines
import SelarasPipeline
import SelarasSegmentation
import SelarasSummary

/// `selaras summarize [FILE ...] [--sentences N | --ratio R | --words W] [--method M] [--jsonl]
/// [--evaluate DATA.jsonl]`
struct SummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Write extractive summaries of Indonesian news articles.",
        discussion: """
            Each FILE is an article in plain text: the first line is the headline when a blank line follows \
            it, paragraphs are separated by blank lines. Without FILE, one article is read from stdin. The \
            summary sentences are printed one per line, in document order; news furniture ('Baca juga:' \
            lines, captions, bylines) is never chosen, and the opening dateline ('Jakarta, CNN Indonesia --') \
            is left out.

            With --jsonl, stdin (or each FILE) holds one {"id", "text"} object per line; each gives one line \
            {"id", "summary": [...], "indices": [...]} in the same order, the indices pointing into the \
            article's sentences as 'selaras segment' cuts them. Bad lines are reported on stderr with their \
            line number and the others are still written.

            --evaluate DATA.jsonl scores the method on IndoSum-style records ({"text", "summary", \
            "sentences"?}) with ROUGE-1/2/L F1 and prints LEAD-3 beside it.

            Methods: learned (default; a logistic-regression ranker), lexrank (unsupervised, position-biased \
            LexRank with MMR), lead. Exit codes: 0 success, 1 some inputs failed, 2 bad usage.
            """)

    @Argument(help: "Article files (plain text), or JSON-lines files with --jsonl. Default: stdin.")
    var files: [String] = []

    @Option(name: .long, help: "Sentences in the summary (default 3).")
    var sentences: Int?

    @Option(name: .long, help: "Fraction of the article's sentences instead of a count, in (0, 1].")
    var ratio: Double?

    @Option(name: .long, help: "Word budget instead of a sentence count.")
    var words: Int?

    @Option(name: .long, help: "Summariser: \(SummarizerRegistry.names.joined(separator: ", ")).")
    var method: String = SummarizerRegistry.defaultName

    @Option(name: .long, help: ArgumentHelp("A model file for the learned method (default: the bundled weights).", valueName: "MODEL.json"))
    var weights: String?

    @Flag(name: .long, help: "Read {\"id\", \"text\"} JSON lines, write {\"id\", \"summary\", \"indices\"} JSON lines.")
    var jsonl = false

    @Option(name: .long, help: ArgumentHelp("Score against reference summaries (IndoSum-style JSON lines) and print ROUGE beside LEAD-3.", valueName: "DATA.jsonl"))
    var evaluate: String?

    @Flag(name: .long, help: "Stem words (IndonesianStemmer) before comparing sentences (lexrank; learned follows its model file).")
    var stem = false

    @Flag(name: .long, help: .hidden)
    var features = false

    func validate() throws {
        let given = [sentences != nil, ratio != nil, words != nil].filter { $0 }.count
        if given > 1 { throw ValidationError("give only one of --sentences, --ratio and --words") }
        if let sentences, sentences < 1 { throw ValidationError("--sentences must be at least 1") }
        if let ratio, !(ratio > 0 && ratio <= 1) { throw ValidationError("--ratio must be greater than 0 and at most 1") }
        if let words, words < 1 { throw ValidationError("--words must be at least 1") }
        if !SummarizerRegistry.names.contains(method) {
            throw ValidationError("unknown --method '\(method)' (known: \(SummarizerRegistry.names.joined(separator: ", ")))")
        }
        if weights != nil, method != "learned" { throw ValidationError("--weights applies to --method learned only") }
        if evaluate != nil, jsonl || !files.isEmpty { throw ValidationError("--evaluate takes its data file only (no FILE, no --jsonl)") }
        if features, !jsonl { throw ValidationError("--features needs --jsonl") }
    }

    var length: SummaryLength {
        if let ratio { return .ratio(ratio) }
        if let words { return .words(words) }
        return .sentences(sentences ?? 3)
    }

    var options: SummaryOptions {
        var o = SummaryOptions()
        o.stemming = stem
        return o
    }

    func makeSummarizer() throws -> any Summarizer {
        do {
            if let weights {
                return LearnedSummarizer(model: try SummaryModel.load(contentsOf: URL(fileURLWithPath: weights)), options: options)
            }
            return try SummarizerRegistry.make(named: method, options: options)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(ExitStatus.usage)
        }
    }

    func run() throws {
        if jsonl { SummaryJob.warmUp() }
        let summarizer = try makeSummarizer()
        let segmenter = ArticleSegmenter()
        if let evaluate {
            if !(try self.evaluate(path: evaluate, summarizer: summarizer, segmenter: segmenter)) { throw ExitCode(ExitStatus.someFailed) }
            return
        }
        var failed = false
        let output = FileOutput()
        if jsonl {
            let analyzer = features ? TermAnalyzer.forStemming(stem) : nil
            for input in Inputs(files) {
                guard let fd = input.open() else { failed = true; continue }
                defer { input.close(fd) }
                let outcome = SummaryJob.jsonLines(fd: fd, source: input.name, output: output, report: Console.report, summarizer: summarizer,
                                                   length: length, analyzer: analyzer, segmenter: segmenter)
                failed = failed || outcome.failed
                if outcome.outputClosed { break }
            }
            output.flush()
            if failed { throw ExitCode(ExitStatus.someFailed) }
            return
        }
        for (n, input) in Inputs(files).enumerated() {
            guard let fd = input.open() else { failed = true; continue }
            defer { input.close(fd) }
            guard let bytes = input.readAll(fd) else { failed = true; continue }
            do {
                let lines = try SummaryJob.summarize(bytes, path: input.name, summarizer: summarizer, length: length, segmenter: segmenter)
                if files.count > 1 { output.line((n > 0 ? "\n" : "") + "==> \(input.name) <==") }
                for line in lines { output.line(line) }
            } catch {
                Console.report(error)
                failed = true
            }
        }
        output.flush()
        if failed { throw ExitCode(ExitStatus.someFailed) }
    }

    /// `--evaluate`: the ROUGE table; false when some lines could not be used (reported).
    func evaluate(path: String, summarizer: any Summarizer, segmenter: ArticleSegmenter) throws -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else {
            Console.error("error: \(path): cannot read")
            throw ExitCode(ExitStatus.usage)
        }
        let (table, bad) = SummaryJob.evaluate([UInt8](data), path: path, summarizer: summarizer, length: length, segmenter: segmenter,
                                               bad: Console.report)
        let output = FileOutput()
        for line in table { output.line(line) }
        output.flush()
        if bad > 0 { Console.error("\(path): \(bad) line\(bad == 1 ? "" : "s") skipped") }
        return bad == 0
    }
}
