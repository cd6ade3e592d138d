import Foundation
import SelarasCore
import SelarasText

/// Adds and removes entries in a glossary file in place: the file keeps its format, byte-order mark,
/// line ends, comments and the order of everything else; the new file replaces the old atomically.
public enum GlossaryEditor {
    public enum Outcome: Sendable, Equatable {
        case added
        case replaced(lines: [Int])
        case removed(lines: [Int])
    }

    /// Appends `entry` (or, with `replace`, puts it in place of the entry with its term). A new file
    /// is created in the format its extension implies. Throws when the term is already there and
    /// `replace` is false, or when the file cannot be read or written.
    @discardableResult
    public static func add(_ entry: GlossaryEntry, to url: URL, replace: Bool = false) throws -> Outcome {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            guard let format = GlossaryFormat.forWriting(url) else {
                throw Diagnostic.error(.glossaryEdit, at: SourceLocation(file: url.path), "unknown glossary extension '.\(url.pathExtension)' (use .tsv, .txt, .csv, .tbx or .tbx3)")
            }
            try Glossary(entries: [entry], origin: url.lastPathComponent).write(to: url, format: format)
            return .added
        }
        let file = try GlossaryFile.read(url)
        let existing = lines(of: entry.term, in: file)
        if !existing.isEmpty && !replace {
            throw Diagnostic.error(.glossaryEdit, at: SourceLocation(file: url.path, line: existing.first), "'\(entry.term)' is already in the glossary (use --replace to change it)")
        }
        switch file.format {
        case .tbx2, .tbx3:
            let (bytes, _) = try TBXGlossaryFormat.edit(data: data, name: url.lastPathComponent,
                                                        removing: existing.isEmpty ? nil : entry.term, adding: entry)
            try AtomicFile.write(bytes, to: url)
        case .omegaT, .tsv, .csv:
            var doc = try TextLines(data: data, name: url.path)
            let newLines = rowLines(for: entry, file: file)
            if existing.isEmpty {
                doc.append(newLines)
            } else {
                doc.replace(lines: Set(existing), with: newLines)
            }
            try AtomicFile.write(doc.data, to: url)
        }
        return existing.isEmpty ? .added : .replaced(lines: existing)
    }

    /// Removes the entry whose term is `term` (ignoring case and spacing) and, in OmegaT files, its
    /// other rows and variant rows. Throws when the term is not there.
    @discardableResult
    public static func remove(term: String, from url: URL) throws -> Outcome {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Diagnostic.error(.glossaryEdit, at: SourceLocation(file: url.path), "cannot read the file")
        }
        let file = try GlossaryFile.read(url)
        let existing = lines(of: term, in: file)
        guard !existing.isEmpty else {
            throw Diagnostic.error(.glossaryEdit, at: SourceLocation(file: url.path), "'\(term)' is not in the glossary")
        }
        switch file.format {
        case .tbx2, .tbx3:
            let (bytes, _) = try TBXGlossaryFormat.edit(data: data, name: url.lastPathComponent, removing: term, adding: nil)
            try AtomicFile.write(bytes, to: url)
        case .omegaT, .tsv, .csv:
            var doc = try TextLines(data: data, name: url.path)
            doc.replace(lines: Set(existing), with: [])
            try AtomicFile.write(doc.data, to: url)
        }
        return .removed(lines: existing)
    }

    /// Terms compare ignoring case and spacing when editing.
    static func editKey(_ term: String) -> String { TextNormalizer.matchKey(GlossaryText.clean(term)) }

    /// The lines (all lines of multi-line CSV records) that hold `term`'s entry.
    static func lines(of term: String, in file: GlossaryFile) -> [Int] {
        let key = editKey(term)
        var out: [Int] = []
        let spans = recordSpans(file)
        for (k, r) in file.raw.enumerated() {
            let t = GlossaryText.clean(r.term)
            let isVariantRow = file.format == .omegaT
                && GlossaryFile.variantTarget(GlossaryText.clean(r.note)).map { editKey($0) == key } == true
            if editKey(t) == key || isVariantRow {
                out += Array(spans[k])
            }
        }
        return out
    }

    /// The line range of each raw entry (CSV records may span lines).
    static func recordSpans(_ file: GlossaryFile) -> [ClosedRange<Int>] {
        guard file.format == .csv,
              let data = FileManager.default.contents(atPath: file.url.path),
              let (text, _) = GlossaryText.decode(data) else {
            return file.raw.map { $0.line...$0.line }
        }
        var unterminated: Int?
        let records = CSV.parse(text, unterminatedAt: &unterminated)
        var endOf: [Int: Int] = [:]
        for r in records {
            let newlines = r.fields.reduce(0) { $0 + $1.unicodeScalars.filter { $0 == "\n" }.count }
            endOf[r.line] = r.line + newlines
        }
        return file.raw.map { $0.line...(endOf[$0.line] ?? $0.line) }
    }

    /// The row lines for an entry in the file's own layout (its header's column order).
    static func rowLines(for e: GlossaryEntry, file: GlossaryFile) -> [String] {
        switch file.format {
        case .omegaT, .tbx2, .tbx3:
            return DelimitedGlossaryFormat.lines(for: e, format: file.format)
        case .tsv, .csv:
            let header = file.header ?? GlossaryFormat.extendedColumns
            let values = Dictionary(uniqueKeysWithValues: zip(GlossaryFormat.extendedColumns, DelimitedGlossaryFormat.fields(e)))
            if file.header == nil, file.format == .csv {
                return [CSV.line([e.term, e.translations.first ?? "", e.note ?? ""])]
            }
            let row = header.map { values[$0] ?? "" }
            return [file.format == .csv ? CSV.line(row) : row.map(DelimitedGlossaryFormat.cell).joined(separator: "\t")]
        }
    }
}

/// A text file as lines, keeping its byte-order mark and line-end style, for line-level edits.
struct TextLines {
    var bom: Bool
    var lines: [String]
    var newline: String
    var endsWithNewline: Bool

    init(data: Data, name: String) throws {
        guard let (text, hasBOM) = GlossaryText.decode(data) else {
            throw Diagnostic.error(.glossaryEdit, at: SourceLocation(file: name), "not UTF-8 text")
        }
        bom = hasBOM
        newline = text.contains("\r\n") ? "\r\n" : "\n"
        endsWithNewline = text.isEmpty || text.unicodeScalars.last == "\n"  // "\r\n" is one Character
        var ls = text.components(separatedBy: newline)
        if endsWithNewline, ls.last == "" { ls.removeLast() }
        lines = ls
    }

    mutating func append(_ new: [String]) {
        lines += new
        endsWithNewline = true
    }

    /// Replaces the given 1-based lines: the first of them by `new`, the others removed.
    mutating func replace(lines numbers: Set<Int>, with new: [String]) {
        var out: [String] = []
        var inserted = false
        for (i, l) in lines.enumerated() {
            if numbers.contains(i + 1) {
                if !inserted { out += new; inserted = true }
            } else {
                out.append(l)
            }
        }
        lines = out
    }

    var data: Data {
        var s = bom ? "\u{FEFF}" : ""
        s += lines.joined(separator: newline)
        if endsWithNewline && !lines.isEmpty { s += newline }
        return Data(s.utf8)
    }
}
