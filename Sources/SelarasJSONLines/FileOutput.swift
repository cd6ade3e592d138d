import Foundation

/// Buffered writing to a file descriptor (standard output for the `--jsonl` commands), used by one
/// thread at a time. `flush` reports whether the other end is still there (a closed pipe is not an
/// error of the input: the command stops writing).
public final class FileOutput {
    private var buffer: [UInt8] = []
    private let fd: Int32
    private let limit = 1 << 18
    /// False once a write failed (the reader went away).
    public private(set) var isOpen = true

    public init(fd: Int32 = STDOUT_FILENO) {
        self.fd = fd
        buffer.reserveCapacity(limit + 4096)
    }

    /// Asks Linux for 1 MiB pipe buffers on stdin and stdout (F_SETPIPE_SZ), so a program feeding or
    /// reading a large run waits less; no effect on files, terminals or other systems.
    public static func widenPipes() {
        #if os(Linux)
        let setPipeSize: Int32 = 1031  // F_SETPIPE_SZ
        _ = fcntl(STDIN_FILENO, setPipeSize, Int32(1 << 20))
        _ = fcntl(STDOUT_FILENO, setPipeSize, Int32(1 << 20))
        #endif
    }

    @inline(__always)
    public func byte(_ b: UInt8) { buffer.append(b) }

    public func bytes(_ p: UnsafeBufferPointer<UInt8>) {
        if p.count >= 4096 {
            flush()
            writeAll(p)
            return
        }
        buffer.append(contentsOf: p)
        if buffer.count >= limit { flush() }
    }

    public func bytes(_ a: [UInt8]) { a.withUnsafeBufferPointer { bytes($0) } }

    public func string(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= limit { flush() }
    }

    public func line(_ s: String) {
        string(s)
        buffer.append(0x0A)
    }

    public func endLine() {
        buffer.append(0x0A)
        if buffer.count >= limit { flush() }
    }

    /// Writes everything buffered; false when the output is gone.
    @discardableResult
    public func flush() -> Bool {
        defer { buffer.removeAll(keepingCapacity: true) }
        buffer.withUnsafeBufferPointer { writeAll($0) }
        return isOpen
    }

    private func writeAll(_ p: UnsafeBufferPointer<UInt8>) {
        guard isOpen, let base = p.baseAddress else { return }
        var off = 0
        while off < p.count {
            let n = write(fd, base + off, p.count - off)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { isOpen = false; return }
            off += n
        }
    }

    deinit { flush() }
}
