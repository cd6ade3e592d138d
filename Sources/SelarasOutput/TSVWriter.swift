import Foundation
import SelarasCore

/// Tab-separated bilingual table, one segment per line, for spreadsheets and scripts.
///
/// Layout: a header line `source	target	kind	score	terms`, then one record per segment:
/// - `source`: the Indonesian segment;
/// - `target`: its English, empty when there is none;
/// - `kind`: where the English came from (`tm-exact`, `tm-fuzzy`, `tm-repaired`, `mt`, `reviewed`,
///   `untranslated`);
/// - `score`: the TM score of TM English; for a segment without English the best match's score;
///   empty for MT and reviewed English and when there is no match;
/// - `terms`: glossary hits as `term=translation` (the preferred translation), separated by ` ; `.
///
/// Escaping: inside a field, backslash, tab, line feed and carriage return are written `\\`, `\t`,
/// `\n`, `\r` (PostgreSQL's text COPY convention), so every record is exactly one line with four
/// tabs; `Markup.unescapeTSV` reverses it. UTF-8 without BOM, LF line ends.
public struct TSVWriter: DocumentWriter {
    public static let header = ["source", "target", "kind", "score", "terms"]

    public init() {}

    public func render(_ document: Document, context: WriterContext) throws -> Data {
        let view = BilingualView(document, fillThreshold: context.fillThreshold)
        var out = Self.header.joined(separator: "\t") + "\n"
        for row in view.rows {
            let score = row.displayScore
            let terms = row.terms.map { hit in
                hit.term + "=" + (hit.translations.first ?? "")
            }.joined(separator: " ; ")
            let fields = [
                row.segment.text,
                row.target.text ?? "",
                row.target.provenance.rawValue,
                score.map(Markup.score) ?? "",
                terms,
            ]
            out += fields.map(Markup.escapeTSV).joined(separator: "\t")
            out += "\n"
        }
        return Data(out.utf8)
    }
}
