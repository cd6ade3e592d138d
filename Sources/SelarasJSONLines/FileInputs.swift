import Foundation

/// The inputs of a command: the files given, or standard input when none. Problems (a file that
/// cannot be opened or read) go to the `report` sink as messages naming the file.
public struct FileInputs: Sequence {
    public struct Input {
        /// nil for standard input.
        public let path: String?
        public var name: String { path ?? "<stdin>" }

        /// The file descriptor to read, or nil (reported) when the file cannot be opened.
        public func open(report: (String) -> Void) -> Int32? {
            guard let path else { return STDIN_FILENO }
            let fd = Foundation.open(path, O_RDONLY)
            if fd < 0 {
                report("error: \(path): cannot open: \(String(cString: strerror(errno)))")
                return nil
            }
            return fd
        }

        public func close(_ fd: Int32) {
            if path != nil { _ = Foundation.close(fd) }
        }

        /// Everything the descriptor holds, or nil (reported) on a read error.
        public func readAll(_ fd: Int32, report: (String) -> Void) -> [UInt8]? {
            var raw: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                if n > 0 { raw.append(contentsOf: chunk[0..<n]); continue }
                if n < 0 && errno == EINTR { continue }
                if n < 0 {
                    report("error: \(name): read failed: \(String(cString: strerror(errno)))")
                    return nil
                }
                return raw
            }
        }
    }

    public let files: [String]
    public init(_ files: [String]) { self.files = files }

    public func makeIterator() -> IndexingIterator<[Input]> {
        (files.isEmpty ? [Input(path: nil)] : files.map { Input(path: $0) }).makeIterator()
    }
}
