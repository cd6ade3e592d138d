/// RFC 4180 comma-separated values: fields may be quoted with `"`, a quote inside a quoted field is
/// doubled, quoted fields may hold commas and line breaks; CRLF or LF ends a record.
enum CSV {
    struct Record {
        /// The 1-based line the record starts on.
        var line: Int
        var fields: [String]
        /// Whether the first field was quoted (a quoted `#` does not start a comment).
        var firstQuoted: Bool
    }

    /// Parses `text` into records. An unterminated quote runs to the end of the text and is
    /// reported through `unterminatedAt` (the line where the quoted field began).
    static func parse(_ text: String, unterminatedAt: inout Int?) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1, recordLine = 1
        var inQuotes = false, quoteStart = 0, wasQuoted = false, firstQuoted = false
        var atFieldStart = true
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func endField() {
            if fields.isEmpty { firstQuoted = wasQuoted }
            fields.append(String(field))
            field = String.UnicodeScalarView()
            wasQuoted = false
            atFieldStart = true
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty && !firstQuoted) {
                records.append(Record(line: recordLine, fields: fields, firstQuoted: firstQuoted))
            }
            fields = []
        }
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" { field.append("\""); i += 2; continue }
                    inQuotes = false
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case "\"" where atFieldStart:
                inQuotes = true; wasQuoted = true; quoteStart = line; atFieldStart = false
            case ",":
                endField()
            case "\r" where i + 1 < scalars.count && scalars[i + 1] == "\n":
                break
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(c)
                atFieldStart = false
            }
            i += 1
        }
        if inQuotes { unterminatedAt = quoteStart }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }

    /// One field, quoted when it holds a comma, quote, line break or outer space.
    static func quote(_ s: String) -> String {
        let needs = s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            || s.hasPrefix(" ") || s.hasSuffix(" ") || s.hasPrefix("#")
        return needs ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func line(_ fields: [String]) -> String { fields.map(quote).joined(separator: ",") }
}
