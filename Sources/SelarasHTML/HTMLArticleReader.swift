import Foundation
import SelarasCore
import SelarasText

/// A saved news page read into an article: bytes decoded (`PageBytes`), parsed (`HTMLTree`), its
/// metadata read (`PageMetadata`) and its body found (`ContentExtractor`).
///
/// The article's paragraphs are the headline (role `headline`) then the blocks with their roles; the
/// metadata keys are `title`, `published`, `modified`, `author`, `site`, `url` (the canonical URL,
/// else the one given), `description`, `language` and `encoding`, each only when the page has it.
public struct HTMLArticleReader: Sendable {
    public var extractor: ContentExtractor

    public init(extractor: ContentExtractor = ContentExtractor()) {
        self.extractor = extractor
    }

    /// What a page gave.
    public struct Page: Sendable {
        public var article: Article
        public var metadata: PageMetadata
        public var diagnostics: [Diagnostic]
        public var fromStructuredData: Bool

        public init(article: Article, metadata: PageMetadata = PageMetadata(), diagnostics: [Diagnostic] = [], fromStructuredData: Bool = false) {
            self.article = article
            self.metadata = metadata
            self.diagnostics = diagnostics
            self.fromStructuredData = fromStructuredData
        }
    }

    /// Reads a page from its file bytes (`.html`, `.htm`, gzip or not).
    public func read(data: Data, id: String, path: String, url: String? = nil) throws(Diagnostic) -> Page {
        let bytes = try PageBytes(data, path: path)
        return try read(bytes, id: id, path: path, url: url)
    }

    /// Reads a page from text already decoded (a JSON line's `html`).
    public func read(html: String, id: String, path: String, url: String? = nil) throws(Diagnostic) -> Page {
        try read(PageBytes(text: html), id: id, path: path, url: url)
    }

    /// Reads a page from text already decoded, as UTF-8 bytes (a JSON line's `html` as the JSON
    /// reader gives it: unescaped, invalid sequences already replaced), without making a `String`.
    public func read(utf8: [UInt8], id: String, path: String, url: String? = nil) throws(Diagnostic) -> Page {
        try read(PageBytes(utf8: utf8, encoding: "utf-8", diagnostics: []), id: id, path: path, url: url)
    }

    func read(_ bytes: PageBytes, id: String, path: String, url: String?) throws(Diagnostic) -> Page {
        let tree = try HTMLTree(utf8: bytes.utf8, path: path)
        let metadata = PageMetadata(tree)
        let result = extractor.extract(tree, metadata: metadata)
        var paragraphs: [Paragraph] = []
        if let headline = result.headline, !headline.isEmpty { paragraphs.append(Paragraph(TextNormalizer.nfc(headline), role: .headline)) }
        paragraphs += result.blocks.map { Paragraph(TextNormalizer.nfc($0.text), role: $0.role) }
        guard paragraphs.contains(where: { $0.role != .headline && !$0.role.isFurniture }) else {
            throw Diagnostic.error(.htmlNoArticle, at: SourceLocation(file: path), "no article text found on the page", action: .skipped)
        }
        var info: [String: String] = [:]
        info["title"] = metadata.title
        info["published"] = metadata.published
        info["modified"] = metadata.modified
        info["author"] = metadata.author
        info["site"] = metadata.site
        info["url"] = metadata.canonicalURL ?? url.flatMap { $0.isEmpty ? nil : $0 }
        info["description"] = metadata.description
        info["language"] = metadata.language
        info["encoding"] = bytes.encoding
        let article = Article(id: id, paragraphs: paragraphs, sourcePath: path, metadata: info)
        return Page(article: article, metadata: metadata, diagnostics: bytes.diagnostics, fromStructuredData: result.fromStructuredData)
    }
}
