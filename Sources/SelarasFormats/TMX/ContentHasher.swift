/// The content hash a TMX file is recognised by in a store: 64 bits over its bytes, eight at a time
/// (a multiply-rotate word hash in the style of rustc's FxHash), with the length mixed in at the end.
/// Incremental, so the reader can compute it while it parses (a new file is read once, not twice);
/// the result does not depend on how the bytes were split. It detects edits, not attacks.
package struct ContentHasher: Sendable {
    package init() {}
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325
    private var carry: UInt64 = 0
    private var carried = 0
    package private(set) var count = 0
    private static let k: UInt64 = 0x517c_c1b7_2722_0a95

    @inline(__always)
    private mutating func mix(_ w: UInt64) {
        state = ((state << 5) | (state >> 59)) ^ w
        state &*= Self.k
    }

    package mutating func update(_ p: UnsafeRawBufferPointer) {
        let n = p.count
        var i = 0
        if carried > 0 {
            while carried < 8 && i < n { carry |= UInt64(p[i]) << (8 * UInt64(carried)); carried += 1; i += 1 }
            if carried == 8 { mix(carry); carry = 0; carried = 0 }
        }
        while i + 8 <= n {
            mix(UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            i += 8
        }
        while i < n { carry |= UInt64(p[i]) << (8 * UInt64(carried)); carried += 1; i += 1 }
        count += n
    }

    /// 16 lowercase hex digits.
    package var hex: String {
        var h = self
        if h.carried > 0 { h.mix(h.carry ^ (UInt64(h.carried) << 56)) }
        h.mix(UInt64(count))
        let s = String(h.state, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
