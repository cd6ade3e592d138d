import ArgumentParser
import Foundation
import SelarasCore
import SelarasJSONLines
import SelarasPipeline
import SelarasTM

/// `selaras tm lookup [TEXT] (--store PATH | --tmx FILE ...) [--threshold 75] [--max 5] [--exhaustive] [--jsonl]`
struct TMLookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Look sentences up in a translation memory: exact, in-context, fuzzy and repaired matches.",
        discussion: """
            With --jsonl, reads {"id", "text", "previous"?, "next"?} per line on stdin and writes \
            {"id", "matches": [{"score", "kind", "source", "target", "repaired_target"?, "repairs"?, "origin", "penalties"}]} \
            per line, in the same order. With --tmx, the files go through a store in the user's cache folder, \
            so later lookups start fast. Exit codes: 0 success, 1 some input lines were not valid records, 2 bad usage.
            """)

    @Argument(help: "The sentence to look up (instead of --jsonl).")
    var text: String?

    @Option(name: .long, help: "A TM store made by 'selaras tm import'.")
    var store: String?

    @Option(name: .long, parsing: .singleValue, help: "A TMX file (repeatable), instead of --store.")
    var tmx: [String] = []

    @Option(name: .long, help: "Lowest score kept, 0–100.")
    var threshold: Double = 75

    @Option(name: .long, help: "Most matches per sentence.")
    var max: Int = 5

    @Option(name: .long, help: "The sentence before TEXT, for in-context exact matches.")
    var previous: String?

    @Option(name: .long, help: "The sentence after TEXT.")
    var next: String?

    @Flag(name: .long, help: "Score every unit instead of asking the index (slow; for checking the index).")
    var exhaustive = false

    @Flag(name: .long, help: "Read JSON lines on stdin, write JSON lines on stdout.")
    var jsonl = false

    @OptionGroup var languages: TMLanguageOptions

    func validate() throws {
        if (store == nil) == tmx.isEmpty { throw ValidationError("give either --store or --tmx") }
        if jsonl == (text != nil) { throw ValidationError("give either a sentence or --jsonl") }
        if !(0...100).contains(threshold) { throw ValidationError("--threshold must be between 0 and 100") }
        if max < 1 { throw ValidationError("--max must be at least 1") }
    }

    func run() throws {
        let tm = try openMemory()
        if let text {
            let matches = tm.lookup(TMQuery(text: text, previous: previous, next: next), threshold: threshold, max: max, exhaustive: exhaustive)
            let out = FileOutput()
            for line in TMMatchRecord.text(matches, threshold: threshold) { out.line(line) }
            out.flush()
            return
        }
        // {"id", "text", "previous"?, "next"?} in, {"id", "matches"} out, looked up on every core, in order.
        let schema = JSONRecordSchema(strings: ["text", "previous", "next"], required: ["text"])
        let threshold = self.threshold, max = self.max, exhaustive = self.exhaustive
        let output = FileOutput()
        let outcome = JSONLinesJob(schema: schema).run(fd: STDIN_FILENO, source: "<stdin>", output: output, report: Console.report) { record, out in
            let query = TMQuery(text: record.string(0) ?? "", previous: record.string(1), next: record.string(2))
            let matches = tm.lookup(query, threshold: threshold, max: max, exhaustive: exhaustive)
            out.beginRecord(id: record.id)
            out.key("matches")
            out.beginArray()
            for m in matches { TMMatchRecord.write(m, to: &out) }
            out.endArray()
            out.endRecord()
        }
        if outcome.failed { throw ExitCode(ExitStatus.someFailed) }
    }

    private func openMemory() throws -> TranslationMemory {
        if let store {
            let s = try TMCommandSupport.openStore(store, languages: languages, create: false)
            return try TranslationMemory(store: s)
        }
        let (tm, issues) = try TranslationMemory.open(tmx: tmx.map(TMCommandSupport.url), store: nil,
                                                      sourceLanguage: languages.sourceLanguage, targetLanguage: languages.targetLanguage)
        TMCommandSupport.report(issues, limit: 20)
        return tm
    }

}
