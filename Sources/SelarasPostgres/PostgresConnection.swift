import CLibPQ
import Foundation

/// One connection to a PostgreSQL server through libpq, PostgreSQL's own C client.
///
/// Why libpq and not vapor/postgres-nio: both speak the same protocol, but postgres-nio brings
/// SwiftNIO and its async API (2.5 to 4.5 minutes of extra first build on these 2-core machines,
/// measured for the package set here, and an event loop to start in a command that runs for
/// tens of milliseconds), while libpq is a Debian package (`libpq-dev`) that links in no time and
/// connects synchronously, which is all a command-line tool needs. libpq also reads `PGPASSWORD`,
/// `~/.pgpass` (`PGPASSFILE`), `PGSSLMODE` and the other `PG*` variables as every PostgreSQL tool
/// does.
///
/// Statements run with parameters (`$1`, `$2`, …, never spliced into the SQL); results come back
/// as text (`execute`) or as raw bytes in the binary format (`executeBinary`, for documents). A
/// connection is used by one thread at a time.
public final class PostgresConnection: @unchecked Sendable {
    // @unchecked: a connection is used from one thread at a time (documented above).
    private let conn: OpaquePointer
    /// The server address without its password, for messages.
    public let address: String

    /// A parameter of a statement.
    public enum Value: Sendable {
        case text(String)
        case bytes([UInt8])
        case null
    }

    /// Connects to `url` (`postgres://USER[:PASS]@HOST[:PORT]/DB[?…]`).
    public init(url: String) throws(PostgresError) {
        address = PostgresURL.redacted(url)
        guard let c = PQconnectdb(url) else { throw .connect(address, "out of memory") }
        guard PQstatus(c) == CONNECTION_OK else {
            let message = Self.message(PQerrorMessage(c))
            PQfinish(c)
            throw .connect(address, message)
        }
        conn = c
        // Notices (e.g. "relation already exists, skipping") are not printed by a library.
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
    }

    deinit { PQfinish(conn) }

    /// The rows a statement returned (each column as text, nil for NULL); empty for statements
    /// that return none.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [Value] = []) throws(PostgresError) -> [[String?]] {
        try run(sql, parameters, binary: false) { bytes in String(decoding: bytes, as: UTF8.self) }
    }

    /// The rows a statement returned in PostgreSQL's binary format: a `bytea` or `text` column's
    /// bytes as they are (no hex to decode; for large documents).
    public func executeBinary(_ sql: String, _ parameters: [Value] = []) throws(PostgresError) -> [[[UInt8]?]] {
        try run(sql, parameters, binary: true) { Array($0) }
    }

    private func run<T>(_ sql: String, _ parameters: [Value], binary: Bool,
                        _ convert: (UnsafeBufferPointer<UInt8>) -> T) throws(PostgresError) -> [[T?]] {
        var buffers: [[CChar]?] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        for p in parameters {
            switch p {
            case let .text(s):
                buffers.append(Array(s.utf8CString)); lengths.append(0); formats.append(0)
            case let .bytes(b):
                buffers.append(b.isEmpty ? [0] : b.map { CChar(bitPattern: $0) }); lengths.append(Int32(b.count)); formats.append(1)
            case .null:
                buffers.append(nil); lengths.append(0); formats.append(0)
            }
        }
        let result: OpaquePointer? = withPointers(buffers) { pointers in
            PQexecParams(conn, sql, Int32(parameters.count), nil, pointers, lengths, formats, binary ? 1 : 0)
        }
        guard let result else { throw .query(address, Self.message(PQerrorMessage(conn)), sql: sql) }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw .query(address, Self.message(PQresultErrorMessage(result)), sql: sql)
        }
        let rows = Int(PQntuples(result)), columns = Int(PQnfields(result))
        var out: [[T?]] = []
        out.reserveCapacity(rows)
        for r in 0..<rows {
            var row: [T?] = []
            row.reserveCapacity(columns)
            for c in 0..<columns {
                if PQgetisnull(result, Int32(r), Int32(c)) != 0 { row.append(nil); continue }
                let length = Int(PQgetlength(result, Int32(r), Int32(c)))
                let value = PQgetvalue(result, Int32(r), Int32(c))!
                row.append(value.withMemoryRebound(to: UInt8.self, capacity: length) {
                    convert(UnsafeBufferPointer(start: $0, count: length))
                })
            }
            out.append(row)
        }
        return out
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    private static func message(_ p: UnsafePointer<CChar>?) -> String {
        guard let p else { return "unknown error" }
        return String(cString: p).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func withPointers<R>(_ buffers: [[CChar]?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafePointer<CChar>?] = []
        func step(_ i: Int) -> R {
            if i == buffers.count { return body(pointers) }
            guard let b = buffers[i] else { pointers.append(nil); return step(i + 1) }
            return b.withUnsafeBufferPointer { p in
                pointers.append(p.baseAddress)
                return step(i + 1)
            }
        }
        return step(0)
    }
}

/// What went wrong talking to PostgreSQL; the address never includes the password.
public enum PostgresError: Error, CustomStringConvertible {
    case connect(String, String)
    case query(String, String, sql: String)
    case invalid(String, String)

    public var description: String {
        switch self {
        case let .connect(a, m): return "\(a): cannot connect to PostgreSQL: \(m)"
        case let .query(a, m, sql): return "\(a): PostgreSQL refused a statement: \(m) (in: \(sql.prefix(80)))"
        case let .invalid(a, m): return "\(a): \(m)"
        }
    }
}

/// `postgres://` store addresses.
public enum PostgresURL {
    /// Whether a `--store` / `tm_store` value names a PostgreSQL database rather than a file.
    public static func isPostgres(_ value: String) -> Bool {
        value.hasPrefix("postgres://") || value.hasPrefix("postgresql://")
    }

    /// The URL with any password replaced by `***`, for messages and reports.
    public static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        guard let at = rest.firstIndex(of: "@") else { return url }
        let userInfo = rest[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return url }
        return String(url[..<scheme.upperBound]) + userInfo[..<colon] + ":***" + rest[at...]
    }
}
