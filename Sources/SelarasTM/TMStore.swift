import Foundation
import GRDB
import GRDBSQLite
import SelarasCore
import SelarasFormats

/// The embedded TM store: one SQLite file (through GRDB) holding the units, the TMX files they came
/// from with their content hashes, metadata, and the fuzzy index, so a second run neither re-parses
/// the TMX nor rebuilds the index.
///
/// Contract:
/// - `sync(tmx:)` makes the store's TMX-derived units match the given files: a file whose content
///   hash (FNV-1a over its bytes) is unchanged is not read again; a changed file's units are
///   replaced; with `prune`, files no longer listed are removed. Units added with `add(units:)`
///   are kept. Every change happens in one transaction together with the index rebuild, so the
///   store is never seen half-updated and its index always matches its units.
/// - `add(units:)` adds units (from reviewed XLIFF), skipping pairs (same source, same target)
///   already present.
/// - Reads are thread-safe: a small pool of read-only connections serves them.
/// - A store written by another analyzer version is re-indexed on the next write (and indexed in
///   memory until then).
public final class TMStore: @unchecked Sendable {
    // @unchecked: `connections` is set once, under `lock`; the writer and the pool are GRDB queues
    // (serialised), and the pool's array is locked.
    public let url: URL
    public let sourceLanguage: String
    public let targetLanguage: String
    private let lock = NSLock()
    /// nil while the store file does not exist yet (it is created by the first write or read).
    private var connections: Connections?

    struct Connections {
        /// nil when the file cannot be written.
        let writer: DatabaseQueue?
        let readers: ReaderPool
    }

    public enum StoreError: Error, CustomStringConvertible {
        case cannotOpen(String, String)
        case readOnly(String)
        case notAStore(String)
        case languages(String, stored: String, wanted: String)

        public var description: String {
            switch self {
            case let .cannotOpen(p, r): return "\(p): cannot open the TM store: \(r)"
            case let .readOnly(p): return "\(p): the TM store is read-only, so it cannot be updated"
            case let .notAStore(p): return "\(p): not a Selaras TM store"
            case let .languages(p, stored, wanted):
                return "\(p): the TM store holds \(stored) units, not \(wanted); use another store for this language pair"
            }
        }
    }

    static let schemaVersion = 1
    static let indexChunk = 8 << 20

    /// Opens the store at `url` for the language pair. A missing store is created on first use
    /// when `create` is true (a first `sync` builds it in one go, see `FreshStore`); otherwise a
    /// missing store is an error.
    /// With `readOnly`, no writing connection is opened (faster, for a quick search); updates then
    /// fail with `StoreError.readOnly`.
    public init(url: URL, sourceLanguage: String = "id", targetLanguage: String = "en", create: Bool = true, readOnly: Bool = false) throws {
        self.url = url
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        if FileManager.default.fileExists(atPath: url.path) {
            connections = try Self.open(url, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, writable: !readOnly)
        } else {
            if !create { throw StoreError.cannotOpen(url.path, "no such file") }
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw StoreError.cannotOpen(url.path, "cannot create its folder: \(error.localizedDescription)")
            }
            guard access(url.deletingLastPathComponent().path, W_OK) == 0 else {
                throw StoreError.cannotOpen(url.path, "its folder is not writable")
            }
        }
    }

    /// Opens an existing store file, checking that it is a store for this language pair.
    private static func open(_ url: URL, sourceLanguage: String, targetLanguage: String, writable: Bool = true) throws -> Connections {
        var config = Configuration()
        config.busyMode = .timeout(120)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -16384")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        var w: DatabaseQueue?
        do {
            w = writable ? try DatabaseQueue(path: url.path, configuration: config) : nil
        } catch {
            w = nil
        }
        if let w {
            do {
                try Self.migrate(w, path: url.path, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
            } catch let e as StoreError {
                throw e
            } catch let e as DatabaseError where e.resultCode == .SQLITE_READONLY {
                _ = e
            } catch {
                throw StoreError.notAStore(url.path)
            }
        }
        let readers = ReaderPool(path: url.path)
        let meta = try readers.read { db in try Self.meta(db) }
        guard meta["schema"] != nil else { throw StoreError.notAStore(url.path) }
        let stored = "\(meta["source_language"] ?? "?")→\(meta["target_language"] ?? "?")"
        if !TMXReader.language(meta["source_language"] ?? "", matches: sourceLanguage) || !TMXReader.language(meta["target_language"] ?? "", matches: targetLanguage) {
            throw StoreError.languages(url.path, stored: stored, wanted: "\(sourceLanguage)→\(targetLanguage)")
        }
        return Connections(writer: w.flatMap { Self.isWritable($0) ? $0 : nil }, readers: readers)
    }

    /// The store's connections, creating an empty store first when there is no file yet.
    func connected() throws -> Connections {
        lock.lock()
        defer { lock.unlock() }
        if let connections { return connections }
        if !FileManager.default.fileExists(atPath: url.path) {
            let fresh = try FreshStore(destination: url)
            try fresh.queue!.inDatabase { db in
                try Self.createSchema(db, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
            }
            _ = try fresh.publish()  // false: another process created it meanwhile, which is as good
        }
        let c = try Self.open(url, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        connections = c
        return c
    }

    private var readers: ReaderPool {
        get throws { try connected().readers }
    }

    private static func isWritable(_ q: DatabaseQueue) -> Bool {
        (try? q.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE; COMMIT") }) != nil
    }

    private static func migrate(_ q: DatabaseQueue, path: String, sourceLanguage: String, targetLanguage: String) throws {
        try q.inDatabase { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type='table'")
            if tables.contains("meta") {
                let v = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key='schema'")
                guard v == String(schemaVersion) else { throw StoreError.notAStore(path) }
                // Added after the first stores were made: stores without it get it here.
                if !tables.contains("mt_cache") { try db.execute(sql: MTCache.schema) }
                return
            }
            guard tables.isEmpty else { throw StoreError.notAStore(path) }
            try createSchema(db, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        }
    }

    /// The tables and metadata of an empty store.
    static func createSchema(_ db: Database, sourceLanguage: String, targetLanguage: String) throws {
        try db.inTransaction(.immediate) {
            try db.execute(sql: """
                CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE file(
                    id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL,
                    hash TEXT NOT NULL, size INTEGER NOT NULL, first_unit INTEGER, last_unit INTEGER,
                    units INTEGER NOT NULL DEFAULT 0, repaired INTEGER NOT NULL DEFAULT 0, skipped INTEGER NOT NULL DEFAULT 0,
                    header BLOB, imported TEXT NOT NULL);
                CREATE TABLE unit(
                    id INTEGER PRIMARY KEY, file_id INTEGER NOT NULL, tuid TEXT, line INTEGER,
                    source TEXT NOT NULL, target TEXT NOT NULL, source_lang TEXT NOT NULL, target_lang TEXT NOT NULL,
                    context INTEGER NOT NULL, prev INTEGER, next INTEGER, has_context INTEGER NOT NULL,
                    created TEXT, changed TEXT, extra BLOB);
                CREATE TABLE index_part(name TEXT NOT NULL, part INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY(name, part)) WITHOUT ROWID;
                """)
            try db.execute(sql: MTCache.schema)
            let now = TMXWriter.tmxDate(Date())
            for (k, v) in [("schema", String(schemaVersion)), ("source_language", sourceLanguage), ("target_language", targetLanguage),
                           ("generation", "0"), ("index_generation", "0"), ("index_analyzer", ""),
                           ("byte_order", "little"), ("created", now)] {
                try db.execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?)", arguments: [k, v])
            }
            return .commit
        }
    }

    static func meta(_ db: Database) throws -> [String: String] {
        var out: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") { out[row[0]] = row[1] }
        return out
    }

    /// Whether the store can be updated (a store not created yet: whether its folder is writable).
    public var isWritable: Bool {
        lock.lock()
        let c = connections
        lock.unlock()
        if let c { return c.writer != nil }
        return access(url.deletingLastPathComponent().path, W_OK) == 0
    }

    // MARK: files

    /// A TMX file the store was built from.
    public struct FileRecord: Sendable, Hashable {
        public var path: String
        public var name: String
        /// `tmx`, or `added` for units added by `add(units:)`.
        public var kind: String
        public var hash: String
        public var units: Int
        public var repaired: Int
        public var skipped: Int
        public var imported: String
    }

    public func files() throws -> [FileRecord] {
        try readers.read { db in
            try Row.fetchAll(db, sql: "SELECT path, name, kind, hash, units, repaired, skipped, imported FROM file ORDER BY id").map {
                FileRecord(path: $0[0], name: $0[1], kind: $0[2], hash: $0[3], units: $0[4], repaired: $0[5], skipped: $0[6], imported: $0[7])
            }
        }
    }

    /// The content hash a file is compared by (`ContentHasher`), and its size.
    public static func contentHash(of url: URL) throws -> (String, Int) {
        let fd = Foundation.open(url.path, O_RDONLY)
        guard fd >= 0 else {
            throw Diagnostic.tmx(.failed, at: SourceLocation(file: url.path), "cannot read the file: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var hasher = ContentHasher()
        let chunk = 1 << 20
        let raw = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 8)
        defer { raw.deallocate() }
        while true {
            let n = Foundation.read(fd, raw, chunk)
            if n < 0 {
                if errno == EINTR { continue }
                throw Diagnostic.tmx(.failed, at: SourceLocation(file: url.path), "read error: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            hasher.update(UnsafeRawBufferPointer(start: raw, count: n))
        }
        return (hasher.hex, hasher.count)
    }

    /// A file's size without reading it (nil when it cannot be read).
    static func size(of url: URL) -> Int? {
        var st = stat()
        guard stat(url.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(st.st_size)
    }

    // MARK: sync

    /// What `sync` and `add` did.
    public struct ChangeReport: Sendable {
        /// Files read (new or changed) and their unit counts.
        public var loaded: [(name: String, units: Int)] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
        public var unitsAdded = 0
        public var unitsRemoved = 0
        /// Pairs left out by `add` because the store already had them.
        public var duplicates = 0
        public var issues: [Diagnostic] = []
        /// Whether the index was rebuilt.
        public var reindexed = false
        /// How long each step of the change took, in order (for `selaras tm import --timings` and
        /// benchmarks): reading and storing units, building the index, storing it, committing, and
        /// for a new store publishing it.
        public var phases: [(name: String, seconds: Double)] = []
    }

    /// Measures consecutive phases (`ChangeReport.phases`).
    struct PhaseClock {
        private var last = PhaseClock.now()

        private static func now() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_MONOTONIC, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }

        /// Seconds since the clock started or the last lap.
        mutating func lap() -> Double {
            let t = Self.now()
            defer { last = t }
            return t - last
        }
    }

    /// Brings the store in line with `urls` (see the type's contract). `progress` gets a line per file
    /// and one before indexing; an error it throws stops the sync, which then changes nothing.
    @discardableResult
    public func sync(tmx urls: [URL], prune: Bool = false, progress: ((String) throws -> Void)? = nil) throws -> ChangeReport {
        if let report = try buildFresh(urls, progress: progress) { return report }
        var hashes: [String: String] = [:]
        // A first look without the write lock: most runs find nothing to do.
        let first = try readers.read { db in try plan(db, urls, prune: prune, hashes: &hashes) }
        let current = try indexIsCurrent()
        if first.toLoad.isEmpty && first.toDelete.isEmpty && current { return first.report }
        guard let writer = try connected().writer else { throw StoreError.readOnly(url.path) }
        var report = ChangeReport()
        try writer.inDatabase { db in
            try db.inTransaction(.immediate) {
                // Decided again under the lock: another process may have refreshed the store meanwhile.
                let p = try plan(db, urls, prune: prune, hashes: &hashes)
                report = p.report
                let indexed = try self.indexIsCurrent(db)
                if p.toLoad.isEmpty && p.toDelete.isEmpty && indexed { return .commit }
                try self.apply(db, load: p.toLoad, delete: p.toDelete, added: [], report: &report, progress: progress)
                return .commit
            }
        }
        return report
    }

    /// The first sync of a store that does not exist yet: every file is loaded into a `FreshStore`
    /// (no journal, no syncs until the end), which is published when complete, so an interrupted
    /// import leaves no store at all. nil when the store exists, or appeared meanwhile (another
    /// process or thread created it): then the transactional path takes over.
    private func buildFresh(_ urls: [URL], progress: ((String) throws -> Void)?) throws -> ChangeReport? {
        lock.lock()
        let absent = connections == nil && !FileManager.default.fileExists(atPath: url.path)
        lock.unlock()
        guard absent else { return nil }
        // The stemmer's root list loads while the file is read (it is needed only for indexing).
        TMStemmer.prepareInFuture()
        let fresh = try FreshStore(destination: url)
        var report = ChangeReport()
        var clock = PhaseClock()
        do {
            try fresh.queue!.inDatabase { db in
                try Self.createSchema(db, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
                try db.inTransaction(.exclusive) {
                    var hashes: [String: String] = [:]
                    let p = try plan(db, urls, prune: false, hashes: &hashes)
                    report = p.report
                    try self.apply(db, load: p.toLoad, delete: [], added: [], report: &report, progress: progress)
                    clock = PhaseClock()
                    return .commit
                }
            }
        } catch let e as DatabaseError {
            throw StoreError.cannotOpen(url.path, "\(e)")
        }
        report.phases.append(("commit", clock.lap()))
        guard try fresh.publish() else { return nil }
        report.phases.append(("publish", clock.lap()))
        _ = try connected()
        return report
    }

    /// Which files to read and which stored files to drop. A file is read again when it is new,
    /// when its size changed, or when its content hash changed; a new or resized file's hash is
    /// computed while it is read, not before. `hashes` caches hashes computed here, by path.
    private func plan(_ db: Database, _ urls: [URL], prune: Bool, hashes: inout [String: String]) throws
        -> (toLoad: [(URL, String, String, Int)], toDelete: [Row], report: ChangeReport) {
        var report = ChangeReport()
        let current = try Row.fetchAll(db, sql: "SELECT id, path, hash, size, first_unit, last_unit, units, name FROM file WHERE kind = 'tmx'")
        var known: [String: Row] = [:]
        for r in current { known[r["path"]] = r }
        var toLoad: [(URL, String, String, Int)] = []
        var toDelete: [Row] = []
        var seenPaths = Set<String>()
        for url in urls {
            let path = url.standardizedFileURL.path
            guard seenPaths.insert(path).inserted else { continue }
            guard let size = Self.size(of: url) else {
                // Keep what the store has from a file that cannot be read now.
                report.issues.append(Diagnostic.tmx(.failed, at: SourceLocation(file: url.path), "cannot read the file"))
                continue
            }
            if let r = known[path] {
                if r["size"] as Int == size {
                    let hash: String
                    if let h = hashes[path] { hash = h } else { hash = try Self.contentHash(of: url).0; hashes[path] = hash }
                    if r["hash"] as String == hash { report.unchanged.append(url.lastPathComponent); continue }
                }
                toDelete.append(r)
            }
            toLoad.append((url, path, "", size))
        }
        if prune {
            for r in current where !seenPaths.contains(r["path"] as String) {
                toDelete.append(r)
                report.removed.append(r["name"])
            }
        }
        return (toLoad, toDelete, report)
    }

    /// Adds `units` under `origin` (a file name, for matches' origin), skipping pairs already present.
    @discardableResult
    public func add(units: [TMUnit], origin: String) throws -> ChangeReport {
        guard let writer = try connected().writer else { throw StoreError.readOnly(url.path) }
        var report = ChangeReport()
        try writer.inDatabase { db in
            try db.inTransaction(.immediate) {
                try self.apply(db, load: [], delete: [], added: units.map { var u = $0; u.origin = origin; return u }, report: &report, progress: nil)
                return .commit
            }
        }
        return report
    }

    private func apply(_ db: Database, load: [(URL, String, String, Int)], delete: [Row], added: [TMUnit], removing: Set<Int64> = [],
                       report: inout ChangeReport, progress: ((String) throws -> Void)?) throws {
        var clock = PhaseClock()
        let old = try loadStoredIndex(db)
        // Single units removed (tm remove, tm dedupe), with the unit counts of their files.
        if !removing.isEmpty {
            let list = Array(removing)
            for start in stride(from: 0, to: list.count, by: 500) {
                let part = Array(list[start..<min(list.count, start + 500)])
                try db.execute(sql: "DELETE FROM unit WHERE id IN (\(Array(repeating: "?", count: part.count).joined(separator: ",")))",
                               arguments: StatementArguments(part))
            }
            try db.execute(sql: "UPDATE file SET units = (SELECT count(*) FROM unit WHERE unit.file_id = file.id)")
            report.unitsRemoved += removing.count
        }
        // Units of deleted files, as rowid ranges.
        var deletedRanges: [ClosedRange<Int64>] = []
        for r in delete {
            let id: Int64 = r["id"]
            if let a: Int64 = r["first_unit"], let b: Int64 = r["last_unit"], a <= b { deletedRanges.append(a...b) }
            report.unitsRemoved += (r["units"] as Int?) ?? 0
            try db.execute(sql: "DELETE FROM unit WHERE file_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM file WHERE id = ?", arguments: [id])
        }
        var builder = FuzzyIndexBuilder()
        var rowids: [Int64] = []
        // Surviving units first (rowid order), from the old index when it is valid.
        if let old {
            var remap = [UInt32](repeating: UInt32.max, count: old.index.keys.count)
            var ids: [UInt32] = []
            rowids.reserveCapacity(old.rowids.count)
            deletedRanges.sort { $0.lowerBound < $1.lowerBound }
            for o in 0..<old.index.unitCount {
                let rowid = old.rowids[o]
                if removing.contains(rowid) || deletedRanges.contains(where: { $0.contains(rowid) }) { continue }
                ids.removeAll(keepingCapacity: true)
                for t in old.index.tokenStart[o]..<old.index.tokenStart[o + 1] {
                    let k = Int(old.index.tokens[Int(t)])
                    if remap[k] == UInt32.max { remap[k] = builder.interner.term(forKey: old.index.keys[k]) }
                    ids.append(remap[k])
                }
                builder.add(terms: ids)
                rowids.append(rowid)
            }
        } else {
            let cursor = try Row.fetchCursor(db, sql: "SELECT id, source FROM unit ORDER BY id")
            while let row = try cursor.next() {
                builder.add(text: row[1])
                rowids.append(row[0])
            }
        }

        let incoming = load.reduce(0) { $0 + $1.3 }
        // Generous (a token per 10 bytes of TMX): memory not filled is never touched.
        builder.reserve(units: rowids.count + incoming / 400 + added.count, tokens: builder.tokenCount + incoming / 10 + added.count * 40)
        rowids.reserveCapacity(rowids.count + incoming / 400 + added.count)
        let inserter = try UnitInserter(db)
        let now = TMXWriter.tmxDate(Date())
        let reader = TMXReader(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        // The reading threads' interner (one file after another), see `UnitPipe.start`.
        let readerInterner = KeyInterner()
        for (url, path, hash, size) in load {
            try progress?("reading \(url.lastPathComponent)")
            try db.execute(sql: "INSERT INTO file(path, name, kind, hash, size, imported) VALUES (?, ?, 'tmx', ?, ?, ?)",
                           arguments: [path, url.lastPathComponent, hash, size, now])
            let fileID = db.lastInsertedRowID
            var first: Int64?
            var last: Int64?
            var count = 0
            var header: TMXHeader?
            var analysed = 0
            var lastContext: UInt64?
            /// Inserts unit `i` of `batch`; `next` is the context of the unit after it in the file.
            func insert(_ batch: borrowing UnitBatch, _ i: Int, next: UInt64?) throws {
                let context = batch.contexts[i]
                let props = batch.units[i].propsContext
                let rowid = try inserter.insert(batch, i, fileID: fileID, context: context,
                                                previous: props != nil ? props!.previous : lastContext,
                                                next: props != nil ? props!.next : next, hasContext: true)
                if first == nil { first = rowid }
                last = rowid
                rowids.append(rowid)
                lastContext = context
                count += 1
            }
            let pipe = UnitPipe.start(reader, url, interner: readerInterner)
            let issues: [Diagnostic]
            do {
                // A batch's last unit waits for the next batch: its `next` context is that batch's first unit.
                var held: UnitBatch?
                while var batch = pipe.next() {
                    builder.add(&batch)
                    analysed += batch.count
                    if let h = held {
                        try insert(h, h.count - 1, next: batch.contexts[0])
                        pipe.recycle(h)
                    }
                    for i in 0..<(batch.count - 1) { try insert(batch, i, next: batch.contexts[i + 1]) }
                    held = batch
                }
                if let h = held { try insert(h, h.count - 1, next: nil) }
                (issues, header) = try pipe.outcome()
            } catch let failure as Diagnostic {
                // The file could not be read at all: nothing of it is stored (and it is read again next time).
                report.issues.append(failure)
                try db.execute(sql: "DELETE FROM unit WHERE file_id = ?", arguments: [fileID])
                try db.execute(sql: "DELETE FROM file WHERE id = ?", arguments: [fileID])
                rowids.removeLast(count)
                builder.removeLast(analysed)
                continue
            } catch {
                pipe.cancel()
                throw error
            }
            report.issues += issues
            let repaired = issues.filter { $0.action == .repaired }.count
            let skipped = issues.filter { $0.action == .skipped }.count
            let (hash, readSize) = pipe.contentHash ?? (hash, size)
            try db.execute(sql: "UPDATE file SET first_unit = ?, last_unit = ?, units = ?, repaired = ?, skipped = ?, header = ?, hash = ?, size = ? WHERE id = ?",
                           arguments: [first, last, count, repaired, skipped, header.flatMap { try? JSONEncoder().encode($0) }, hash, readSize, fileID])
            report.loaded.append((url.lastPathComponent, count))
            report.unitsAdded += count
        }

        if !added.isEmpty {
            // Duplicates: same source and target as a unit already stored, or earlier in this batch.
            let name = added[0].origin
            try db.execute(sql: "INSERT INTO file(path, name, kind, hash, size, imported) VALUES (?, ?, 'added', '', 0, ?)",
                           arguments: ["added:\(now):\(UUID().uuidString)", name, now])
            let fileID = db.lastInsertedRowID
            var seen = Set<String>()
            var first: Int64?, last: Int64?
            let analyzer = MatchAnalyzer()
            for u in added {
                let pair = u.source + "\u{0}" + u.target
                if !seen.insert(pair).inserted { report.duplicates += 1; continue }
                if let old, try Self.hasPair(db, u, index: old, analyzer: analyzer) { report.duplicates += 1; continue }
                let (_, context) = builder.add(text: u.source)
                var stamped = u
                if stamped.creationDate == nil { stamped.creationDate = now }
                if stamped.changeDate == nil { stamped.changeDate = now }
                var one = UnitBatch(capacity: 1)
                one.append(stamped)
                let ctx = one.units[0].propsContext
                let rowid = try inserter.insert(one, 0, fileID: fileID, context: context, previous: ctx?.previous, next: ctx?.next,
                                                hasContext: ctx != nil)
                rowids.append(rowid)
                if first == nil { first = rowid }
                last = rowid
                report.unitsAdded += 1
            }
            try db.execute(sql: "UPDATE file SET first_unit = ?, last_unit = ?, units = ? WHERE id = ?",
                           arguments: [first, last, report.unitsAdded, fileID])
        }
        inserter.finish()

        report.phases.append(("read and store units", clock.lap()))
        try progress?("indexing \(rowids.count) units")
        let (keys, tokenStart, tokens) = builder.resolved()
        // The inverted lists are built on other threads while this one stores the forward index.
        let lists = Future { FuzzyIndexBuilder.lists(keyCount: keys.count, tokenStart: tokenStart, tokens: tokens) }
        let parts = try IndexParts(db)
        try parts.storeForward(keys: keys, tokenStart: tokenStart, tokens: tokens, rowids: rowids)
        report.phases.append(("store forward index", clock.lap()))
        let (postingStart, postings) = lists.value
        report.phases.append(("build lists", clock.lap()))
        try parts.storeLists(postingStart: postingStart, postings: postings)
        try Self.markIndexed(db, units: rowids.count)
        report.phases.append(("store lists", clock.lap()))
        report.reindexed = true
    }

    /// Whether the store already holds this exact source/target pair (found through the index).
    private static func hasPair(_ db: Database, _ u: TMUnit, index old: (index: FuzzyIndex, rowids: [Int64]), analyzer: MatchAnalyzer) throws -> Bool {
        let ids = old.index.ids(for: analyzer.analyze(u.source).keys)
        var rows: [Int64] = []
        if ids.isEmpty {
            let key = MatchAnalyzer.contextKey(u.source)
            rows = try Int64.fetchAll(db, sql: "SELECT id FROM unit WHERE context = ?", arguments: [Int64(bitPattern: key)])
        } else {
            rows = old.index.search(ids, minSimilarity: 1).map { old.rowids[$0.ordinal] }
        }
        for r in rows {
            if let row = try Row.fetchOne(db, sql: "SELECT source, target FROM unit WHERE id = ?", arguments: [r]),
               row[0] as String == u.source, row[1] as String == u.target { return true }
        }
        return false
    }

    // MARK: index persistence

    private func indexIsCurrent() throws -> Bool {
        try readers.read { db in try indexIsCurrent(db) }
    }

    private func indexIsCurrent(_ db: Database) throws -> Bool {
        let m = try Self.meta(db)
        let parts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM index_part WHERE name = 'tokenStart'") ?? 0
        // (The analyzer is compared last: knowing it loads the stemmer's root list.)
        return parts > 0 && m["index_generation"] == m["generation"] && m["index_analyzer"] == MatchAnalyzer.identity
    }

    /// Records that the stored index matches the units (a new generation, this analyzer).
    private static func markIndexed(_ db: Database, units: Int) throws {
        let generation = (Int(try Self.meta(db)["generation"] ?? "0") ?? 0) + 1
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('generation', ?), ('index_generation', ?), ('index_analyzer', ?), ('units', ?)",
                       arguments: [String(generation), String(generation), MatchAnalyzer.identity, String(units)])
    }

    private func loadStoredIndex(_ db: Database) throws -> (index: FuzzyIndex, rowids: [Int64])? {
        let m = try Self.meta(db)
        // (The analyzer is compared last: knowing it loads the stemmer's root list.)
        guard m["index_analyzer"] != "", m["index_generation"] == m["generation"], m["index_analyzer"] == MatchAnalyzer.identity else { return nil }
        /// A part's chunks copied straight into an array (no intermediate concatenation).
        func array<T>(_ name: String, _: T.Type) throws -> [T]? {
            let total = try Int.fetchOne(db, sql: "SELECT SUM(length(data)) FROM index_part WHERE name = ?", arguments: [name]) ?? 0
            let parts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM index_part WHERE name = ?", arguments: [name]) ?? 0
            guard parts > 0, total % MemoryLayout<T>.stride == 0 else { return nil }
            let n = total / MemoryLayout<T>.stride
            var failed = false
            let out = try [T](unsafeUninitializedCapacity: n) { buf, count in
                let raw = UnsafeMutableRawBufferPointer(buf)
                var offset = 0
                let cursor = try Row.fetchCursor(db, sql: "SELECT data FROM index_part WHERE name = ? ORDER BY part", arguments: [name])
                while let row = try cursor.next() {
                    try row.withUnsafeData(atIndex: 0) { data in
                        guard let data else { return }
                        guard offset + data.count <= raw.count else { failed = true; return }
                        data.copyBytes(to: UnsafeMutableRawBufferPointer(rebasing: raw[offset..<(offset + data.count)]))
                        offset += data.count
                    }
                    if failed { break }
                }
                if offset != raw.count { failed = true }
                count = failed ? 0 : n
            }
            return failed ? nil : out
        }
        guard let kd = try array("keys", UInt8.self), let tokenStart = try array("tokenStart", UInt32.self),
              let tokens = try array("tokens", UInt32.self) ?? array("tokens16", UInt16.self).map({ $0.map(UInt32.init) }),
              let postingStart = try array("postingStart", UInt32.self),
              let postings = try array("postings", UInt32.self), let rowids = try array("rowids", Int64.self) else { return nil }
        var keys: [String] = []
        kd.withUnsafeBufferPointer { b in
            var start = 0
            for i in 0..<b.count where b[i] == 0 {
                keys.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
                start = i + 1
            }
        }
        let index = FuzzyIndex(keys: keys, tokenStart: tokenStart, tokens: tokens, postingStart: postingStart, postings: postings)
        guard index.unitCount == rowids.count, index.postingStart.count == keys.count + 1 else { return nil }
        return (index, rowids)
    }

    /// The fuzzy index and the rowid of each ordinal: from the store when it is current, else built
    /// from the stored units (and saved when the store is writable).
    func index() throws -> (index: FuzzyIndex, rowids: [Int64], keyless: [UInt64: [Int]]) {
        if let loaded = try readers.read({ db in try self.loadStoredIndex(db) }) {
            return (loaded.index, loaded.rowids, try keyless(loaded.index, loaded.rowids))
        }
        if let writer = try connected().writer {
            try writer.inDatabase { db in
                try db.inTransaction(.immediate) {
                    var report = ChangeReport()
                    try self.apply(db, load: [], delete: [], added: [], report: &report, progress: nil)
                    return .commit
                }
            }
            if let loaded = try readers.read({ db in try self.loadStoredIndex(db) }) {
                return (loaded.index, loaded.rowids, try keyless(loaded.index, loaded.rowids))
            }
        }
        // Read-only and stale: index in memory.
        var builder = FuzzyIndexBuilder()
        var rowids: [Int64] = []
        try readers.read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT id, source FROM unit ORDER BY id")
            while let row = try cursor.next() {
                builder.add(text: row[1])
                rowids.append(row[0])
            }
        }
        let index = builder.build()
        return (index, rowids, try keyless(index, rowids))
    }

    private func keyless(_ index: FuzzyIndex, _ rowids: [Int64]) throws -> [UInt64: [Int]] {
        var out: [UInt64: [Int]] = [:]
        let empty = (0..<index.unitCount).filter { index.length($0) == 0 }
        if empty.isEmpty { return out }
        try readers.read { db in
            for o in empty {
                if let c = try Int64.fetchOne(db, sql: "SELECT context FROM unit WHERE id = ?", arguments: [rowids[o]]) {
                    out[UInt64(bitPattern: c), default: []].append(o)
                }
            }
        }
        return out
    }

    // MARK: reading units

    static let unitColumns = "u.id, u.tuid, u.line, u.source, u.target, u.source_lang, u.target_lang, u.prev, u.next, u.has_context, u.created, u.changed, u.extra, f.name"

    static func unit(from row: Row) -> ProvidedUnit {
        var u = TMUnit(tuid: row[1], source: row[3], target: row[4], sourceLanguage: row[5], targetLanguage: row[6], origin: row[13],
                       line: row[2], creationDate: row[10], changeDate: row[11])
        if let extra = row[12] as Data? { UnitExtras.decode(extra, into: &u) }
        let prev = (row[7] as Int64?).map { UInt64(bitPattern: $0) }
        let next = (row[8] as Int64?).map { UInt64(bitPattern: $0) }
        return ProvidedUnit(unit: u, previousKey: prev, nextKey: next, hasContext: (row[9] as Int) != 0)
    }

    func unit(rowid: Int64) -> ProvidedUnit? {
        try? readers.read { db in
            let stmt = try db.cachedStatement(sql: "SELECT \(Self.unitColumns) FROM unit u JOIN file f ON f.id = u.file_id WHERE u.id = ?")
            return try Row.fetchOne(stmt, arguments: [rowid]).map(Self.unit(from:))
        }
    }

    /// Removes the units with these ids (as `forEachUnit(withID:)` gives them), in one transaction,
    /// and updates the index; a file left without units stays recorded (so a sync does not bring its
    /// units back until the file changes).
    public func remove(ids: Set<Int64>) throws -> ChangeReport {
        guard let writer = try connected().writer else { throw StoreError.readOnly(url.path) }
        var report = ChangeReport()
        guard !ids.isEmpty else { return report }
        try writer.inDatabase { db in
            try db.inTransaction(.immediate) {
                try self.apply(db, load: [], delete: [], added: [], removing: ids, report: &report, progress: nil)
                return .commit
            }
        }
        return report
    }

    /// Every unit with its id, in the order they were added.
    public func forEachUnit(withID body: (Int64, TMUnit) throws -> Void) throws {
        try readers.read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT \(Self.unitColumns) FROM unit u JOIN file f ON f.id = u.file_id ORDER BY u.id")
            while let row = try cursor.next() { try body(row[0], Self.unit(from: row).unit) }
        }
    }

    /// Every unit, in the order they were added.
    public func forEachUnit(_ body: (TMUnit) throws -> Void) throws {
        try readers.read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT \(Self.unitColumns) FROM unit u JOIN file f ON f.id = u.file_id ORDER BY u.id")
            while let row = try cursor.next() { try body(Self.unit(from: row).unit) }
        }
    }

    /// The header of the first TMX file the store was built from, if any.
    public func firstHeader() throws -> TMXHeader? {
        try readers.read { db in
            guard let d = try Data.fetchOne(db, sql: "SELECT header FROM file WHERE header IS NOT NULL ORDER BY id LIMIT 1") else { return nil }
            return try? JSONDecoder().decode(TMXHeader.self, from: d)
        }
    }

    /// Runs `body` with a read-only connection.
    func read<T>(_ body: (Database) throws -> T) throws -> T { try readers.read(body) }
}

/// Read-only connections handed out one per reading thread at a time.
final class ReaderPool: @unchecked Sendable {
    // @unchecked: `idle` is guarded by `condition`.
    private let path: String
    private var idle: [DatabaseQueue] = []
    private var created = 0
    private let limit: Int
    private let condition = NSCondition()

    init(path: String) {
        self.path = path
        limit = max(2, min(16, ProcessInfo.processInfo.activeProcessorCount * 2))
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        let q = try checkout()
        defer { checkin(q) }
        return try q.inDatabase(body)
    }

    private func checkout() throws -> DatabaseQueue {
        condition.lock()
        defer { condition.unlock() }
        while idle.isEmpty && created >= limit { condition.wait() }
        if let q = idle.popLast() { return q }
        created += 1
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(120)
        config.prepareDatabase { db in
            // Pages are read through a memory map (the index parts are read whole).
            try db.execute(sql: "PRAGMA mmap_size = 4294967296")
        }
        do {
            return try DatabaseQueue(path: path, configuration: config)
        } catch {
            created -= 1
            throw TMStore.StoreError.cannotOpen(path, "\(error)")
        }
    }

    private func checkin(_ q: DatabaseQueue) {
        condition.lock()
        idle.append(q)
        condition.signal()
        condition.unlock()
    }
}

extension TMStore.ChangeReport {
    /// The line `tm import` prints: each file's units (or unchanged, removed), the totals and the
    /// time; with `timings`, a second line with each step's time.
    public func summary(seconds: Double, store: String, timings: Bool = false) -> String {
        var parts: [String] = []
        for f in loaded { parts.append("\(f.name): \(f.units) units") }
        for f in unchanged { parts.append("\(f): unchanged") }
        for f in removed { parts.append("\(f): removed") }
        var out = "\(parts.joined(separator: "; ")) — \(unitsAdded) added, \(unitsRemoved) removed in \(String(format: "%.2f", seconds)) s; store \(store)"
        if timings, !phases.isEmpty {
            out += "\ntimings: " + phases.map { "\($0.name) \(String(format: "%.3f", $0.seconds)) s" }.joined(separator: "; ")
        }
        return out
    }
}
