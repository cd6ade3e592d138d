import Foundation

/// Unicode normalisation for display and a separate folding key for matching.
///
/// The shown text is only NFC-normalised; `matchKey` additionally folds quote, apostrophe and dash
/// variants, non-breaking and zero-width spaces, runs of whitespace and case, so that two strings a
/// reader would call the same compare equal.
public enum TextNormalizer {
    /// Canonical composition (NFC). Text that is shown or written goes through this only.
    public static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
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
