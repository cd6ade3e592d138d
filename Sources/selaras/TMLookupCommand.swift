import ArgumentParser
import Foundation
import SelarasCore
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
            let out = StandardOutput()
            if matches.isEmpty { out.writeLine("no match at or above \(Int(threshold))") }
            for m in matches {
                out.writeLine("\(Int(m.score))  \(m.kind.rawValue)  \(m.origin)")
                out.writeLine("  source: \(m.source)")
                out.writeLine("  target: \(m.target)")
                if let r = m.repairedTarget { out.writeLine("  repaired: \(r)") }
                for r in m.repairs { out.writeLine("    repair: \(r)") }
                for p in m.penalties { out.writeLine("    -\(Self.points(p.points)): \(p.reason)") }
            }
            out.flush()
            return
        }
        try lookupLines(tm)
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

    struct Output: Encodable {
        var id: String
        var matches: [Match]
    }

    struct Match: Encodable {
        var score: Double
        var kind: String
        var source: String
        var target: String
        var repairedTarget: String?
        var repairs: [String]?
        var origin: String
        var penalties: [Penalty]

        enum CodingKeys: String, CodingKey {
            case score, kind, source, target, repairedTarget = "repaired_target", repairs, origin, penalties
        }

        init(_ m: TMMatch) {
            score = m.score
            kind = m.kind.rawValue
            source = m.source
            target = m.target
            repairedTarget = m.repairedTarget
            repairs = m.repairs.isEmpty ? nil : m.repairs
            origin = m.origin
            penalties = m.penalties.map { Penalty(reason: $0.reason, points: $0.points) }
        }
    }

    struct Penalty: Encodable {
        var reason: String
        var points: Double
    }

    private func lookupLines(_ tm: TranslationMemory) throws {
        var parsed: [JSONLines.Record] = []
        var bad = false
        JSONLines.read({ parsed.append($0) }, bad: { _, message in
            Console.error(message)
            bad = true
        })
        // Look up in parallel, write in input order.
        let records = parsed
        let results = ResultSlots(count: records.count)
        let workers = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = Swift.max(1, (records.count + workers * 4 - 1) / (workers * 4))
        let chunks = (records.count + chunk - 1) / chunk
        let threshold = self.threshold, max = self.max, exhaustive = self.exhaustive
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var local: [(Int, String)] = []
            for i in (c * chunk)..<Swift.min(records.count, (c + 1) * chunk) {
                let r = records[i]
                let matches = tm.lookup(TMQuery(text: r.text, previous: r.previous, next: r.next), threshold: threshold, max: max,
                                        exhaustive: exhaustive)
                local.append((i, JSONLines.encode(Output(id: r.id, matches: matches.map(Match.init)))))
            }
            results.set(local)
        }
        let out = StandardOutput()
        for line in results.values { out.writeLine(line) }
        out.flush()
        if bad { throw ExitCode(ExitStatus.someFailed) }
    }

    /// Output lines filled from several threads.
    final class ResultSlots: @unchecked Sendable {
        // @unchecked: `values` is guarded by `lock`.
        private let lock = NSLock()
        private(set) var values: [String]
        init(count: Int) { values = [String](repeating: "", count: count) }
        func set(_ items: [(Int, String)]) {
            lock.lock()
            for (i, s) in items { values[i] = s }
            lock.unlock()
        }
    }

    static func points(_ p: Double) -> String { p == p.rounded() ? String(Int(p)) : String(p) }
}
