import Foundation

/// An exclusive advisory lock on a file (`flock`), held until `unlock()` or the end of the
/// process (a killed process never leaves a stale lock). The file records the holder's host and
/// pid, for messages.
public final class FileLock: @unchecked Sendable {
    // @unchecked: the descriptor is only closed, once, by `unlock`.
    private var fd: Int32

    public enum Failure: Error, CustomStringConvertible {
        case cannotOpen(String, String)
        /// Another process holds it; the second value is what the holder wrote (host and pid).
        case held(String, String)

        public var description: String {
            switch self {
            case let .cannotOpen(path, reason): return "\(path): cannot open the lock file: \(reason)"
            case let .held(path, holder): return "\(path): held by \(holder.isEmpty ? "another process" : holder)"
            }
        }
    }

    /// Takes the lock on `url` (created when missing). With `wait`, blocks until it is free;
    /// otherwise throws `Failure.held` when another process has it.
    public init(_ url: URL, wait: Bool = true) throws(Failure) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        fd = open(url.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotOpen(url.path, String(cString: strerror(errno))) }
        if flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            var holder = [UInt8](repeating: 0, count: 200)
            let n = pread(fd, &holder, holder.count, 0)
            close(fd)
            if busy { throw .held(url.path, String(decoding: holder.prefix(max(0, n)), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) }
            throw .cannotOpen(url.path, reason)
        }
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count - 1)
        let me = Array("\(String(cString: host)) pid \(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = me.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    /// Releases the lock.
    public func unlock() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { unlock() }
}
