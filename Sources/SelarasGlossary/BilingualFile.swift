import Foundation
import SelarasCore
import SelarasFormats

/// One source/target pair of a bilingual file, as `glossary check` needs it.
public struct BilingualSegment: Sendable, Hashable {
    /// XLIFF 1.2: the `trans-unit` id (with `/mid` for `seg-source` segments); XLIFF 2.0: the unit id,
    /// with `/segment id` appended when the unit has several segments; TSV: the line number.
    public var id: String
    public var source: String
    /// Nil when there is no target (or it is empty).
    public var target: String?
    public var line: Int

    public init(id: String, source: String, target: String?, line: Int) {
        self.id = id
        self.source = source
        self.target = target
        self.line = line
    }
}

/// Reads the source and target text of bilingual files: XLIFF 1.2 and 2.0 (`XLIFFReader`, the reader
/// `tm update` uses too) and tab-separated `source<TAB>target<TAB>...` with a header row.
///
/// Inline markup as `XLIFFReader` reads it: the text of `g`, `mrk`, `pc` counts, native code
/// (`ph`, `bpt`, `ept`, `it`) does not, `sub` does, 2.0 `cp` gives its character. In TSV, the
/// escapes `\t`, `\n`, `\r`, `\\` are undone.
public enum BilingualFile {
    public static func read(_ url: URL) throws -> (segments: [BilingualSegment], issues: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Diagnostic.error(.glossaryUnreadable, at: SourceLocation(file: url.path), "cannot read the file")
        }
        let head = String(decoding: data.prefix(512), as: UTF8.self).drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if head.hasPrefix("<") || ["xlf", "xliff", "xml", "sdlxliff", "mxliff"].contains(url.pathExtension.lowercased()) {
            return try readXLIFF(data, name: url.lastPathComponent)
        }
        return try readTSV(data, name: url.lastPathComponent)
    }

    /// XLIFF through the one XLIFF reader (`XLIFFReader`, SelarasFormats): each unit's source and
    /// target, 1.2 `seg-source` segments and 2.0 segments as units of their own.
    static func readXLIFF(_ data: Data, name: String) throws -> ([BilingualSegment], [Diagnostic]) {
        let (units, issues) = try XLIFFReader.units(data: data, name: name)
        let segments = units.map { u in
            BilingualSegment(id: u.id, source: u.source, target: u.target.flatMap { $0.isEmpty ? nil : $0 }, line: u.location.line ?? 0)
        }
        return (segments, issues)
    }

    static func unescape(_ s: String) -> String {
        guard s.contains("\\") else { return s }
        var out = "", escaped = false
        for c in s {
            if escaped {
                switch c {
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "r": out.append("\r")
                default: out.append(c)
                }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        if escaped { out.append("\\") }
        return out
    }

    static func readTSV(_ data: Data, name: String) throws -> ([BilingualSegment], [Diagnostic]) {
        guard let (text, _) = GlossaryText.decode(data) else {
            throw Diagnostic.error(.glossaryUnreadable, at: SourceLocation(file: name), "not UTF-8 text")
        }
        var out: [BilingualSegment] = []
        var issues: [Diagnostic] = []
        var sourceColumn = 0, targetColumn = 1, idColumn: Int?
        var sawHeader = false
        for (n, line) in GlossaryText.lines(text).enumerated() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if !sawHeader {
                sawHeader = true
                let names = fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                if let s = names.firstIndex(of: "source") { sourceColumn = s }
                if let t = names.firstIndex(of: "target") { targetColumn = t }
                idColumn = names.firstIndex(of: "id")
                continue
            }
            guard fields.count > sourceColumn else {
                issues.append(Diagnostic.error(.glossaryEntry, at: SourceLocation(file: name, line: n + 1), "no source column; skipped"))
                continue
            }
            let target = fields.count > targetColumn ? unescape(fields[targetColumn]) : ""
            let id = idColumn.flatMap { $0 < fields.count ? fields[$0] : nil } ?? String(n + 1)
            out.append(BilingualSegment(id: id, source: unescape(fields[sourceColumn]),
                                        target: target.trimmingCharacters(in: .whitespaces).isEmpty ? nil : target,
                                        line: n + 1))
        }
        return (out, issues)
    }
}
