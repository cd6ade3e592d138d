import Foundation
import SelarasCore
import SelarasFormats

/// What `selaras glossary extract` reads and writes around the extractor: the aligned pairs of a TM
/// file, and the candidates as an extended-TSV glossary a terminologist can review and merge.
public enum TermCandidateTable {
    /// The pairs of a TM file: TMX (by extension, or when `tmx` is set), else `source<TAB>target`
    /// lines. Returns the pairs and how many TMX units were skipped; throws when the file cannot be
    /// read.
    public static func pairs(at url: URL, tmx: Bool = false) throws -> (pairs: [EquivalentMiner.Pair], skipped: Int) {
        var pairs: [EquivalentMiner.Pair] = []
        if tmx || url.pathExtension.lowercased() == "tmx" {
            let issues = try TMXReader().read(url) { pairs.append(.init(source: $0.source, target: $0.target)) }
            return (pairs, issues.count)
        }
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic.error(.extractionTM, at: SourceLocation(file: url.path),
                                   "cannot read the translation memory (give a .tmx file or a source<TAB>target file)")
        }
        for line in text.split(whereSeparator: \.isNewline) {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            if f.count >= 2, !f[0].isEmpty, !f[1].isEmpty { pairs.append(.init(source: String(f[0]), target: String(f[1]))) }
        }
        return (pairs, 0)
    }

    /// The candidates as extended TSV (the glossary columns, status `admitted`, the evidence in the
    /// note) with the columns score, frequency, documents, dice and example after them.
    public static func tsv(_ candidates: [TermCandidate], date: Date = Date()) -> String {
        let today = ISO8601DateFormatter.string(from: date, timeZone: .current, formatOptions: [.withFullDate])
        var out = (GlossaryFormat.extendedColumns + ["score", "frequency", "documents", "dice", "example"]).joined(separator: "\t") + "\n"
        for c in candidates {
            var note = "candidate (\(c.kind.rawValue)): C-value \(String(format: "%.1f", c.cValue)), \(c.frequency) occurrence\(c.frequency == 1 ? "" : "s") in \(c.documents) article\(c.documents == 1 ? "" : "s")"
            if let d = c.dice, let n = c.cooccurrences { note += "; English from the TM: Dice \(String(format: "%.2f", d)) over \(n) pairs" }
            let row = [c.term, c.variants.joined(separator: "|"), c.translation ?? "", "", "noun", "admitted", "", note,
                       "selaras glossary extract", today, String(format: "%.2f", c.score), String(c.frequency),
                       String(c.documents), c.dice.map { String(format: "%.2f", $0) } ?? "", c.examples.joined(separator: " | ")]
            out += row.map(Markup.flattenTSV).joined(separator: "\t") + "\n"
        }
        return out
    }
}
