import Foundation

/// Where the command line writes: results to stdout, messages to stderr. Only the CLI prints.
enum Console {
    private static let lock = NSLock()

    /// Writes a line to stderr.
    static func error(_ message: String) {
        lock.lock(); defer { lock.unlock() }
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Writes to stderr without a newline (progress lines).
    static func errorRaw(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether stderr is a terminal (progress is shown only then).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// Buffered stdout for large outputs (JSON lines, one sentence per line).
final class StandardOutput {
    private var buffer: [UInt8] = []
    init() { buffer.reserveCapacity(1 << 16) }

    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func writeLine(_ s: String) {
        write(s)
        buffer.append(0x0A)
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            var off = 0
            while off < raw.count {
                let n = Foundation.write(STDOUT_FILENO, raw.baseAddress! + off, raw.count - off)
                if n <= 0 { break }
                off += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
