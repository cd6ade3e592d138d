import GRDB
import GRDBSQLite

/// Inserts units into a store's `unit` table from a `UnitBatch`, with one prepared statement and raw
/// binds: the import's hot path. Texts and records are bound from the batch's bytes without a copy
/// (`SQLITE_STATIC`), which is valid because the batch outlives the step.
final class UnitInserter {
    private let statement: Statement
    private let db: Database
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database) throws {
        self.db = db
        statement = try db.makeStatement(sql: """
            INSERT INTO unit(file_id, tuid, line, source, target, source_lang, target_lang, context, prev, next, has_context, created, changed, extra)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Inserts unit `i` of `batch` and returns its rowid.
    func insert(_ batch: borrowing UnitBatch, _ i: Int, fileID: Int64, context: UInt64, previous: UInt64?, next: UInt64?,
                hasContext: Bool) throws -> Int64 {
        let s = statement.sqliteStatement
        let u = batch.units[i]
        sqlite3_reset(s)
        let rc = batch.bytes.withUnsafeBufferPointer { bytes -> Int32 in
            func text(_ index: Int32, _ span: UnitBatch.Span) {
                if span.isAbsent {
                    sqlite3_bind_null(s, index)
                } else if span.count == 0 {
                    sqlite3_bind_text(s, index, "", 0, Self.transient)
                } else {
                    let p = UnsafeRawPointer(bytes.baseAddress! + Int(span.start)).assumingMemoryBound(to: CChar.self)
                    sqlite3_bind_text(s, index, p, Int32(span.count), nil)
                }
            }
            sqlite3_bind_int64(s, 1, fileID)
            text(2, u.tuid)
            if let l = u.line { sqlite3_bind_int64(s, 3, l) } else { sqlite3_bind_null(s, 3) }
            text(4, u.source)
            text(5, u.target)
            text(6, u.sourceLanguage)
            text(7, u.targetLanguage)
            sqlite3_bind_int64(s, 8, Int64(bitPattern: context))
            if let p = previous { sqlite3_bind_int64(s, 9, Int64(bitPattern: p)) } else { sqlite3_bind_null(s, 9) }
            if let n = next { sqlite3_bind_int64(s, 10, Int64(bitPattern: n)) } else { sqlite3_bind_null(s, 10) }
            sqlite3_bind_int64(s, 11, hasContext ? 1 : 0)
            text(12, u.created)
            text(13, u.changed)
            if u.extra.isAbsent {
                sqlite3_bind_null(s, 14)
            } else {
                sqlite3_bind_blob(s, 14, bytes.baseAddress! + Int(u.extra.start), Int32(u.extra.count), nil)
            }
            return sqlite3_step(s)
        }
        guard rc == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        return sqlite3_last_insert_rowid(db.sqliteConnection)
    }

    func finish() {
        sqlite3_reset(statement.sqliteStatement)
        sqlite3_clear_bindings(statement.sqliteStatement)
    }
}
