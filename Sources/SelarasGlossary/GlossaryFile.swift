import Foundation
import SelarasCore

/// One entry exactly as a file has it: fields untrimmed, list items unfiltered. `lint` inspects these;
/// `GlossaryEntry(cleaning:)` turns one into a usable entry.
public struct RawGlossaryEntry: Sendable, Hashable {
    /// The 1-based line where the entry starts.
    public var line: Int
    public var term: String
    public var variants: [String]
    public var translations: [String]
    public var forbidden: [String]
    public var pos: String
    public var status: String
    public var domain: String
    public var note: String
    public var source: String
    public var date: String
    /// Phrases in which the term is not the term (extended TSV and CSV only).
    public var exceptions: [String]
    /// Statuses of the translations as the file gives them (TBX only; empty otherwise).
    public var translationStatuses: [String]
    /// How many fields the line had, and how many the header promised (delimited formats only).
    public var fieldCount: Int?
    public var expectedFieldCount: Int?

    public init(line: Int, term: String, variants: [String] = [], translations: [String] = [], forbidden: [String] = [],
                pos: String = "", status: String = "", domain: String = "", note: String = "", source: String = "",
                date: String = "", exceptions: [String] = [], translationStatuses: [String] = [], fieldCount: Int? = nil,
                expectedFieldCount: Int? = nil) {
        self.line = line
        self.term = term
        self.variants = variants
        self.translations = translations
        self.forbidden = forbidden
        self.pos = pos
        self.status = status
        self.domain = domain
        self.note = note
        self.source = source
        self.date = date
        self.exceptions = exceptions
        self.translationStatuses = translationStatuses
        self.fieldCount = fieldCount
        self.expectedFieldCount = expectedFieldCount
    }

    /// Splits a `|`-separated list field, keeping empty and untrimmed items.
    static func splitList(_ field: String) -> [String] {
        field.isEmpty ? [] : field.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    }
}

extension GlossaryEntry {
    /// The entry a raw entry stands for: whitespace trimmed and collapsed, invisible characters removed,
    /// empty list items dropped, unknown statuses read as preferred.
    public init(cleaning raw: RawGlossaryEntry) {
        func clean(_ s: String) -> String { GlossaryText.clean(s) }
        func list(_ xs: [String]) -> [String] {
            var seen = Set<String>()
            return xs.map(clean).filter { !$0.isEmpty && seen.insert($0).inserted }
        }
        self.init(term: clean(raw.term), variants: list(raw.variants), translations: list(raw.translations),
                  forbidden: list(raw.forbidden), partOfSpeech: clean(raw.pos).nilIfEmpty,
                  status: Status(parsing: raw.status) ?? .preferred, domain: clean(raw.domain).nilIfEmpty,
                  note: clean(raw.note).nilIfEmpty, source: clean(raw.source).nilIfEmpty,
                  date: clean(raw.date).nilIfEmpty, exceptions: list(raw.exceptions), line: raw.line)
    }
}

/// Text clean-up shared by the readers and lint.
enum GlossaryText {
    /// UTF-8 text without its byte-order mark, and whether it had one. Nil when not UTF-8.
    static func decode(_ data: Data) -> (text: String, bom: Bool)? {
        let bom = data.starts(with: [0xEF, 0xBB, 0xBF])
        guard let text = String(data: bom ? data.dropFirst(3) : data, encoding: .utf8) else { return nil }
        return (text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, bom)
    }

    /// The lines of a text, split at LF or CRLF (Swift keeps CRLF as one character).
    static func lines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
    }

    /// Characters that take no space and should not be in a term.
    static let invisible: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}"]

    /// Trims, maps every whitespace run (tabs, no-break spaces included) to one space and drops
    /// invisible characters.
    static func clean(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for u in s.unicodeScalars {
            if invisible.contains(u) { continue }
            if u.properties.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" "); space = false }
            out.append(u)
        }
        return String(out)
    }

    /// What is wrong with the whitespace of a field, or nil when nothing is.
    static func whitespaceDamage(_ s: String) -> String? {
        if s.isEmpty { return nil }
        if s.unicodeScalars.contains(where: { invisible.contains($0) }) { return "contains an invisible character" }
        if let f = s.unicodeScalars.first, f.properties.isWhitespace { return "starts with whitespace" }
        if let l = s.unicodeScalars.last, l.properties.isWhitespace { return "ends with whitespace" }
        if s.contains("  ") { return "has a double space" }
        if s.unicodeScalars.contains(where: { $0 != " " && $0.properties.isWhitespace }) {
            return "contains a tab, line break or no-break space"
        }
        return nil
    }
}

/// A glossary file as read: its format, its entries in file order (one per row or TBX entry, not
/// merged), and the problems met on the way.
public struct GlossaryFile: Sendable {
    public var url: URL
    public var format: GlossaryFormat
    public var raw: [RawGlossaryEntry]
    /// Problems that stopped an entry or the file from being read completely.
    public var issues: [Diagnostic]
    /// Whether the file began with a byte-order mark.
    public var hasBOM: Bool
    /// The `#` comment lines of a delimited file, with their line numbers (kept for round trips).
    public var comments: [(line: Int, text: String)]
    /// The header row of the extended TSV or CSV, lowercased; nil for other layouts.
    public var header: [String]?

    /// Reads `url` in the given format, or the detected one. Throws only when the file cannot be
    /// read at all (missing, not UTF-8, not well-formed XML); a bad entry becomes an issue.
    public static func read(_ url: URL, format: GlossaryFormat? = nil) throws -> GlossaryFile {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Diagnostic.error(.glossaryUnreadable, at: SourceLocation(file: url.path), "cannot read the file")
        }
        return try read(data: data, url: url, format: format)
    }

    /// Reads a glossary from `data` as if it were the file at `url` (whose name decides the format
    /// when `format` is nil, and names the file in messages). Same contract as `read(_:format:)`.
    public static func read(data: Data, url: URL, format: GlossaryFormat? = nil) throws -> GlossaryFile {
        let fmt = format ?? GlossaryFormat.detect(url, data: data)
        switch fmt {
        case .omegaT, .tsv, .csv:
            return try DelimitedGlossaryFormat.read(data: data, url: url, format: fmt)
        case .tbx2, .tbx3:
            return try TBXGlossaryFormat.read(data: data, url: url)
        }
    }

    /// The usable entries: each raw entry cleaned; entries without a term or translation are
    /// reported and left out. In OmegaT files (and three-column CSV), rows repeating a source are
    /// folded into one entry with several translations, and rows whose comment reads
    /// `variant of TERM` become variants of that term's entry.
    public func entries() -> (entries: [GlossaryEntry], issues: [Diagnostic]) {
        var out: [GlossaryEntry] = []
        var issues = self.issues
        let file = url.lastPathComponent
        let folds = format == .omegaT || (format == .csv && raw.allSatisfy { $0.expectedFieldCount == 3 })
        var index: [String: Int] = [:]
        for r in raw {
            let e = GlossaryEntry(cleaning: r)
            let loc = SourceLocation(file: file, line: r.line)
            if e.term.isEmpty {
                issues.append(Diagnostic.error(.glossaryEntry, at: loc, "no term"))
                continue
            }
            if e.translations.isEmpty {
                issues.append(Diagnostic.error(.glossaryEntry, at: loc, "no translation for '\(e.term)'"))
                continue
            }
            if folds {
                let key = e.term.lowercased()
                if let note = e.note, let target = Self.variantTarget(note), let i = index[target.lowercased()] {
                    if !out[i].variants.contains(e.term) { out[i].variants.append(e.term) }
                    index[key] = index[key] ?? i
                    continue
                }
                if let i = index[key], out[i].term == e.term {
                    for t in e.translations where !out[i].translations.contains(t) { out[i].translations.append(t) }
                    if let n = e.note, n != out[i].note { out[i].note = [out[i].note, n].compactMap { $0 }.joined(separator: "; ") }
                    continue
                }
                index[key] = out.count
            }
            out.append(e)
        }
        return (out, issues)
    }

    /// The term named by an OmegaT comment `variant of TERM`, if the comment is one.
    static func variantTarget(_ comment: String) -> String? {
        let prefix = "variant of "
        guard comment.lowercased().hasPrefix(prefix) else { return nil }
        let t = comment.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        return t.isEmpty ? nil : t
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
