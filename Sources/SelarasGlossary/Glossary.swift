import Foundation
import SelarasCore

/// A list of entries read from one file.
public struct Glossary: Sendable, Hashable {
    public var entries: [GlossaryEntry]
    /// The file name, reported as the origin of term hits.
    public var origin: String

    public init(entries: [GlossaryEntry], origin: String) {
        self.entries = entries
        self.origin = origin
    }

    /// Reads a glossary in any supported format, chosen by content and extension (see
    /// `GlossaryFormat.detect`): OmegaT TSV (`.txt`, `.utf8`, `.tab`, or `.tsv` without the header),
    /// the extended TSV with its header row, CSV, TBX v2 (`martif`) and TBX v3 (`tbx`).
    /// Entries that cannot be used (no term, no translation) are returned as issues with their line;
    /// the rest load. Throws only when the file cannot be read at all.
    public static func load(contentsOf url: URL) throws -> (Glossary, [Diagnostic]) {
        let file = try GlossaryFile.read(url)
        let (entries, issues) = file.entries()
        return (Glossary(entries: entries, origin: url.lastPathComponent), issues)
    }

    /// The entries with one of `statuses`, one of `domains` (compared ignoring case, hyphens and
    /// underscores) and one of the parts of speech `parts`; an empty set does not filter.
    public static func select(_ glossaries: [Glossary], statuses: Set<GlossaryEntry.Status>, domains: Set<String>,
                              parts: Set<PartOfSpeech>) -> [GlossaryEntry] {
        func norm(_ d: String) -> String { d.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ") }
        let wanted = Set(domains.map(norm))
        return glossaries.flatMap(\.entries).filter { e in
            (statuses.isEmpty || statuses.contains(e.status))
                && (wanted.isEmpty || e.domain.map { wanted.contains(norm($0)) } == true)
                && (parts.isEmpty || PartOfSpeech(parsing: e.partOfSpeech).map(parts.contains) == true)
        }
    }

    /// An entry as `selaras glossary list` shows it: `term (variants) → translations  [tags]  not: forbidden`.
    public static func listing(_ e: GlossaryEntry) -> String {
        var line = e.term
        if !e.variants.isEmpty { line += " (\(e.variants.joined(separator: ", ")))" }
        line += " → " + e.translations.joined(separator: "; ")
        let tags = [e.partOfSpeech, e.domain, e.status == .preferred ? nil : e.status.rawValue].compactMap { $0 }
        if !tags.isEmpty { line += "  [\(tags.joined(separator: ", "))]" }
        if !e.forbidden.isEmpty { line += "  not: \(e.forbidden.joined(separator: "; "))" }
        return line
    }

    /// The problems of reading the file at `path` (as `load` gives them: lines only), located in that
    /// file; an entry that could not be read is marked skipped.
    public static func located(_ issues: [Diagnostic], in path: String) -> [Diagnostic] {
        issues.map { i in
            var d = i
            d.location = SourceLocation(file: path, line: i.line)
            if d.severity == .error, d.action == nil { d.action = .skipped }
            return d
        }
    }

    /// The file content for `format`. TBX carries everything; the extended TSV and CSV carry
    /// everything; OmegaT's three columns carry terms, translations (one row each), variants (rows
    /// with the comment `variant of TERM`) and the note. `comments` go into delimited formats as
    /// `#` lines at the top. With `ntig`, TBX v2 terms are written as `ntig/termGrp` instead of `tig`.
    public func serialized(as format: GlossaryFormat, comments: [String] = [], bom: Bool = false, ntig: Bool = false) -> String {
        switch format {
        case .omegaT, .tsv, .csv:
            return DelimitedGlossaryFormat.write(entries, format: format, comments: comments, bom: bom)
        case .tbx2, .tbx3:
            return TBXGlossaryFormat.write(entries, v3: format == .tbx3, title: origin, ntig: ntig)
        }
    }

    /// Writes the glossary atomically in `format` (by default the one the file name implies).
    public func write(to url: URL, format: GlossaryFormat? = nil, comments: [String] = [], ntig: Bool = false) throws {
        guard let fmt = format ?? GlossaryFormat.forWriting(url) else {
            throw Diagnostic.error(.glossaryUnreadable, at: SourceLocation(file: url.path), "unknown glossary extension '.\(url.pathExtension)' (use .tsv, .txt, .csv, .tbx or .tbx3)")
        }
        try AtomicFile.write(serialized(as: fmt, comments: comments, ntig: ntig), to: url)
    }

    /// What `format` cannot carry of these entries, as short phrases (`"forbidden translations (3 entries)"`).
    public func losses(in format: GlossaryFormat) -> [String] {
        var out: [String] = []
        func count(_ name: String, _ pred: (GlossaryEntry) -> Bool) {
            let n = entries.filter(pred).count
            if n > 0 { out.append("\(name) (\(n) entr\(n == 1 ? "y" : "ies"))") }
        }
        // TBX has no standard data category for them (see docs/glossary.md).
        if format == .tbx2 || format == .tbx3 { count("exceptions") { !$0.exceptions.isEmpty } }
        guard format == .omegaT else { return out }
        count("exceptions") { !$0.exceptions.isEmpty }
        count("forbidden translations") { !$0.forbidden.isEmpty }
        count("parts of speech") { $0.partOfSpeech != nil }
        count("statuses other than preferred") { $0.status != .preferred }
        count("domains") { $0.domain != nil }
        count("sources") { $0.source != nil }
        count("dates") { $0.date != nil }
        return out
    }
}
