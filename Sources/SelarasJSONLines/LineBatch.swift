/// Lines of input held for processing together: one buffer, and where each line is in it.
public struct LineBatch: Sendable {
    /// One line: where it is in the batch's storage, its 1-based number and its byte offset in the input.
    public struct Line: Sendable {
        public var start: Int
        public var count: Int
        public var number: Int
        public var offset: Int
    }

    public private(set) var storage: [UInt8] = []
    public private(set) var lines: [Line] = []

    public init(storage: [UInt8] = [], lines: [Line] = []) {
        self.storage = storage
        self.lines = lines
    }

    public var isEmpty: Bool { lines.isEmpty }
    public var count: Int { lines.count }
    public var byteCount: Int { storage.count }

    /// Calls `body` with the bytes of line `k` (without its line break).
    public func withLine<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let l = lines[k]
        return try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[l.start..<(l.start + l.count)])) }
    }
}
