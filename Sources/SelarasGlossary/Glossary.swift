import Foundation
import SelarasCore

/// A problem found while reading a glossary, with its place.
public struct GlossaryIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }
    public var description: String { "\(location): \(message)" }
}

/// A list of entries read from one file.
public struct Glossary: Sendable, Hashable {
    public var entries: [GlossaryEntry]
    /// The file name, reported as the origin of term hits.
    public var origin: String

    public init(entries: [GlossaryEntry], origin: String) {
        self.entries = entries
        self.origin = origin
    }

    /// Reads a glossary: the extended TSV with a header row (`term	variants	translations	...`) or
    /// OmegaT's three tab-separated columns (source, target, comment). Lines that cannot be read are
    /// returned as issues; the rest load.
    public static func load(contentsOf url: URL) throws -> (Glossary, [GlossaryIssue]) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw GlossaryIssue(location: SourceLocation(file: url.path), message: "cannot read the file")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw GlossaryIssue(location: SourceLocation(file: url.path), message: "not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var entries: [GlossaryEntry] = []
        var issues: [GlossaryIssue] = []
        var header: [String]?
        let file = url.lastPathComponent
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if header == nil, fields.first == "term" { header = fields; continue }
            let loc = SourceLocation(file: file, line: n + 1)
            func field(_ name: String, _ fallback: Int) -> String {
                if let header, let i = header.firstIndex(of: name) { return i < fields.count ? fields[i] : "" }
                return header == nil && fallback < fields.count ? fields[fallback] : ""
            }
            func list(_ s: String) -> [String] {
                s.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            let term = field("term", 0).trimmingCharacters(in: .whitespaces)
            let translations = list(field("translations", 1))
            guard !term.isEmpty, !translations.isEmpty else {
                issues.append(GlossaryIssue(location: loc, message: term.isEmpty ? "no term" : "no translation for '\(term)'"))
                continue
            }
            let note = header == nil ? field("", 2) : field("note", -1)
            entries.append(GlossaryEntry(
                term: term, variants: list(field("variants", -1)), translations: translations,
                forbidden: list(field("forbidden", -1)), partOfSpeech: field("pos", -1).nilIfEmpty,
                status: GlossaryEntry.Status(rawValue: field("status", -1)) ?? .preferred,
                domain: field("domain", -1).nilIfEmpty, note: note.nilIfEmpty,
                source: field("source", -1).nilIfEmpty, date: field("date", -1).nilIfEmpty, line: n + 1))
        }
        return (Glossary(entries: entries, origin: file), issues)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
