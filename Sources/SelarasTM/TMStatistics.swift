import SelarasCore
import SelarasFormats
import Foundation
import GRDB

/// What a TM holds: units per file and per language pair, duplicates (units that repeat an earlier
/// unit's source and target exactly) and sources with conflicting translations (the same source
/// text with more than one distinct target).
public struct TMStatistics: Sendable, Codable, Hashable, CustomStringConvertible {
    public var units = 0
    /// Units per origin file.
    public var files: [String: Int] = [:]
    /// Units per language pair ("id→en"), as the files spell the languages.
    public var languages: [String: Int] = [:]
    public var duplicates = 0
    public var conflictingSources = 0
    /// Units repaired or skipped while reading TMX files (nil for a store).
    public var repaired: Int?
    public var skipped: Int?
    /// Machine translations in the store's MT cache, per provider (nil for TMX files). They are not
    /// units: they are never matched or exported as TM.
    public var cachedMachineTranslations: [String: Int]?

    public init() {}

    /// Counts units one at a time, in bounded memory per distinct pair (two 64-bit hashes).
    public struct Counter {
        private var pairs = Set<UInt64>()
        private var firstTarget: [UInt64: UInt64] = [:]
        private var conflicted = Set<UInt64>()
        public private(set) var statistics = TMStatistics()

        public init() {}

        public mutating func add(_ u: TMUnit) {
            add(source: u.source, target: u.target, languages: "\(u.sourceLanguage)→\(u.targetLanguage)", origin: u.origin)
        }

        mutating func add(source: String, target: String, languages: String, origin: String) {
            statistics.units += 1
            statistics.files[origin, default: 0] += 1
            statistics.languages[languages, default: 0] += 1
            let s = Self.hash(source), t = Self.hash(target)
            if !pairs.insert(s ^ (t &* 0x9E37_79B9_7F4A_7C15) ^ (t >> 7)).inserted { statistics.duplicates += 1 }
            if let first = firstTarget[s] {
                if first != t && conflicted.insert(s).inserted { statistics.conflictingSources += 1 }
            } else {
                firstTarget[s] = t
            }
        }

        static func hash(_ s: String) -> UInt64 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in s.utf8 { h ^= UInt64(b); h &*= 0x0000_0100_0000_01b3 }
            return h
        }
    }

    /// The statistics of TMX files read as they are (no store), and the readers' problems (a file
    /// that cannot be read at all is one of them). `repaired` and `skipped` count the units the
    /// reader repaired or skipped.
    public static func of(tmx files: [URL], sourceLanguage: String, targetLanguage: String) -> (TMStatistics, [Diagnostic]) {
        var issues: [Diagnostic] = []
        let reader = TMXReader(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        var counter = Counter()
        for f in files {
            do {
                issues += try reader.read(f) { counter.add($0) }
            } catch {
                issues.append(Diagnostic.from(error))
            }
        }
        var stats = counter.statistics
        stats.repaired = issues.filter { $0.action == .repaired }.count
        stats.skipped = issues.filter { $0.action == .skipped }.count
        return (stats, issues)
    }

    /// The statistics of a store.
    public init(store: TMStore) throws {
        var counter = Counter()
        try store.read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT u.source, u.target, u.source_lang, u.target_lang, f.name FROM unit u JOIN file f ON f.id = u.file_id ORDER BY u.id")
            while let row = try cursor.next() {
                counter.add(source: row[0], target: row[1], languages: "\(row[2] as String)→\(row[3] as String)", origin: row[4])
            }
        }
        self = counter.statistics
        cachedMachineTranslations = try store.cachedTranslationCounts()
    }

    public var description: String {
        var lines = ["units: \(units)"]
        if !languages.isEmpty {
            lines.append("languages: " + languages.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        lines.append("duplicates: \(duplicates)")
        lines.append("sources with conflicting translations: \(conflictingSources)")
        if let repaired { lines.append("units repaired while reading: \(repaired)") }
        if let skipped { lines.append("units skipped while reading: \(skipped)") }
        if let cached = cachedMachineTranslations {
            let total = cached.values.reduce(0, +)
            lines.append("cached machine translations (not TM): \(total)" + (cached.isEmpty ? "" : " (" + cached.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"))
        }
        if !files.isEmpty {
            lines.append("files:")
            for (name, n) in files.sorted(by: { $0.key < $1.key }) { lines.append("  \(name): \(n)") }
        }
        return lines.joined(separator: "\n")
    }
}
