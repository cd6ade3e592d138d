import Foundation
import SelarasCore

/// Reads and writes the delimited formats: OmegaT's tab-separated three columns, the extended TSV
/// with a header row, and CSV (extended header or three columns).
enum DelimitedGlossaryFormat {
    static func read(data: Data, url: URL, format: GlossaryFormat) throws -> GlossaryFile {
        let file = url.lastPathComponent
        guard let (text, bom) = GlossaryText.decode(data) else {
            throw Diagnostic.error(.glossaryUnreadable, at: SourceLocation(file: url.path), "not UTF-8 text")
        }
        var result = GlossaryFile(url: url, format: format, raw: [], issues: [], hasBOM: bom, comments: [], header: nil)

        // Records as (line, fields); comment and blank lines set aside.
        var records: [(line: Int, fields: [String])] = []
        if format == .csv {
            var unterminated: Int?
            for r in CSV.parse(text, unterminatedAt: &unterminated) {
                if !r.firstQuoted, let f = r.fields.first, f.hasPrefix("#") {
                    result.comments.append((r.line, r.fields.joined(separator: ",")))
                    continue
                }
                if r.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
                records.append((r.line, r.fields))
            }
            if let u = unterminated {
                result.issues.append(Diagnostic.error(.glossaryEntry, at: SourceLocation(file: file, line: u), "a quoted field is not closed; read to the end of the file"))
            }
        } else {
            for (n, line) in GlossaryText.lines(text).enumerated() {
                if line.hasPrefix("#") { result.comments.append((n + 1, line)); continue }
                if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                records.append((n + 1, line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)))
            }
        }

        // Header: the extended columns, or a `source,target[,comment]` row in CSV.
        var header: [String]?
        if let first = records.first {
            let names = first.fields.map { GlossaryText.clean($0).lowercased() }
            if names.first == "term" {
                header = names
                records.removeFirst()
            } else if format == .csv, names.first == "source", names.count >= 2, names[1] == "target" {
                records.removeFirst()
            }
        }
        result.header = header
        if let header {
            result.format = format == .csv ? .csv : .tsv
            let known = Set(GlossaryFormat.extendedColumns)
            var seen = Set<String>()
            for name in header where !name.isEmpty {
                if !seen.insert(name).inserted {
                    result.issues.append(Diagnostic.error(.glossaryEntry, at: SourceLocation(file: file, line: 1), "the header names column '\(name)' twice"))
                }
            }
            if !header.contains("translations") {
                result.issues.append(Diagnostic.error(.glossaryEntry, at: SourceLocation(file: file, line: 1), "the header has no 'translations' column"))
            }
            for name in header where !name.isEmpty && !known.contains(name) {
                result.issues.append(Diagnostic.warning(.glossaryEntry, at: SourceLocation(file: file, line: 1), "unknown column '\(name)' is ignored"))
            }
        } else if format == .tsv {
            result.format = .omegaT
        }

        for (line, fields) in records {
            if let header {
                func field(_ name: String) -> String {
                    guard let i = header.firstIndex(of: name), i < fields.count else { return "" }
                    return fields[i]
                }
                result.raw.append(RawGlossaryEntry(
                    line: line, term: field("term"), variants: RawGlossaryEntry.splitList(field("variants")),
                    translations: RawGlossaryEntry.splitList(field("translations")),
                    forbidden: RawGlossaryEntry.splitList(field("forbidden")), pos: field("pos"),
                    status: field("status"), domain: field("domain"), note: field("note"), source: field("source"),
                    date: field("date"), exceptions: RawGlossaryEntry.splitList(field("exceptions")),
                    fieldCount: fields.count, expectedFieldCount: header.count))
            } else {
                let target = fields.count > 1 ? fields[1] : ""
                result.raw.append(RawGlossaryEntry(
                    line: line, term: fields[0], translations: target.isEmpty ? [] : [target],
                    note: fields.count > 2 ? fields[2...].joined(separator: format == .csv ? "," : "\t") : "",
                    fieldCount: fields.count, expectedFieldCount: 3))
            }
        }
        return result
    }

    /// A field made safe for one cell: tabs and line breaks become spaces.
    static func cell(_ s: String) -> String { Markup.flattenTSV(s) }

    static func fields(_ e: GlossaryEntry) -> [String] {
        [e.term, e.variants.joined(separator: "|"), e.translations.joined(separator: "|"),
         e.forbidden.joined(separator: "|"), e.partOfSpeech ?? "", e.status.rawValue, e.domain ?? "", e.note ?? "",
         e.source ?? "", e.date ?? "", e.exceptions.joined(separator: "|")]
    }

    /// The rows OmegaT's format gives one entry: one per translation (the note on the first), then
    /// one per variant with the comment `variant of TERM`.
    static func omegaTRows(_ e: GlossaryEntry) -> [[String]] {
        var rows: [[String]] = []
        for (i, t) in e.translations.enumerated() {
            rows.append([e.term, t, i == 0 ? (e.note ?? "") : ""])
        }
        for v in e.variants {
            rows.append([v, e.translations.first ?? "", "variant of \(e.term)"])
        }
        return rows
    }

    /// The lines (without line ends) that one entry takes in `format`.
    static func lines(for e: GlossaryEntry, format: GlossaryFormat) -> [String] {
        switch format {
        case .tsv: return [fields(e).map(cell).joined(separator: "\t")]
        case .csv: return [CSV.line(fields(e))]
        case .omegaT:
            return omegaTRows(e).map { row in
                var r = row.map(cell)
                if r.last == "" { r.removeLast() }
                return r.joined(separator: "\t")
            }
        case .tbx2, .tbx3: return []
        }
    }

    static func headerLine(_ format: GlossaryFormat) -> String? {
        switch format {
        case .tsv: return GlossaryFormat.extendedColumns.joined(separator: "\t")
        case .csv: return GlossaryFormat.extendedColumns.joined(separator: ",")
        default: return nil
        }
    }

    /// The whole file. `comments` (OmegaT `#` lines, without the `#`) go first.
    static func write(_ entries: [GlossaryEntry], format: GlossaryFormat, comments: [String] = [], bom: Bool = false) -> String {
        var out = bom ? "\u{FEFF}" : ""
        for c in comments { out += "# " + cell(c) + "\n" }
        if let h = headerLine(format) { out += h + "\n" }
        for e in entries {
            for l in lines(for: e, format: format) { out += l + "\n" }
        }
        return out
    }
}
