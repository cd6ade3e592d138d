/// JSON text at the byte level: string escaping for output, and the eight-bytes-at-a-time scan the
/// parser and the escaper share.
public enum JSONText {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `p` (valid UTF-8) as a JSON string literal, quotes included: `"` and backslash
    /// escaped, control characters as `\n`, `\t`, ... or `\u00XX`, everything else (slashes, non-ASCII,
    /// U+2028 and U+2029) as it is, which JSON allows.
    public static func appendString(_ p: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        buffer.append(0x22)
        var i = 0
        var runStart = 0
        let n = p.count
        while i < n {
            if i + 8 <= n, !SWAR.special(SWAR.load(p, i), ascii: false) { i += 8; continue }
            let b = p[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C { i += 1; continue }
            if i > runStart { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i])) }
            buffer.append(0x5C)
            switch b {
            case 0x22: buffer.append(0x22)
            case 0x5C: buffer.append(0x5C)
            case 0x0A: buffer.append(0x6E)
            case 0x0D: buffer.append(0x72)
            case 0x09: buffer.append(0x74)
            case 0x08: buffer.append(0x62)
            case 0x0C: buffer.append(0x66)
            default:
                buffer.append(contentsOf: [0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            }
            i += 1
            runStart = i
        }
        if n > runStart { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<n])) }
        buffer.append(0x22)
    }

    /// `s` as a JSON string literal.
    public static func quoted(_ s: String) -> String {
        var s = s
        var out: [UInt8] = []
        s.withUTF8 { appendString($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Eight bytes at a time: whether any byte needs a closer look (SIMD within a register).
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Some byte of `w` is `"`, `\`, below 0x20, or (when `ascii`) 0x80 or above.
    @inline(__always)
    static func special(_ w: UInt64, ascii: Bool) -> Bool {
        let quote = w ^ (0x22 &* ones)
        let slash = w ^ (0x5C &* ones)
        let zeroQuote = (quote &- ones) & ~quote & highs
        let zeroSlash = (slash &- ones) & ~slash & highs
        let control = (w &- (0x20 &* ones)) & ~w & highs
        let high = ascii ? (w & highs) : 0
        return (zeroQuote | zeroSlash | control | high) != 0
    }

    @inline(__always)
    static func load(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
    }
}
