import Foundation
import SelarasCore

/// The report of one run, written as `run.json` in the output folder.
public struct RunReport: Sendable, Codable {
    /// What happened to one article.
    public enum Status: String, Sendable, Codable {
        case ok, failed, skipped
        /// Written, but not complete: some sentences have no English because machine translation
        /// failed or was not sent (the run's character budget). Not recorded as done, so the next
        /// run processes the article again.
        case partial
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
        /// Segments whose English came from machine translation.
        public var machine = 0
        /// Segments whose English a check flagged for review.
        public var flagged = 0

        public init() {}

        enum CodingKeys: String, CodingKey {
            case paragraphs, segments, terms, translated, untranslated, machine, flagged
            case exactMatches = "exact_matches", fuzzyMatches = "fuzzy_matches", summarySentences = "summary_sentences"
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            paragraphs = try c.decodeIfPresent(Int.self, forKey: .paragraphs) ?? 0
            segments = try c.decodeIfPresent(Int.self, forKey: .segments) ?? 0
            exactMatches = try c.decodeIfPresent(Int.self, forKey: .exactMatches) ?? 0
            fuzzyMatches = try c.decodeIfPresent(Int.self, forKey: .fuzzyMatches) ?? 0
            terms = try c.decodeIfPresent(Int.self, forKey: .terms) ?? 0
            summarySentences = try c.decodeIfPresent(Int.self, forKey: .summarySentences) ?? 0
            translated = try c.decodeIfPresent(Int.self, forKey: .translated) ?? 0
            untranslated = try c.decodeIfPresent(Int.self, forKey: .untranslated) ?? 0
            machine = try c.decodeIfPresent(Int.self, forKey: .machine) ?? 0
            flagged = try c.decodeIfPresent(Int.self, forKey: .flagged) ?? 0
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
            machine = d.targets?.filter { $0.provenance == .machine }.count ?? 0
            flagged = d.targets?.filter(\.needsReview).count ?? 0
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
        /// What machine translation did for the article, when the pipeline translates.
        public var machineTranslation: MachineTranslationReport?

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

        enum CodingKeys: String, CodingKey {
            case id, source, status, title, error, reason, timings, counts, outputs, warnings
            case machineTranslation = "machine_translation"
        }
    }

    public struct Totals: Sendable, Codable, Hashable {
        public var articles = 0
        public var ok = 0
        public var failed = 0
        public var skipped = 0
        /// Articles written but incomplete (see `Status.partial`).
        public var partial = 0
        /// Articles not started because the run was interrupted.
        public var notRun = 0

        enum CodingKeys: String, CodingKey { case articles, ok, failed, skipped, partial, notRun = "not_run" }
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
    /// `K/N` in a shard's report (`run.K-of-N.json`); absent in `run.json`.
    public var shard: String? = nil

    /// A report read back (`run.json`, a shard's report).
    public static func decoded(_ data: Data) throws -> RunReport {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(RunReport.self, from: data)
    }

    /// The one-line summary printed at the end of a run.
    public var summaryLine: String {
        var parts = ["\(totals.articles) article\(totals.articles == 1 ? "" : "s")", "\(totals.ok) written"]
        if totals.skipped > 0 { parts.append("\(totals.skipped) skipped (unchanged)") }
        if totals.partial > 0 { parts.append("\(totals.partial) incomplete (machine translation failed; retried on the next run)") }
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

/// What machine translation did for one article.
public struct MachineTranslationReport: Sendable, Codable, Hashable {
    /// Sentences sent to the provider.
    public var sent = 0
    /// Sentences answered from the MT cache (nothing sent).
    public var cached = 0
    /// Sentences the provider failed on (left untranslated).
    public var failed = 0
    /// Sentences not sent because the run's `max_characters` was reached.
    public var notSent = 0
    /// Characters sent.
    public var characters = 0

    public init() {}

    enum CodingKeys: String, CodingKey { case sent, cached, failed, characters, notSent = "not_sent" }

    public var isComplete: Bool { failed == 0 && notSent == 0 }
}
