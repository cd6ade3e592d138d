import Foundation

/// A 64-bit content fingerprint (FNV-1a, Fowler–Noll–Vo), used to tell whether an input, a config
/// or a resource changed since the last run. Not a cryptographic hash: it detects edits, not attacks.
public struct Fingerprint: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        var h = value
        for b in bytes {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01b3
        }
        value = h
    }

    public mutating func combine(_ string: String) {
        combine(bytes: string.utf8)
        combine(bytes: [0xff])  // separator, so ("ab","c") differs from ("a","bc")
    }

    public mutating func combine(_ data: Data) {
        data.withUnsafeBytes { combine(bytes: $0) }
        combine(bytes: [0xff])
    }

    /// 16 lowercase hex digits.
    public var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    public static func of(_ data: Data) -> Fingerprint {
        var f = Fingerprint()
        f.combine(data)
        return f
    }

    /// The fingerprint of a file's bytes, or nil when it cannot be read.
    public static func ofFile(_ url: URL) -> Fingerprint? {
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else { return nil }
        return of(data)
    }
}
