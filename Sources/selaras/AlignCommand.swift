import ArgumentParser
import Foundation
import SelarasPostgres
import SelarasAlign
import SelarasCore
import SelarasJSONLines
import SelarasPipeline

/// `selaras align ID.txt EN.txt [--output pairs.tmx|.tsv|.xlf] [--review R.xlf]` and `selaras align --jsonl`.
struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align the sentences of an Indonesian text with its English edition.",
        discussion: """
            Raw texts: both are segmented by Selaras (Indonesian and English rules); the pairs go to --output \
            (.tmx, .tsv or .xlf; default: TSV on stdout). Beads below --min-confidence are left out of --output \
            and, with --review FILE.xlf, written there for a translator to confirm (then 'selaras tm update').

            --jsonl: {"id", "source": [sentences], "target": [sentences]} per line on stdin, \
            {"id", "alignment": [[[source indices], [target indices]], ...], "confidence": [...]} per line out, \
            same order; every sentence is in exactly one bead.

            Evidence: sentence lengths (Gale & Church), the FreeDict English-Indonesian dictionary (Debian's \
            dict-freedict-eng-ind, read by default when installed), --glossary entries, word pairs learned \
            (IBM Model 1) from --tmx/--store and from a first pass, and numbers, names and acronyms both sides share. \
            Exit codes: 0 success, 1 some inputs could not be used, 2 bad usage.
            """)

    @Argument(help: "The Indonesian text and its English edition (not with --jsonl).")
    var files: [String] = []
    @Flag(name: .long, help: "Read {\"id\",\"source\",\"target\"} JSON lines on stdin, write alignments.")
    var jsonl = false
    @Option(name: .long, help: "Where the pairs go: .tmx, .tsv or .xlf (default: TSV on stdout).")
    var output: String?
    @Option(name: .long, help: ArgumentHelp("An XLIFF for the beads below --min-confidence.", valueName: "FILE.xlf"))
    var review: String?
    @Option(name: .long, help: "Lowest confidence of a pair in --output, 0-1.")
    var minConfidence: Double = 0
    @Option(name: .long, help: "A FreeDict dictionary (.dict.dz) instead of Debian's.")
    var dictionary: String?
    @Flag(name: .long, help: "Use no dictionary.")
    var noDictionary = false
    @Option(name: .long, parsing: .singleValue, help: "A glossary (repeatable).")
    var glossary: [String] = []
    @Option(name: .long, parsing: .singleValue, help: "A TMX file whose pairs teach word translations (repeatable).")
    var tmx: [String] = []
    @Option(name: .long, help: "A TM store whose pairs teach word translations (a SQLite file or postgres://…).")
    var store: String?

    func validate() throws {
        if jsonl != files.isEmpty { throw ValidationError(jsonl ? "--jsonl reads stdin: no FILE" : "give the Indonesian text and its English edition") }
        if !jsonl && files.count != 2 { throw ValidationError("give two files: the Indonesian text and its English edition") }
        if !(0...1).contains(minConfidence) { throw ValidationError("--min-confidence must be between 0 and 1") }
        if jsonl && (output != nil || review != nil) { throw ValidationError("--output and --review are for raw texts, not --jsonl") }
    }

    func run() throws {
        let resources = AlignmentJob.Resources(dictionary: dictionary.map(TMCommandSupport.url), noDictionary: noDictionary,
                                               glossaries: glossary.map(TMCommandSupport.url), tmx: tmx.map(TMCommandSupport.url),
                                               store: try store.map {
                                                   // A shared store teaches through this machine's replica.
                                                   PostgresURL.isPostgres($0) ? try TMCommandSupport.openStore($0, languages: TMLanguageOptions(), create: false).url
                                                       : TMCommandSupport.url($0)
                                               })
        let (aligner, memory): (SentenceAligner, [(String, String)])
        do {
            (aligner, memory) = try AlignmentJob.aligner(resources) { Console.error("warning: \($0)") }
        } catch {
            Console.report(error)
            throw ExitCode(ExitStatus.usage)
        }
        let output = FileOutput()
        defer { output.flush() }
        if jsonl {
            let input = Inputs([]).first { _ in true }!
            guard let fd = input.open(), let bytes = input.readAll(fd) else { throw ExitCode(ExitStatus.someFailed) }
            var failed = false
            output.bytes(AlignmentJob.alignRecords(bytes, source: input.name, aligner: aligner, memory: memory) { Console.report($0); failed = true })
            if failed { throw ExitCode(ExitStatus.someFailed) }
            return
        }
        do {
            Console.error(try AlignmentJob.alignTexts(source: TMCommandSupport.url(files[0]), target: TMCommandSupport.url(files[1]), aligner: aligner,
                                                      memory: memory, output: self.output.map(TMCommandSupport.url), review: review.map(TMCommandSupport.url),
                                                      minConfidence: minConfidence) { output.bytes($0) })
        } catch {
            Console.report(error)
            throw ExitCode(ExitStatus.someFailed)
        }
    }
}
