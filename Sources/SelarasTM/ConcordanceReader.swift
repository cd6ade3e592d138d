import Foundation
import GRDBSQLite
import SelarasFormats

/// The quick way to a concordance search from the command line: one read-only SQLite connection
/// through the C API, none of a `TMStore`'s set-up (a query as a whole command is then about 3 ms
/// quicker). It answers only when the store's concordance index is up to date and the store's
/// languages are the ones asked for; otherwise `search` returns nil and the caller takes the
/// `Concordance` way, which builds the index. A word the TM lacks is stemmed by `stem`, when given
/// (else nil: the stemmer's load is not quick).
public enum ConcordanceReader {
    public static func search(store url: URL, phrase: String, side: Concordance.Side, limit: Int,
                              sourceLanguage: String = "id", targetLanguage: String = "en",
                              stem: ((String) -> String)? = nil) -> (hits: [Concordance.Hit], total: Int)? {
        var db: OpaquePointer?
        guard sqlite3_open_v2(url.path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let db else {
            if let db { sqlite3_close(db) }
            return nil
        }
        defer { sqlite3_close(db) }
        sqlite3_busy_timeout(db, 10_000)
        sqlite3_exec(db, "PRAGMA mmap_size = 4294967296", nil, nil, nil)  // pages through a memory map, as the store reads them

        /// Runs `sql` with text/integer arguments, calling `row` for each result row.
        func query(_ sql: String, _ args: [Any], row: (OpaquePointer) -> Void) -> Bool {
            var stmt: OpaquePointer?
            guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else { return false }
            defer { sqlite3_finalize(stmt) }
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            for (k, a) in args.enumerated() {
                if let s = a as? String { sqlite3_bind_text(stmt, Int32(k + 1), s, -1, transient) }
                else if let n = a as? Int64 { sqlite3_bind_int64(stmt, Int32(k + 1), n) }
                else if let n = a as? Int { sqlite3_bind_int64(stmt, Int32(k + 1), Int64(n)) }
            }
            while true {
                let rc = sqlite3_step(stmt)
                if rc == SQLITE_ROW { row(stmt) } else { return rc == SQLITE_DONE }
            }
        }
        func text(_ stmt: OpaquePointer, _ i: Int32) -> String? {
            guard let c = sqlite3_column_text(stmt, i) else { return nil }
            return String(cString: c)
        }

        var meta: [String: String] = [:]
        guard query("SELECT key, value FROM meta", [], row: { meta[text($0, 0) ?? ""] = text($0, 1) }),
              let generation = meta["generation"], meta["concordance_generation"] == generation,
              TMXReader.language(meta["source_language"] ?? "", matches: sourceLanguage),
              TMXReader.language(meta["target_language"] ?? "", matches: targetLanguage) else { return nil }

        let words = Concordance.words(phrase).map(\.word)
        guard !words.isEmpty else { return ([], 0) }
        var stems: [String] = []
        for w in words {
            var known: String?
            guard query("SELECT stem FROM concordance_word WHERE side = ? AND word = ?", [side.rawValue, w.lowercased()], row: { known = text($0, 0) }),
                  let k = known ?? stem?(w) else { return nil }  // a word the TM lacks needs the stemmer
            stems.append(k)
        }
        let match = "\(side.rawValue) : \"\(stems.joined(separator: " "))\""
        var hits: [Concordance.Hit] = []
        let ok = query("""
            SELECT u.id, u.tuid, f.name, u.source, u.target, c.\(side.rawValue) FROM unit u JOIN file f ON f.id = u.file_id
            JOIN concordance_stems c ON c.id = u.id
            WHERE u.id IN (SELECT rowid FROM concordance WHERE concordance MATCH ? ORDER BY rowid LIMIT ?) ORDER BY u.id
            """, [match, limit]) { stmt in
            let source = text(stmt, 3) ?? "", target = text(stmt, 4) ?? ""
            let tokens = Concordance.words(side == .source ? source : target)
            let keys = (text(stmt, 5) ?? "").split(separator: " ").map(String.init)
            hits.append(Concordance.Hit(unitID: sqlite3_column_int64(stmt, 0), tuid: text(stmt, 1), origin: text(stmt, 2) ?? "",
                                        source: source, target: target, ranges: Concordance.ranges(of: stems, tokens: tokens, keys: keys)))
        }
        guard ok else { return nil }
        // Counted only when there are more than the hits shown.
        var total = hits.count
        if hits.count >= limit {
            guard query("SELECT count(*) FROM (SELECT rowid FROM concordance WHERE concordance MATCH ? LIMIT ?)", [match, Concordance.countLimit],
                        row: { total = Int(sqlite3_column_int64($0, 0)) }) else { return nil }
        }
        return (hits, total)
    }
}
