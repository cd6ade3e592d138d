/// Reading Unicode scalars straight from UTF-8 bytes, for the scanners that work on a string's
/// bytes (`TermAnalyzer`, `NewsDateline`, word counts).
enum UTF8Scalar {
    /// The scalar that starts at byte `i` of valid UTF-8, and its length in bytes.
    @inline(__always) static func decode(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let b0 = UInt32(p[i])
        let v: UInt32, length: Int
        if b0 < 0x80 {
            return (Unicode.Scalar(UInt8(b0)), 1)
        } else if b0 < 0xE0, i + 1 < p.count {
            v = (b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F); length = 2
        } else if b0 < 0xF0, i + 2 < p.count {
            v = (b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F); length = 3
        } else if i + 3 < p.count {
            v = (b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F); length = 4
        } else {
            return ("\u{FFFD}", 1)
        }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", length)
    }
}
