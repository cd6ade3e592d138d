import Foundation
import SelarasCore
import SelarasJSONLines

/// Where the command line writes: results to stdout, messages to stderr. Only the CLI prints.
enum Console {
    private static let lock = Locked(0)

    /// Writes a line to stderr.
    @Sendable static func error(_ message: String) {
        lock.withLock { _ in FileHandle.standardError.write(Data((message + "\n").utf8)) }
    }

    /// Writes to stderr without a newline (progress lines).
    static func errorRaw(_ text: String) {
        lock.withLock { _ in FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// Prints a diagnostic (its one printed form).
    @Sendable static func report(_ diagnostic: Diagnostic) {
        error(diagnostic.description)
    }

    /// Prints an error: as a diagnostic when it is or has one, else as `error: ...`.
    static func report(_ error: any Error) {
        if let list = error as? Diagnostics {
            for d in list.list { report(d) }
        } else if error is Diagnostic || error is DiagnosticConvertible {
            report(Diagnostic.from(error))
        } else {
            self.error("error: \(error)")
        }
    }

    /// Whether stderr is a terminal (progress is shown only then).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// The inputs of a command: the files given, or standard input when none.
struct Inputs: Sequence {
    struct Input {
        /// nil for standard input.
        let path: String?
        var name: String { path ?? "<stdin>" }

        /// The file descriptor to read, or nil (reported) when the file cannot be opened.
        func open() -> Int32? {
            guard let path else { return STDIN_FILENO }
            let fd = Foundation.open(path, O_RDONLY)
            if fd < 0 {
                Console.error("error: \(path): cannot open: \(String(cString: strerror(errno)))")
                return nil
            }
            return fd
        }

        func close(_ fd: Int32) {
            if path != nil { _ = Foundation.close(fd) }
        }

        /// Everything the descriptor holds, or nil (reported) on a read error.
        func readAll(_ fd: Int32) -> [UInt8]? {
            var raw: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                if n > 0 { raw.append(contentsOf: chunk[0..<n]); continue }
                if n < 0 && errno == EINTR { continue }
                if n < 0 {
                    Console.error("error: \(name): read failed: \(String(cString: strerror(errno)))")
                    return nil
                }
                return raw
            }
        }
    }

    let files: [String]
    init(_ files: [String]) { self.files = files }

    func makeIterator() -> IndexingIterator<[Input]> {
        (files.isEmpty ? [Input(path: nil)] : files.map { Input(path: $0) }).makeIterator()
    }
}
