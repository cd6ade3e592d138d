import Foundation

/// Unicode normalisation for display and a separate folding key for matching.
///
/// The shown text is only NFC-normalised; `matchKey` additionally folds quote, apostrophe and dash
/// variants, non-breaking and zero-width spaces, runs of whitespace and case, so that two strings a
/// reader would call the same compare equal.
public enum TextNormalizer {
    /// Canonical composition (NFC). Text that is shown or written goes through this only. Text that
    /// is certainly NFC already (`isCertainlyNFC`) is returned as it is, without Foundation's pass.
    public static func nfc(_ text: String) -> String {
        var text = text
        if text.withUTF8(isCertainlyNFC) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// Whether UTF-8 is in NFC for sure, found in one pass: every scalar is below U+0300 (Latin,
    /// whose characters are all NFC-stable: no decomposition and no combining class), or in
    /// U+2002–U+206F or U+20A0–U+20CF (punctuation such as curly quotes and dashes, and currency
    /// signs, which have no canonical decomposition and do not combine). False means "may not be".
    public static func isCertainlyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            // Eight bytes at a time while they are ASCII.
            if i + 8 <= n, UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b = bytes[i]
            i += 1
            if b < 0xCC { continue }  // ASCII, a continuation byte, or a lead byte of a scalar below U+0300
            if b == 0xE2, i + 1 < n {
                let v = 0x2000 | UInt32(bytes[i] & 0x3F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                if (0x2002...0x206F).contains(v) || (0x20A0...0x20CF).contains(v) { i += 2; continue }
            }
            return false
        }
        return true
    }

    /// The folding key used for matching: NFC, lowercased, typographic variants folded, whitespace
    /// collapsed to single spaces and trimmed.
    public static func matchKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in nfc(text).lowercased().unicodeScalars {
            if let folded = fold(scalar) {
                if folded == " " {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(folded)
            }
        }
        return String(out)
    }

    /// The folded form of one scalar, or nil to drop it (zero-width characters, soft hyphen).
    @inline(__always)
    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s.value {
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: return nil
        case 0x0009, 0x000A, 0x000D, 0x0020, 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return " "
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC, 0x0060, 0x00B4: return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return "\""
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return "-"
        case 0x2026: return "…"
        default: return s
        }
    }
}
