import Foundation
import SelarasCore

/// The report of one run, written as `run.json` in the output folder.
public struct RunReport: Sendable, Codable {
    /// What happened to one article.
    public enum Status: String, Sendable, Codable {
        case ok, failed, skipped
    }

    /// Counts per article, for the report and the batch index.
    public struct Counts: Sendable, Codable, Hashable {
        public var paragraphs = 0
        public var segments = 0
        public var exactMatches = 0
        public var fuzzyMatches = 0
        public var terms = 0
        public var summarySentences = 0
        public var translated = 0
        public var untranslated = 0

        public init() {}

        enum CodingKeys: String, CodingKey {
            case paragraphs, segments, terms, translated, untranslated
            case exactMatches = "exact_matches", fuzzyMatches = "fuzzy_matches", summarySentences = "summary_sentences"
        }

        /// Counts what a document's layers hold.
        public init(_ d: Document) {
            paragraphs = d.article.paragraphs.count
            segments = d.segments?.count ?? 0
            for m in d.matches ?? [] {
                guard let best = m.first else { continue }
                if best.kind <= .exactTextOnly { exactMatches += 1 } else { fuzzyMatches += 1 }
            }
            terms = d.terms?.reduce(0) { $0 + $1.count } ?? 0
            summarySentences = d.summary?.sentences.count ?? 0
            translated = d.targets?.filter { $0.text != nil }.count ?? 0
            untranslated = d.targets.map { $0.count - translated } ?? 0
        }
    }

    /// One stage's time for one article.
    public struct StageTime: Sendable, Codable, Hashable {
        public var stage: String
        public var milliseconds: Double
    }

    public struct Article: Sendable, Codable {
        public var id: String
        public var source: String
        public var status: Status
        public var title: String?
        /// Why the article failed: the file and the reason.
        public var error: String?
        /// A short machine-readable reason (empty, binary, invalid-encoding, stage:NAME, ...).
        public var reason: String?
        public var timings: [StageTime]
        public var counts: Counts
        public var outputs: [String]
        public var warnings: [String]

        public init(id: String, source: String, status: Status, title: String? = nil, error: String? = nil,
                    reason: String? = nil, timings: [StageTime] = [], counts: Counts = Counts(), outputs: [String] = [],
                    warnings: [String] = []) {
            self.id = id
            self.source = source
            self.status = status
            self.title = title
            self.error = error
            self.reason = reason
            self.timings = timings
            self.counts = counts
            self.outputs = outputs
            self.warnings = warnings
        }
    }

    public struct Totals: Sendable, Codable, Hashable {
        public var articles = 0
        public var ok = 0
        public var failed = 0
        public var skipped = 0
        /// Articles not started because the run was interrupted.
        public var notRun = 0

        enum CodingKeys: String, CodingKey { case articles, ok, failed, skipped, notRun = "not_run" }
    }

    public var tool: String
    public var pipeline: String
    public var config: String
    public var output: String
    public var started: Date
    public var finished: Date
    public var seconds: Double
    public var jobs: Int
    public var interrupted: Bool
    public var totals: Totals
    public var warnings: [String]
    public var articles: [Article]

    /// The one-line summary printed at the end of a run.
    public var summaryLine: String {
        var parts = ["\(totals.articles) article\(totals.articles == 1 ? "" : "s")", "\(totals.ok) written"]
        if totals.skipped > 0 { parts.append("\(totals.skipped) skipped (unchanged)") }
        if totals.failed > 0 { parts.append("\(totals.failed) failed") }
        if totals.notRun > 0 { parts.append("\(totals.notRun) not run (interrupted)") }
        return parts.joined(separator: ", ") + String(format: " in %.1fs", seconds) + " → \(output)"
    }

    /// run.json's bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
