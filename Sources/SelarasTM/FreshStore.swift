import Foundation
import GRDB

/// A store file built from nothing: written under a temporary name beside its destination without
/// a rollback journal and without syncs (nothing else can see it, so there is nothing to protect
/// from half-done work), then flushed to disk and published under its real name in one step.
///
/// Contract:
/// - `init` creates the temporary file (`.NAME.import-PID-RANDOM.selaras-build`, hidden, in the
///   destination's folder) with the store's page size; `queue` writes to it.
/// - `publish()` closes the queue, syncs the file, and links it to the destination only if no file
///   is there yet (`link(2)`, which never replaces one): it returns false when another process
///   created the store meanwhile, and the caller then uses that store instead. Either way the
///   temporary name is removed.
/// - `discard()` (also on deinit, when not published) removes the temporary file: an import that
///   fails leaves nothing behind. A process killed mid-build leaves its temporary file, which the
///   next build in that folder removes (`removeAbandoned`, by the dead process's id).
/// - While the store is built, a background thread syncs the file every `flushInterval` (the pages
///   written so far go to disk while the import goes on), so that the sync before publishing has
///   little left to wait for.
final class FreshStore {
    let destination: URL
    let temporary: URL
    private(set) var queue: DatabaseQueue?
    private var finished = false
    private var flusher: Flusher?
    static let flushInterval = 0.1

    static let suffix = ".selaras-build"
    /// Pages of 64 KiB, SQLite's largest: a sixteenth of the pages (and of the write calls) of its
    /// default 4 KiB for the same data, and fewer page splits; a read still touches only the memory
    /// pages it needs (the store is read through a memory map).
    static let pageSize = 65536

    init(destination: URL) throws {
        self.destination = destination
        let dir = destination.deletingLastPathComponent()
        Self.removeAbandoned(in: dir, name: destination.lastPathComponent)
        let tag = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        temporary = dir.appendingPathComponent(".\(destination.lastPathComponent).import-\(getpid())-\(tag)\(Self.suffix)")
        var config = Configuration()
        config.prepareDatabase { db in
            // The page size must be set before the first table exists; the rest hold for this
            // connection only, so the published store is journalled and synced like any other.
            try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
            try db.execute(sql: "PRAGMA journal_mode = OFF")
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
            // 16 MiB of pages: SQLite writes full pages out as the cache fills (nearly every page is
            // written once and not read again), so a larger cache would only hold memory.
            try db.execute(sql: "PRAGMA cache_size = -16384")
        }
        do {
            queue = try DatabaseQueue(path: temporary.path, configuration: config)
        } catch {
            unlink(temporary.path)
            throw TMStore.StoreError.cannotOpen(destination.path, "\(error)")
        }
        flusher = Flusher(path: temporary.path, interval: Self.flushInterval)
    }

    deinit {
        if !finished { discard() }
    }

    /// Closes, syncs and publishes the store (see the type's contract); false when a store appeared
    /// at the destination meanwhile.
    func publish() throws -> Bool {
        defer { discard() }
        flusher?.stop()
        flusher = nil
        try queue?.close()
        queue = nil
        // Durable before it becomes visible: a crash never leaves a store with missing pages.
        try Self.sync(temporary.path, what: destination.path)
        if link(temporary.path, destination.path) != 0 {
            let code = errno
            if code == EEXIST { return false }
            if code == EPERM || code == ENOTSUP || code == EOPNOTSUPP || code == EXDEV || code == EMLINK {
                // A file system without hard links: rename, after checking (a narrow race remains).
                if FileManager.default.fileExists(atPath: destination.path) { return false }
                guard rename(temporary.path, destination.path) == 0 else {
                    throw TMStore.StoreError.cannotOpen(destination.path, String(cString: strerror(errno)))
                }
            } else {
                throw TMStore.StoreError.cannotOpen(destination.path, String(cString: strerror(code)))
            }
        }
        finished = true
        unlink(temporary.path)
        try? Self.sync(destination.deletingLastPathComponent().path, what: destination.path)
        return true
    }

    /// Removes the temporary file (closing the queue first).
    func discard() {
        flusher?.stop()
        flusher = nil
        try? queue?.close()
        queue = nil
        finished = true
        unlink(temporary.path)
    }

    private static func sync(_ path: String, what: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw TMStore.StoreError.cannotOpen(what, String(cString: strerror(errno))) }
        defer { close(fd) }
        guard fsync(fd) == 0 || errno == EINVAL else {
            throw TMStore.StoreError.cannotOpen(what, "cannot sync: \(String(cString: strerror(errno)))")
        }
    }

    /// Removes temporary files of builds of `name` whose process is gone (killed mid-build).
    static func removeAbandoned(in dir: URL, name: String) {
        let prefix = ".\(name).import-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return }
        for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(suffix) {
            let rest = entry.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]) else { continue }
            if pid == getpid() { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }  // still running
            unlink(dir.appendingPathComponent(entry).path)
        }
    }
}

/// Syncs a file to disk every `interval` on a thread of its own, until stopped.
private final class Flusher: @unchecked Sendable {
    // @unchecked: `stopped` is guarded by `condition`; `fd` is set once.
    private let condition = NSCondition()
    private var stopped = false
    private var running = true
    private let fd: Int32

    init?(path: String, interval: Double) {
        fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        let thread = Thread { [self] in
            condition.lock()
            while !stopped {
                if condition.wait(until: Date(timeIntervalSinceNow: interval)) { continue }
                if stopped { break }
                condition.unlock()
                _ = fdatasync(fd)
                condition.lock()
            }
            running = false
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "tm-store-flush"
        thread.start()
    }

    /// Stops the thread and waits for it.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
        close(fd)
    }
}
