import Foundation

/// Byte-level input and output for `selaras segment`: a JSON-lines record parser for
/// `{"id", "text"}`, UTF-8 repair, and a buffered writer that escapes JSON strings (the batch
/// reader is in SegmentCommand.swift).
/// They work on bytes end to end (no String or Foundation JSON in the hot path) so the command
/// runs at the speed of the segmenter.
enum SegmentIO {
    /// Asks Linux for 1 MiB pipe buffers on stdin and stdout (F_SETPIPE_SZ), so a program feeding
    /// or reading a large run waits less; has no effect on files, terminals or other systems.
    static func widenPipes() {
        #if os(Linux)
        let setPipeSize: Int32 = 1031  // F_SETPIPE_SZ
        _ = fcntl(STDIN_FILENO, setPipeSize, Int32(1 << 20))
        _ = fcntl(STDOUT_FILENO, setPipeSize, Int32(1 << 20))
        #endif
    }
}

/// Buffered writer to a file descriptor, with JSON string escaping. Used by one thread at a time.
final class ByteOutput: @unchecked Sendable {
    private var buffer: [UInt8] = []
    private let fd: Int32
    private let limit = 1 << 18

    init(fd: Int32 = STDOUT_FILENO) {
        self.fd = fd
        buffer.reserveCapacity(limit + 4096)
    }

    @inline(__always)
    func byte(_ b: UInt8) {
        buffer.append(b)
    }

    func bytes(_ p: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: p)
        if buffer.count >= limit { flush() }
    }

    /// Writes `p` now, after what is buffered, without copying it into the buffer.
    func bytesUnbuffered(_ p: UnsafeBufferPointer<UInt8>) {
        if p.count < 4096 { bytes(p); return }
        flush()
        var off = 0
        while off < p.count {
            let n = write(fd, p.baseAddress! + off, p.count - off)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            off += n
        }
    }

    func string(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= limit { flush() }
    }

    /// Writes `p` (valid UTF-8) as a JSON string literal, quotes included.
    func jsonString(_ p: UnsafeBufferPointer<UInt8>) {
        JSONText.appendString(p, to: &buffer)
        if buffer.count >= limit { flush() }
    }

    /// Ends a record: writes a newline and flushes when the buffer is full.
    func endLine() {
        buffer.append(0x0A)
        if buffer.count >= limit { flush() }
    }

    /// Writes everything buffered; returns false when the output is gone (closed pipe).
    @discardableResult
    func flush() -> Bool {
        defer { buffer.removeAll(keepingCapacity: true) }
        return buffer.withUnsafeBytes { raw -> Bool in
            var off = 0
            while off < raw.count {
                let n = write(fd, raw.baseAddress! + off, raw.count - off)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                off += n
            }
            return true
        }
    }

    deinit { flush() }
}
