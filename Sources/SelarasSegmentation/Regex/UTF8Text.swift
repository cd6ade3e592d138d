/// Decoding helpers over valid UTF-8 bytes, forwards and backwards, for the regex machine and the
/// segmenter. Callers guarantee the bytes are valid UTF-8 and positions are scalar boundaries.
enum UTF8Text {
    /// The scalar starting at `i` and its length in bytes.
    @inline(__always)
    static func decode(_ p: UnsafePointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
        }
        return ((b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
                | UInt32(p[i + 3] & 0x3F), 4)
    }

    /// The scalar ending at `i` (exclusive) and its length in bytes.
    @inline(__always)
    static func decodeBefore(_ p: UnsafePointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b = p[i - 1]
        if b < 0x80 { return (UInt32(b), 1) }
        var j = i - 1
        while j > 0, p[j] & 0xC0 == 0x80, i - j < 4 { j -= 1 }
        let (v, n) = decode(p, j)
        return (v, n)
    }

    @inline(__always)
    static func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }

    /// Whether a scalar is a line terminator for `.`, `^` and `$`.
    @inline(__always)
    static func isLineTerminator(_ v: UInt32) -> Bool {
        v == 0x0A || v == 0x0D || v == 0x0B || v == 0x0C || v == 0x85 || v == 0x2028 || v == 0x2029
    }

    /// Whitespace trimmed from segment ends: Unicode White_Space plus zero-width space and BOM.
    @inline(__always)
    static func isTrimmable(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }
}
