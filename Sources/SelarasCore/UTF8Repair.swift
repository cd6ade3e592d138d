import Foundation

/// Makes bytes valid UTF-8, replacing each ill-formed sequence by U+FFFD, and says where.
public enum UTF8Repair {
    /// Whether `p` is valid UTF-8 (fast path for ASCII runs).
    public static func firstInvalid(_ p: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        var i = from
        let n = p.count
        while i < n {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            let len = sequenceLength(p, i)
            if len == 0 { return i }
            i += len
        }
        return nil
    }

    /// Length of the well-formed sequence at `i` (Unicode Table 3-7), or 0 when ill-formed.
    @inlinable @inline(__always)
    public static func sequenceLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = p.count
        let b0 = p[i]
        func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            i + k < n && p[i + k] >= lo && p[i + k] <= hi
        }
        switch b0 {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    /// A copy of `p` with every ill-formed byte replaced by U+FFFD, and the offsets (in `p`) of
    /// the bytes replaced.
    public static func repaired(_ p: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], badOffsets: [Int]) {
        var out: [UInt8] = []
        out.reserveCapacity(p.count + 16)
        var bad: [Int] = []
        var i = 0
        while i < p.count {
            let b = p[i]
            if b < 0x80 { out.append(b); i += 1; continue }
            let len = sequenceLength(p, i)
            if len == 0 {
                bad.append(i)
                out += [0xEF, 0xBF, 0xBD]
                i += 1
            } else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<(i + len)]))
                i += len
            }
        }
        return (out, bad)
    }
}
