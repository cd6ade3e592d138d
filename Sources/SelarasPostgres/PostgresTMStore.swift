import Foundation
import SelarasCore
import SelarasFormats
import SelarasTM

/// A team's shared TM on PostgreSQL: the source of truth that many machines import into, update
/// and read, while every lookup stays in Selaras's own index on each machine.
///
/// What lives in the database (tables `selaras_*`, created on first use):
/// - `selaras_origin`: each imported TMX file, by file name, with its content hash (FNV-1a, as the
///   SQLite store computes it), size and the document itself. A file's units are the units that
///   document gives; every machine reads them with the same TMX reader, so a shared store holds
///   exactly the units the same files give in a SQLite store. Importing a file whose hash is
///   unchanged does nothing; a changed file replaces its earlier version.
/// - `selaras_reviewed`: reviewed units from `tm update` (unique on source and target, so
///   concurrent updates never duplicate a pair and never lose one).
/// - `selaras_change`: an append-only log, one row per change, numbered by a sequence. Writers
///   take an EXCLUSIVE lock on it inside their transaction, so changes commit in sequence order
///   and a reader that has seen change N has seen every change before it (no gap is skipped).
/// - `selaras_meta`: the store's id and language pair.
///
/// Reading: `replica()` brings a local SQLite store (in `cacheDirectory`) up to the latest change
/// by tailing the log from the last sequence number it applied — changed TMX documents are
/// written next to it and synced, reviewed units added — and returns it; lookups, the pipeline's
/// matching and every `tm` reading command then use it as they use any SQLite store (its fuzzy
/// index is built in memory from it). LISTEN/NOTIFY is not used: the log is the only source of truth.
///
/// - `selaras_mt_cache`: machine translations by cache key (`MTCache.key`), shared by every
///   machine, so a sentence translated once is not sent to a provider again by another.
public final class PostgresTMStore: TranslationCache, @unchecked Sendable {
    // @unchecked: one connection; the MT cache methods, which article threads call, take `lock`;
    // the others are used by one thread (a command's main thread, a run's set-up).
    private let lock = NSLock()
    public let address: String
    public let sourceLanguage: String
    public let targetLanguage: String
    public let cacheDirectory: URL
    let db: PostgresConnection
    /// The store's id (a random UUID written when the tables are created).
    public private(set) var storeID = ""

    /// Connects to `url` and creates the tables when they are missing. `cacheDirectory` holds
    /// the local replica (default `defaultCacheDirectory(for:)`).
    public init(url: String, sourceLanguage: String = "id", targetLanguage: String = "en", cacheDirectory: URL? = nil) throws {
        db = try PostgresConnection(url: url)
        address = db.address
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.cacheDirectory = cacheDirectory ?? Self.defaultCacheDirectory(for: url)
        try createSchema()
    }

    /// `$SELARAS_CACHE_DIR`, else `$XDG_CACHE_HOME/selaras`, else `~/.cache/selaras`, then
    /// `pg-` and a hash of the address without its password.
    public static func defaultCacheDirectory(for url: String) -> URL {
        let env = ProcessInfo.processInfo.environment
        let base: URL
        if let dir = env["SELARAS_CACHE_DIR"], !dir.isEmpty {
            base = URL(fileURLWithPath: dir)
        } else if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty {
            base = URL(fileURLWithPath: xdg).appendingPathComponent("selaras")
        } else {
            base = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/selaras")
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in PostgresURL.redacted(url).utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        return base.appendingPathComponent("pg-" + String(hash, radix: 16))
    }

    private func createSchema() throws {
        try db.transaction {
            // One creator at a time (CREATE TABLE IF NOT EXISTS races on the catalog otherwise).
            try db.execute("SELECT pg_advisory_xact_lock(727310001)")
            try db.execute("""
                CREATE TABLE IF NOT EXISTS selaras_meta(key text PRIMARY KEY, value text NOT NULL);
                """)
            try db.execute("""
                CREATE TABLE IF NOT EXISTS selaras_origin(
                    id bigserial PRIMARY KEY, name text NOT NULL UNIQUE, hash text NOT NULL, size bigint NOT NULL,
                    content bytea NOT NULL, imported timestamptz NOT NULL DEFAULT now())
                """)
            try db.execute("""
                CREATE TABLE IF NOT EXISTS selaras_reviewed(
                    id bigserial PRIMARY KEY, source text NOT NULL, target text NOT NULL, origin text NOT NULL,
                    unit jsonb NOT NULL, created timestamptz NOT NULL DEFAULT now(), UNIQUE(source, target))
                """)
            try db.execute("""
                CREATE TABLE IF NOT EXISTS selaras_change(
                    seq bigserial PRIMARY KEY, kind text NOT NULL CHECK (kind IN ('origin', 'reviewed')),
                    origin_id bigint REFERENCES selaras_origin(id), reviewed_id bigint REFERENCES selaras_reviewed(id),
                    at timestamptz NOT NULL DEFAULT now())
                """)
            try db.execute("""
                CREATE TABLE IF NOT EXISTS selaras_mt_cache(
                    key text PRIMARY KEY, provider text NOT NULL, source text NOT NULL, target text NOT NULL,
                    created timestamptz NOT NULL DEFAULT now())
                """)
            try db.execute("INSERT INTO selaras_meta(key, value) VALUES ('store_id', gen_random_uuid()::text) ON CONFLICT DO NOTHING")
            try db.execute("INSERT INTO selaras_meta(key, value) VALUES ('source_language', $1), ('target_language', $2) ON CONFLICT DO NOTHING",
                           [.text(sourceLanguage), .text(targetLanguage)])
            var meta: [String: String] = [:]
            for row in try db.execute("SELECT key, value FROM selaras_meta") { meta[row[0] ?? ""] = row[1] ?? "" }
            storeID = meta["store_id"] ?? ""
            let stored = "\(meta["source_language"] ?? "")-\(meta["target_language"] ?? "")"
            guard stored == "\(sourceLanguage)-\(targetLanguage)" else {
                throw TMStore.StoreError.languages(address, stored: stored, wanted: "\(sourceLanguage)-\(targetLanguage)")
            }
        }
    }

    /// What importing one file did.
    public struct Imported: Sendable, Equatable {
        public enum Status: String, Sendable { case added, replaced, unchanged }
        public var name: String
        public var status: Status
    }

    /// Stores each TMX file (by file name) unless the store has it with the same content hash.
    /// Each file is its own transaction; a file that cannot be read is reported in `failed`.
    public func importTMX(_ urls: [URL]) throws -> (imported: [Imported], failed: [Diagnostic]) {
        var imported: [Imported] = []
        var failed: [Diagnostic] = []
        for url in urls {
            let data: Data
            let hash: String
            do {
                data = try Data(contentsOf: url)
                hash = try TMStore.contentHash(of: url).0
            } catch {
                failed.append(Diagnostic.tmx(.failed, at: SourceLocation(file: url.path), "cannot read the file"))
                continue
            }
            let name = url.lastPathComponent
            let status: Imported.Status = try db.transaction {
                try db.execute("LOCK TABLE selaras_change IN EXCLUSIVE MODE")
                let known = try db.execute("SELECT id, hash FROM selaras_origin WHERE name = $1 FOR UPDATE", [.text(name)])
                if let row = known.first, row[1] == hash { return .unchanged }
                let id = try db.execute("""
                    INSERT INTO selaras_origin(name, hash, size, content) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (name) DO UPDATE SET hash = EXCLUDED.hash, size = EXCLUDED.size, content = EXCLUDED.content, imported = now()
                    RETURNING id
                    """, [.text(name), .text(hash), .text(String(data.count)), .bytes([UInt8](data))])
                try db.execute("INSERT INTO selaras_change(kind, origin_id) VALUES ('origin', $1)", [.text(id[0][0] ?? "0")])
                return known.isEmpty ? .added : .replaced
            }
            imported.append(Imported(name: name, status: status))
        }
        return (imported, failed)
    }

    /// Adds reviewed units in one transaction; a pair the store holds already (same source, same
    /// target) is skipped. Returns how many were added and skipped.
    public func addReviewed(_ units: [TMUnit], origin: String) throws -> (added: Int, duplicates: Int) {
        try db.transaction {
            try db.execute("LOCK TABLE selaras_change IN EXCLUSIVE MODE")
            var added = 0
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            for u in units {
                // The whole unit (markup, properties, notes) is kept as JSON; source and target
                // are the unique key.
                let json = String(decoding: try encoder.encode(u), as: UTF8.self)
                let id = try db.execute("""
                    INSERT INTO selaras_reviewed(source, target, origin, unit) VALUES ($1, $2, $3, $4::jsonb)
                    ON CONFLICT (source, target) DO NOTHING RETURNING id
                    """, [.text(u.source), .text(u.target), .text(origin), .text(json)])
                guard let row = id.first, let reviewed = row[0] else { continue }
                try db.execute("INSERT INTO selaras_change(kind, reviewed_id) VALUES ('reviewed', $1)", [.text(reviewed)])
                added += 1
            }
            return (added, units.count - added)
        }
    }

    /// The cached machine translations of these keys (those found).
    public func cachedTranslations(_ keys: [String]) throws -> [String: String] {
        guard !keys.isEmpty else { return [:] }
        lock.lock()
        defer { lock.unlock() }
        var out: [String: String] = [:]
        // A text array literal: keys are hex digits and a dash, never quotes or commas.
        let list = "{" + keys.joined(separator: ",") + "}"
        for row in try db.execute("SELECT key, target FROM selaras_mt_cache WHERE key = ANY($1::text[])", [.text(list)]) {
            if let k = row[0], let t = row[1] { out[k] = t }
        }
        return out
    }

    /// Keeps machine translations in one transaction (a key already there is replaced).
    public func cacheTranslations(_ entries: [MTCache.Entry]) throws {
        guard !entries.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        try db.transaction {
            for e in entries {
                try db.execute("""
                    INSERT INTO selaras_mt_cache(key, provider, source, target) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (key) DO UPDATE SET target = EXCLUDED.target, provider = EXCLUDED.provider, created = now()
                    """, [.text(e.key), .text(e.provider), .text(e.source), .text(e.target)])
            }
        }
    }

    /// The number of the latest change (0 for an empty store).
    public func latestChange() throws -> Int64 {
        Int64(try db.execute("SELECT coalesce(max(seq), 0) FROM selaras_change")[0][0] ?? "0") ?? 0
    }

    /// What `replica()` did.
    public struct ReplicaReport: Sendable {
        /// The change the replica is at.
        public var change: Int64 = 0
        /// Changes applied by this call.
        public var applied = 0
        /// TMX documents written from the store.
        public var documents = 0
        /// Reviewed units added.
        public var reviewed = 0
        /// The local store's own report of the TMX sync.
        public var sync: TMStore.ChangeReport?
    }

    /// The local replica, brought up to the latest change (see the type's contract). Processes on
    /// one machine that share the cache directory take turns (a lock file).
    public func replica() throws -> (store: TMStore, report: ReplicaReport) {
        let fm = FileManager.default
        try fm.createDirectory(at: cacheDirectory, withIntermediateDirectories: true)
        let lock: FileLock
        do { lock = try FileLock(cacheDirectory.appendingPathComponent("lock")) } catch {
            throw TMStore.StoreError.cannotOpen(cacheDirectory.path, "\(error)")
        }
        defer { lock.unlock() }
        let storeURL = cacheDirectory.appendingPathComponent("tm.sqlite")
        let documents = cacheDirectory.appendingPathComponent("tmx")
        let stateURL = cacheDirectory.appendingPathComponent("state.json")
        var state = (try? JSONDecoder().decode(ReplicaState.self, from: Data(contentsOf: stateURL))) ?? ReplicaState()
        if state.store != storeID || !fm.fileExists(atPath: storeURL.path) {
            // Another database behind the same address, or no replica yet: start again.
            for name in ["tm.sqlite", "tm.sqlite-wal", "tm.sqlite-shm", "tmx", "state.json"] {
                try? fm.removeItem(at: cacheDirectory.appendingPathComponent(name))
            }
            state = ReplicaState(store: storeID, change: 0)
        }
        var report = ReplicaReport()
        let latest = try latestChange()
        report.change = latest
        let store = try TMStore(url: storeURL, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, create: true)
        guard latest > state.change || !fm.fileExists(atPath: storeURL.path) else { return (store, report) }
        let since = [PostgresConnection.Value.text(String(state.change)), .text(String(latest))]
        report.applied = Int(try db.execute("SELECT count(*) FROM selaras_change WHERE seq > $1 AND seq <= $2", since)[0][0] ?? "0") ?? 0
        // TMX documents changed since the last change applied (or all, for a new replica).
        let changed = try db.executeBinary("""
            SELECT o.name, o.content FROM selaras_origin o
            WHERE o.id IN (SELECT origin_id FROM selaras_change WHERE kind = 'origin' AND seq > $1 AND seq <= $2)
            """, since)
        try fm.createDirectory(at: documents, withIntermediateDirectories: true)
        for row in changed {
            guard let nameBytes = row[0], case let name = String(decoding: nameBytes, as: UTF8.self), Self.isSafeName(name) else { continue }
            try AtomicFile.write(Data(row[1] ?? []), to: documents.appendingPathComponent(name))
            report.documents += 1
        }
        if !changed.isEmpty || state.change == 0 {
            let names = try db.execute("SELECT name FROM selaras_origin ORDER BY id").compactMap { $0[0] }.filter(Self.isSafeName)
            if !names.isEmpty {
                report.sync = try store.sync(tmx: names.map { documents.appendingPathComponent($0) }, prune: true)
            }
        }
        let reviewed = try db.execute("""
            SELECT r.origin, r.unit::text FROM selaras_change c JOIN selaras_reviewed r ON r.id = c.reviewed_id
            WHERE c.kind = 'reviewed' AND c.seq > $1 AND c.seq <= $2 ORDER BY c.seq
            """, since)
        var byOrigin: [(String, [TMUnit])] = []
        let decoder = JSONDecoder()
        for row in reviewed {
            let origin = row[0] ?? ""
            let unit = try decoder.decode(TMUnit.self, from: Data((row[1] ?? "").utf8))
            if byOrigin.last?.0 == origin { byOrigin[byOrigin.count - 1].1.append(unit) } else { byOrigin.append((origin, [unit])) }
        }
        for (origin, units) in byOrigin {
            report.reviewed += try store.add(units: units, origin: origin).unitsAdded
        }
        state.change = latest
        try AtomicFile.write(try JSONEncoder().encode(state), to: stateURL)
        return (store, report)
    }

    /// A file name that can be written in the cache directory as it is.
    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && name != "." && name != ".." && !name.contains("\0")
    }

    struct ReplicaState: Codable {
        var store = ""
        var change: Int64 = 0
    }
}
