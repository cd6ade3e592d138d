import Foundation
import SelarasCore

/// The whole document as JSON: the article and every layer the stages added.
public struct JSONDocumentWriter: DocumentWriter {
    public init() {}

    public func render(_ document: Document, context: WriterContext) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(document)
        data.append(0x0A)
        return data
    }
}
