import Foundation

/// Escaping for the markup languages the writers emit (XML, HTML, Markdown, TSV).
///
/// Every string that reaches an output goes through one of these functions. XML 1.0 forbids most
/// C0 control characters and U+FFFE/U+FFFF even as character references, so `xmlSafe` removes
/// them; real corpora contain them (form feeds, NULs, stray U+0001 from broken converters).
public enum Markup {
    /// Whether a scalar may appear in an XML 1.0 document (the `Char` production, XML 1.0 §2.2).
    @inlinable
    public static func isXMLChar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// `text` without the characters XML 1.0 forbids.
    public static func xmlSafe(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy(isXMLChar) { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars where isXMLChar(s) { out.append(s) }
        return String(out)
    }

    /// Text content for XML or HTML: forbidden characters removed, `& < >` escaped, and CR written
    /// as `&#13;` so that a parser's end-of-line normalisation does not turn it into LF.
    public static func escapeText(_ text: String) -> String {
        escaped(text) { s in
            switch s {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\r": "&#13;"
            default: nil
            }
        }
    }

    /// An attribute value for XML or HTML, to be written between double quotes: forbidden characters
    /// removed, `& < > " '` escaped, and tab/LF/CR written as character references so that attribute
    /// value normalisation (XML 1.0 §3.3.3) keeps them.
    public static func escapeAttribute(_ text: String) -> String {
        escaped(text) { s in
            switch s {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            case "\t": "&#9;"
            case "\n": "&#10;"
            case "\r": "&#13;"
            default: nil
            }
        }
    }

    /// An XML `NMTOKEN` made from `text`: characters outside `[A-Za-z0-9._:-]` and non-ASCII letters
    /// become `_`; an empty string becomes `_`.
    public static func nmtoken(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let ok = ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
                || s == "." || s == "-" || s == "_"
            out.append(ok ? s : "_")
        }
        return out.isEmpty ? "_" : String(out)
    }

    /// Text for a Markdown table cell or list item: backslash-escapes the characters that would
    /// start inline markup or end the cell (`\ ` * _ [ ] < > |`), and writes line breaks as `<br>`.
    public static func escapeMarkdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var previousCR = false
        for s in text.unicodeScalars {
            defer { previousCR = s == "\r" }
            switch s {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#":
                out += "\\"
                out.unicodeScalars.append(s)
            case "\r":
                out += "<br>"
            case "\n":
                if !previousCR { out += "<br>" }
            case "\t":
                out += " "
            default:
                if isXMLChar(s) { out.unicodeScalars.append(s) }
            }
        }
        return out
    }

    /// A field for a plain TSV cell (extended-TSV glossaries, alignment pairs): tabs and line breaks
    /// become spaces, so a reader that splits at tabs needs no unescaping.
    public static func flattenTSV(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }))
    }

    /// A field for Selaras's TSV: backslash escapes `\\`, `\t`, `\n`, `\r` (as in PostgreSQL's
    /// text COPY format), so every record is one line with exactly one tab between fields.
    public static func escapeTSV(_ text: String) -> String {
        escaped(text) { s in
            switch s {
            case "\\": "\\\\"
            case "\t": "\\t"
            case "\n": "\\n"
            case "\r": "\\r"
            default: nil
            }
        }
    }

    /// `text` with each scalar that `replacement` maps replaced by its string, the characters XML
    /// forbids removed, and the rest kept.
    private static func escaped(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            if let r = replacement(s) {
                out += r
            } else if isXMLChar(s) {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// Reverses `escapeTSV` (an unknown escape keeps its character).
    public static func unescapeTSV(_ field: Substring) -> String {
        var out = ""
        var escaping = false
        for c in field {
            if escaping {
                switch c {
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "r": out.append("\r")
                default: out.append(c)
                }
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        if escaping { out.append("\\") }
        return out
    }

    /// A score as written in every output: an integer when whole (`100`), else one decimal (`87.5`).
    public static func score(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", locale: nil, rounded)
    }
}
