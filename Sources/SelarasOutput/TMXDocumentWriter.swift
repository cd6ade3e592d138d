import Foundation
import SelarasCore
import SelarasFormats

/// One article's TM pairs as TMX 1.4b (valid against `tmx14.dtd`), written with SelarasTM's
/// `TMXWriter`: the pairs `TMXPairs` selects — English from the TM or reviewed, never MT — ready
/// for an OmegaT project's `tm/` folder. An article without such pairs gives a TMX with an empty body.
public struct TMXDocumentWriter: DocumentWriter {
    public init() {}

    public func render(_ document: Document, context: WriterContext) throws -> Data {
        let units = TMXPairs.units(of: document, context: context)
        var header = Self.header(context)
        header.notes = ["Article \(Markup.xmlSafe(document.article.id)): translation-memory and reviewed pairs."]
        return TMXWriter(header: header, date: context.date).render(units: units)
    }

    /// The header Selaras's TMX files carry.
    static func header(_ context: WriterContext) -> TMXHeader {
        TMXHeader(creationTool: context.toolName, creationToolVersion: context.toolVersion, segType: "sentence",
                  originalFormat: "Selaras", adminLanguage: context.targetLanguage, sourceLanguage: context.sourceLanguage,
                  dataType: "plaintext", creationDate: WriterDates.tmx(context.date))
    }
}

extension RunTMXCollector {
    /// The run's TMX document: every distinct pair, in article then segment order.
    public func render() -> Data {
        var header = TMXDocumentWriter.header(context)
        header.notes = ["Selaras run: translation-memory and reviewed pairs of every article."]
        return TMXWriter(header: header, date: context.date).render(units: pairs)
    }

    /// Writes the run's TMX to `url` (atomically, one unit at a time).
    public func write(to url: URL) throws {
        var header = TMXDocumentWriter.header(context)
        header.notes = ["Selaras run: translation-memory and reviewed pairs of every article."]
        try TMXWriter(header: header, date: context.date).write(units: pairs, to: url)
    }
}
