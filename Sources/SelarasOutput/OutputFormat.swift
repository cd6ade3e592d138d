import Foundation
import SelarasCore

/// What a writer needs to know besides the document.
public struct WriterContext: Sendable {
    public var sourceLanguage: String
    public var targetLanguage: String
    /// `Selaras x.y` for tool attributes.
    public var toolName: String
    public var toolVersion: String
    /// Timestamp written into files that carry one. Fixed in tests for stable output.
    public var date: Date
    /// Minimum TM score for a match to fill a target (for state attributes).
    public var fillThreshold: Double

    public init(sourceLanguage: String = "id", targetLanguage: String = "en", toolName: String = "Selaras",
                toolVersion: String = "0.1.0", date: Date = Date(), fillThreshold: Double = BilingualView.defaultFillThreshold) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.date = date
        self.fillThreshold = fillThreshold
    }
}

/// Renders one document into one file's bytes. Writers never touch the file system.
public protocol DocumentWriter: Sendable {
    func render(_ document: Document, context: WriterContext) throws -> Data
}

/// The per-article output formats, by the key used in a pipeline's `write.formats`.
public enum OutputFormat: String, Sendable, CaseIterable, Codable {
    case xliff = "xlf"
    case xliff2 = "xlf2"
    case tmx
    case tsv
    case markdown = "md"
    case json
    case html

    /// The file name for an article's output in this format.
    public func fileName(forArticle id: String) -> String {
        switch self {
        case .xliff: return "\(id).xlf"
        case .xliff2: return "\(id).xlf2.xlf"
        case .tmx: return "\(id).tmx"
        case .tsv: return "\(id).tsv"
        case .markdown: return "\(id).md"
        case .json: return "\(id).json"
        case .html: return "\(id).html"
        }
    }

    /// The writer for this format.
    public var writer: any DocumentWriter {
        switch self {
        case .xliff: return XLIFF12Writer()
        case .xliff2: return XLIFF2Writer()
        case .tmx: return TMXDocumentWriter()
        case .tsv: return TSVWriter()
        case .markdown: return MarkdownBriefWriter()
        case .json: return JSONDocumentWriter()
        case .html: return HTMLReportWriter()
        }
    }
}

public enum OutputError: Error, CustomStringConvertible {
    case unsupported(format: String)
    case missingLayer(String, format: String)

    public var description: String {
        switch self {
        case let .unsupported(format): return "the '\(format)' writer is not available"
        case let .missingLayer(layer, format): return "the '\(format)' writer needs the '\(layer)' layer"
        }
    }
}
