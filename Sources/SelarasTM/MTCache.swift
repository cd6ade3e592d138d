import Foundation
import GRDB
import SelarasCore
import SelarasFormats

/// Machine translations kept in the TM store, so that a sentence translated once is never sent to a
/// provider again (a re-run, `--force`, another pipeline on the same store).
///
/// An entry is found by its key (`MTCache.key`): the provider, its server and model, the source
/// sentence, and fingerprints of the glossary terms and the context (neighbouring sentences, TM
/// examples) the request carried, since each of these can change the translation. Entries live in a
/// table of their own (`mt_cache`): they are never units, never matched as TM, never exported as TM.
public enum MTCache {
    static let schema = """
        CREATE TABLE IF NOT EXISTS mt_cache(
            key TEXT PRIMARY KEY, provider TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
            created TEXT NOT NULL) WITHOUT ROWID
        """

    /// One translation to keep.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var provider: String
        public var source: String
        public var target: String

        public init(key: String, provider: String, source: String, target: String) {
            self.key = key
            self.provider = provider
            self.source = source
            self.target = target
        }
    }

    /// The cache key of a request.
    public static func key(provider: String, source: String, glossary: [String], context: [String]) -> String {
        var f = Fingerprint()
        f.combine(provider)
        f.combine(source)
        var g = Fingerprint()
        for t in glossary { g.combine(t) }
        f.combine(g.hex)
        var c = Fingerprint()
        for t in context { c.combine(t) }
        f.combine(c.hex)
        return "\(f.hex)-\(source.unicodeScalars.count)"
    }
}

/// Where machine translations are kept: a TM store (`TMStore`, table `mt_cache`) or a shared
/// store on PostgreSQL. Safe to call from many threads.
public protocol TranslationCache: Sendable {
    /// The cached translations of these keys (those found).
    func cachedTranslations(_ keys: [String]) throws -> [String: String]
    /// Keeps translations (a key already there is replaced).
    func cacheTranslations(_ entries: [MTCache.Entry]) throws
}

extension TMStore: TranslationCache {
    /// The cached translations of these keys (those found).
    public func cachedTranslations(_ keys: [String]) throws -> [String: String] {
        guard !keys.isEmpty, FileManager.default.fileExists(atPath: url.path) else { return [:] }
        return try connected().readers.read { db in
            guard try db.tableExists("mt_cache") else { return [:] }
            var out: [String: String] = [:]
            for chunk in stride(from: 0, to: keys.count, by: 500) {
                let part = Array(keys[chunk..<min(chunk + 500, keys.count)])
                let marks = Array(repeating: "?", count: part.count).joined(separator: ",")
                for row in try Row.fetchAll(db, sql: "SELECT key, target FROM mt_cache WHERE key IN (\(marks))", arguments: StatementArguments(part)) {
                    out[row[0]] = row[1]
                }
            }
            return out
        }
    }

    /// Keeps translations (a key already there is replaced).
    public func cacheTranslations(_ entries: [MTCache.Entry]) throws {
        guard !entries.isEmpty else { return }
        guard let writer = try connected().writer else { throw StoreError.readOnly(url.path) }
        let now = TMXWriter.tmxDate(Date())
        try writer.inDatabase { db in
            try db.execute(sql: MTCache.schema)
            try db.inTransaction(.immediate) {
                for e in entries {
                    try db.execute(sql: "INSERT OR REPLACE INTO mt_cache(key, provider, source, target, created) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [e.key, e.provider, e.source, e.target, now])
                }
                return .commit
            }
        }
    }

    /// Cached machine translations per provider.
    public func cachedTranslationCounts() throws -> [String: Int] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        return try connected().readers.read { db in
            guard try db.tableExists("mt_cache") else { return [:] }
            var out: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT provider, COUNT(*) FROM mt_cache GROUP BY provider") { out[row[0]] = row[1] }
            return out
        }
    }
}
