import Foundation

/// Reads a file descriptor in batches of whole lines, straight into each batch's storage (a line
/// longer than a batch makes the batch grow). A trailing carriage return is not part of a line.
public struct LineReader {
    private let fd: Int32
    private var carry: [UInt8] = []
    private var eof = false
    private var lineNumber = 0
    /// Offset in the input of `carry`'s first byte.
    private var offset = 0
    /// Why reading stopped early, if it did.
    public private(set) var readError: String?

    public init(fd: Int32) { self.fd = fd }

    /// The next batch of about `targetBytes` (more when a line is longer), or nil at the end.
    public mutating func next(targetBytes: Int = 1 << 20) -> LineBatch? {
        var capacity = max(targetBytes, carry.count * 2)
        while true {
            if eof && carry.isEmpty { return nil }
            let start = carry
            var reachedEnd = eof
            var failure: String?
            let fd = self.fd
            var storage = [UInt8](unsafeUninitializedCapacity: max(capacity, start.count + 1)) { buf, initialized in
                var n = start.count
                if n > 0 { _ = UnsafeMutableBufferPointer(rebasing: buf[0..<n]).initialize(from: start) }
                while n < buf.count && !reachedEnd {
                    let r = read(fd, buf.baseAddress! + n, buf.count - n)
                    if r > 0 { n += r } else if r == 0 { reachedEnd = true } else if errno != EINTR {
                        failure = String(cString: strerror(errno))
                        reachedEnd = true
                    }
                }
                initialized = n
            }
            eof = reachedEnd
            if let failure { readError = failure }
            // Cut after the last line break; what follows waits for the next batch.
            var cut = storage.count
            if !eof {
                guard let last = storage.lastIndex(of: 0x0A) else {
                    carry = storage
                    capacity *= 2
                    continue
                }
                cut = last + 1
            }
            carry = Array(storage[cut...])
            storage.removeLast(storage.count - cut)
            var lines: [LineBatch.Line] = []
            storage.withUnsafeBufferPointer { all in
                var i = 0
                let n = all.count
                while i < n {
                    var end = n
                    if let nl = memchr(all.baseAddress! + i, 0x0A, n - i) {
                        end = all.baseAddress!.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                    }
                    var stop = end
                    if stop > i, all[stop - 1] == 0x0D { stop -= 1 }
                    lineNumber += 1
                    lines.append(LineBatch.Line(start: i, count: stop - i, number: lineNumber, offset: offset + i))
                    i = end + 1
                }
            }
            offset += cut
            if lines.isEmpty && eof { return nil }
            return LineBatch(storage: storage, lines: lines)
        }
    }
}
