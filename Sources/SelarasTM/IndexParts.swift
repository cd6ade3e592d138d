import GRDB
import GRDBSQLite

/// Writes a fuzzy index into a store's `index_part` table: each array as raw little-endian bytes
/// in chunks of `TMStore.indexChunk` (`TMStore` reads them back). Replaces what was there.
///
/// Parts: `keys` (the keys, each ended by a zero byte), `tokenStart`, `tokens16` (two bytes per
/// token when there are fewer than 65,536 keys) or `tokens`, `rowids` — the forward index — and
/// `postingStart`, `postings` — the inverted lists, which can be stored after the rest.
final class IndexParts {
    private let db: Database
    private let statement: Statement

    init(_ db: Database) throws {
        self.db = db
        try db.execute(sql: "DELETE FROM index_part")
        statement = try db.makeStatement(sql: "INSERT INTO index_part(name, part, data) VALUES (?, ?, ?)")
    }

    func storeForward(keys: [String], tokenStart: [UInt32], tokens: [UInt32], rowids: [Int64]) throws {
        var keyBytes: [UInt8] = []
        for k in keys { keyBytes.append(contentsOf: k.utf8); keyBytes.append(0) }
        try keyBytes.withUnsafeBytes { try put("keys", $0) }
        try tokenStart.withUnsafeBytes { try put("tokenStart", $0) }
        if keys.count <= Int(UInt16.max) {
            let narrow = [UInt16](unsafeUninitializedCapacity: tokens.count) { out, n in
                if let base = out.baseAddress { HugePages.advise(UnsafeMutableRawPointer(base), bytes: tokens.count * 2) }
                tokens.withUnsafeBufferPointer { t in
                    for i in t.indices { out[i] = UInt16(truncatingIfNeeded: t[i]) }
                }
                n = tokens.count
            }
            try narrow.withUnsafeBytes { try put("tokens16", $0) }
        } else {
            try tokens.withUnsafeBytes { try put("tokens", $0) }
        }
        try rowids.withUnsafeBytes { try put("rowids", $0) }
    }

    func storeLists(postingStart: [UInt32], postings: [UInt32]) throws {
        try postingStart.withUnsafeBytes { try put("postingStart", $0) }
        try postings.withUnsafeBytes { try put("postings", $0) }
    }

    /// One part, bound straight from the array's memory (SQLite copies the bytes into its pages).
    private func put(_ name: StaticString, _ bytes: UnsafeRawBufferPointer) throws {
        let s = statement.sqliteStatement
        var part = 0
        var offset = 0
        defer {
            sqlite3_reset(s)
            sqlite3_clear_bindings(s)
        }
        repeat {
            let end = min(bytes.count, offset + TMStore.indexChunk)
            sqlite3_reset(s)
            name.withUTF8Buffer { p in
                _ = sqlite3_bind_text(s, 1, UnsafeRawPointer(p.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(p.count), nil)
            }
            sqlite3_bind_int64(s, 2, Int64(part))
            sqlite3_bind_blob(s, 3, bytes.baseAddress.map { $0 + offset } ?? UnsafeRawPointer(bitPattern: 1), Int32(end - offset), nil)
            let rc = sqlite3_step(s)
            guard rc == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            part += 1
            offset = end
        } while offset < bytes.count
    }
}
