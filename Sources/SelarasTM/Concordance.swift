import Foundation
import GRDB
import SelarasCore
import SelarasFormats
import SelarasText

/// Concordance search in a TM store: the units whose source (or target) contains a word or phrase in
/// any inflected form, with the hits marked, as CAT tools offer it.
///
/// Words are compared by stem: Indonesian sources by `IndonesianStemmer` (`perundingan`,
/// `berunding`, `perundingan-perundingan` all key as `runding`), English targets by
/// `EnglishStemmer` (`talks`/`talk`). The store keeps an SQLite FTS5 index of the stems (table
/// `concordance` over `concordance_stems`, each unit's stems; with `concordance_word`, every word of
/// the TM and its stem, so a query needs no stemmer load for words the TM has). It is built on the first search after the units change (the
/// store's generation), in one transaction; later searches read it.
public struct Concordance: Sendable {
    public enum Side: String, Sendable { case source, target }

    /// A unit with a hit.
    public struct Hit: Sendable, Hashable {
        public var unitID: Int64
        public var tuid: String?
        public var origin: String
        public var source: String
        public var target: String
        /// Where the phrase is in the searched side, in code points.
        public var ranges: [Range<Int>]
    }

    public let store: TMStore
    /// Hits are counted up to this many.
    public static let countLimit = 1_000

    public init(store: TMStore) {
        self.store = store
    }

    /// The words of `text` with their code-point ranges: runs of letters and digits, a hyphen inside
    /// a word kept (reduplication).
    static func words(_ text: String) -> [(word: String, range: Range<Int>)] {
        // Most TM text is ASCII: its bytes are its code points.
        var ascii = true
        let fast: [(String, Range<Int>)]? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var out: [(String, Range<Int>)] = []
            var start: Int?
            func isWord(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) }
            for k in 0..<bytes.count {
                let b = bytes[k]
                if b >= 0x80 { ascii = false; return [] }
                if isWord(b) || (b == 0x2D && start != nil && k + 1 < bytes.count && isWord(bytes[k + 1])) {
                    if start == nil { start = k }
                } else if let s = start {
                    out.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<k]), as: UTF8.self), s..<k))
                    start = nil
                }
            }
            if let s = start { out.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<bytes.count]), as: UTF8.self), s..<bytes.count)) }
            return out
        }
        if let fast, ascii { return fast }
        var out: [(String, Range<Int>)] = []
        let scalars = Array(text.unicodeScalars)
        var start: Int?
        func isWord(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s.properties.numericType != nil }
        for (k, s) in scalars.enumerated() {
            if isWord(s) || (s == "-" && start != nil && k + 1 < scalars.count && isWord(scalars[k + 1])) {
                if start == nil { start = k }
            } else if let b = start {
                out.append((String(String.UnicodeScalarView(scalars[b..<k])), b..<k))
                start = nil
            }
        }
        if let b = start { out.append((String(String.UnicodeScalarView(scalars[b...])), b..<scalars.count)) }
        return out
    }

    /// The stem of a word of a side (FTS-safe: letters and digits only).
    static func stem(_ word: String, side: Side, stemmer: IndonesianStemmer) -> String {
        let lower = word.lowercased()
        let s = side == .source ? stemmer.stem(lower) : EnglishStemmer.key(lower)
        let clean = String(String.UnicodeScalarView(s.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
        return clean.isEmpty ? lower : clean
    }

    /// The search result as `selaras tm concordance` prints it: a count line, then each unit as
    /// `[origin#tuid] source` and `  → target`, the hits marked `**…**` (or bold with `bold`).
    public static func lines(_ found: (hits: [Hit], total: Int), phrase: String, side: Side, bold: Bool) -> [String] {
        let (hits, total) = found
        var out = ["\(total >= countLimit ? "\(total)+" : "\(total)") unit\(total == 1 ? "" : "s") with \"\(phrase)\" in the \(side == .source ? "sources" : "targets")\(total > hits.count ? ", the first \(hits.count)" : "")"]
        for h in hits {
            let marked = mark(side == .source ? h.source : h.target, h.ranges, bold: bold)
            out.append("")
            out.append("[\(h.origin)\(h.tuid.map { "#\($0)" } ?? "")] \(side == .source ? marked : h.source)")
            out.append("  → \(side == .target ? marked : h.target)")
        }
        return out
    }

    static func mark(_ text: String, _ ranges: [Range<Int>], bold: Bool) -> String {
        var scalars = Array(text.unicodeScalars)
        let (open, close) = bold ? ("\u{1B}[1m", "\u{1B}[0m") : ("**", "**")
        for r in ranges.reversed() where r.upperBound <= scalars.count {
            scalars.insert(contentsOf: close.unicodeScalars, at: r.upperBound)
            scalars.insert(contentsOf: open.unicodeScalars, at: r.lowerBound)
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Where the stems `phrase` occur in a text whose words are `tokens` with stems `keys`.
    static func ranges(of phrase: [String], tokens: [(word: String, range: Range<Int>)], keys: [String]) -> [Range<Int>] {
        guard tokens.count >= phrase.count, keys.count == tokens.count, !phrase.isEmpty else { return [] }
        var out: [Range<Int>] = []
        for k in 0...(tokens.count - phrase.count) where Array(keys[k..<(k + phrase.count)]) == phrase {
            out.append(tokens[k].range.lowerBound..<tokens[k + phrase.count - 1].range.upperBound)
        }
        return out
    }

    /// Whether the index matches the units.
    public func isCurrent() throws -> Bool {
        try store.read { db in
            let m = try TMStore.meta(db)
            return m["concordance_generation"] != nil && m["concordance_generation"] == m["generation"]
        }
    }

    /// Builds the index when the units changed since it was built. `progress` hears about a build.
    public func prepare(progress: ((String) -> Void)? = nil) throws {
        guard try !isCurrent() else { return }
        guard let writer = try store.connected().writer else { throw TMStore.StoreError.readOnly(store.url.path) }
        progress?("building the concordance index (once per change of the TM)")
        var rows: [(Int64, String, String)] = []
        try store.read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT id, source, target FROM unit ORDER BY id")
            while let r = try cursor.next() { rows.append((r[0], r[1], r[2])) }
        }
        let stemmer = TMStemmer().stemmer
        // Every distinct word of each side, stemmed once, in parallel; then each unit's stems.
        let chunk = 5_000
        let chunks = (rows.count + chunk - 1) / chunk
        let vocabularies = Parallel.map(count: chunks) { c -> (Set<String>, Set<String>) in
            var s = Set<String>(), t = Set<String>()
            for (_, source, target) in rows[(c * chunk)..<min(rows.count, (c + 1) * chunk)] {
                for w in Self.words(source) { s.insert(w.word.lowercased()) }
                for w in Self.words(target) { t.insert(w.word.lowercased()) }
            }
            return (s, t)
        }
        var stemOf: [Side: [String: String]] = [:]
        for side in [Side.source, .target] {
            let words = Array(vocabularies.reduce(into: Set<String>()) { $0.formUnion(side == .source ? $1.0 : $1.1) })
            let stems = Parallel.map(words) { Self.stem($0, side: side, stemmer: stemmer) }
            stemOf[side] = Dictionary(uniqueKeysWithValues: zip(words, stems))
        }
        let sourceStems = stemOf[.source]!, targetStems = stemOf[.target]!
        let units = Parallel.map(count: chunks) { c -> [(Int64, String, String)] in
            rows[(c * chunk)..<min(rows.count, (c + 1) * chunk)].map { id, source, target in
                (id, Self.words(source).map { sourceStems[$0.word.lowercased()]! }.joined(separator: " "),
                 Self.words(target).map { targetStems[$0.word.lowercased()]! }.joined(separator: " "))
            }
        }
        try writer.inDatabase { db in
            try db.inTransaction(.immediate) {
                try db.execute(sql: """
                    DROP TABLE IF EXISTS concordance;
                    DROP TABLE IF EXISTS concordance_stems;
                    DROP TABLE IF EXISTS concordance_word;
                    CREATE TABLE concordance_stems(id INTEGER PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL);
                    CREATE VIRTUAL TABLE concordance USING fts5(source, target, content='concordance_stems', content_rowid='id',
                                                                tokenize='unicode61 remove_diacritics 0');
                    CREATE TABLE concordance_word(side TEXT NOT NULL, word TEXT NOT NULL, stem TEXT NOT NULL, PRIMARY KEY(side, word)) WITHOUT ROWID;
                    """)
                let stems = try db.makeStatement(sql: "INSERT INTO concordance_stems(id, source, target) VALUES (?, ?, ?)")
                let insert = try db.makeStatement(sql: "INSERT INTO concordance(rowid, source, target) VALUES (?, ?, ?)")
                let word = try db.makeStatement(sql: "INSERT OR IGNORE INTO concordance_word(side, word, stem) VALUES (?, ?, ?)")
                for part in units {
                    for (id, s, t) in part {
                        try stems.execute(arguments: [id, s, t])
                        try insert.execute(arguments: [id, s, t])
                    }
                }
                for (w, k) in sourceStems { try word.execute(arguments: ["source", w, k]) }
                for (w, k) in targetStems { try word.execute(arguments: ["target", w, k]) }
                try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) SELECT 'concordance_generation', value FROM meta WHERE key = 'generation'")
                return .commit
            }
        }
    }

    /// The units whose `side` contains `phrase` (its words in order, each in any inflected form),
    /// in the order they were added, at most `limit`; and how many there are in all (counted up to
    /// `countLimit`). The index must be up to date (`prepare`). One implementation with the command
    /// line's quick way (`ConcordanceReader`); here a word the TM lacks is stemmed.
    public func search(_ phrase: String, side: Side = .source, limit: Int = 20) throws -> (hits: [Hit], total: Int) {
        let stem: (String) -> String = { w in Self.stem(w, side: side, stemmer: side == .source ? TMStemmer().stemmer : IndonesianStemmer(lexicon: nil)) }
        guard let found = ConcordanceReader.search(store: store.url, phrase: phrase, side: side, limit: limit,
                                                   sourceLanguage: store.sourceLanguage, targetLanguage: store.targetLanguage, stem: stem) else {
            throw TMStore.StoreError.cannotOpen(store.url.path, "the concordance index is not up to date or cannot be read")
        }
        return found
    }
}
