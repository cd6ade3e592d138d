import Foundation
import SelarasCore
import SelarasHTML

/// How saved web pages (`.html`, `.htm`, `.html.gz`) among a run's inputs are read: the built-in
/// extractor (`SelarasHTML`), or a command that prints a page's article text (trafilatura, …).
/// Read by the run itself, not by a stage; its keys live under `resources:`.
public struct PageResource: Resource {
    public enum Extractor: String, Sendable, Hashable, SettingChoice {
        /// Selaras's own extractor (Readability's scoring on libxml2's HTML parser).
        case builtin
        /// `page_extractor_command`: the page's HTML on stdin, its article text on stdout.
        case command
    }

    public struct Options: Settings {
        @Setting("How saved pages are read: builtin, or command (page_extractor_command prints the article text).")
        public var pageExtractor: Extractor = .builtin
        @Setting("With page_extractor: command, the command line (run with /bin/sh -c; the page's HTML on stdin, its URL in $SELARAS_PAGE_URL; prints the article's text, paragraphs on their own lines), e.g. \"trafilatura\".")
        public var pageExtractorCommand: String? = nil
        @Setting("Seconds the page extractor command may take per page.", range: 1...3600)
        public var pageExtractorTimeout: Double = 30
        public init() {}
    }

    public static let name = "page extractor"

    public let reading: PageReading

    public static func load(_ options: Options, context: RunContext) throws -> PageResource {
        PageResource(reading: PageReading(options))
    }
}

/// The page settings as the article reader uses them.
public struct PageReading: Sendable {
    public var extractor: PageResource.Extractor = .builtin
    public var command: String?
    public var timeout: Double = 30

    public init() {}

    public init(_ options: PageResource.Options) {
        extractor = options.pageExtractor
        command = options.pageExtractorCommand
        timeout = options.pageExtractorTimeout
    }

    /// Reads a page (file bytes) into an article with the configured extractor.
    public func read(data: Data, id: String, path: String, url: String? = nil) throws(Diagnostic) -> HTMLArticleReader.Page {
        if extractor == .command {
            let bytes = try PageBytes(data, path: path)
            return try read(utf8: bytes.utf8, id: id, path: path, url: url)
        }
        return try HTMLArticleReader().read(data: data, id: id, path: path, url: url)
    }

    /// Reads a page given as UTF-8 text (a JSON line's `html`, as the JSON reader decodes it).
    public func read(utf8: [UInt8], id: String, path: String, url: String? = nil) throws(Diagnostic) -> HTMLArticleReader.Page {
        if extractor == .command {
            var page = (try? HTMLArticleReader().read(utf8: utf8, id: id, path: path, url: url))
                ?? HTMLArticleReader.Page(article: Article(id: id, paragraphs: [], sourcePath: path), metadata: PageMetadata(),
                                          diagnostics: [], fromStructuredData: false)
            try replaceBody(&page, html: Data(utf8), path: path, url: url)
            return page
        }
        return try HTMLArticleReader().read(utf8: utf8, id: id, path: path, url: url)
    }

    /// The command's text becomes the body (one paragraph per non-empty line); the headline and
    /// metadata stay the built-in reader's.
    func replaceBody(_ page: inout HTMLArticleReader.Page, html: Data, path: String, url: String?) throws(Diagnostic) {
        guard let command, !command.isEmpty else {
            throw Diagnostic.error(.htmlExtractor, at: SourceLocation(file: path), "page_extractor is command but page_extractor_command is not set")
        }
        let outcome = ProcessRunner.run("/bin/sh", ["-c", command], input: html, timeout: timeout,
                                        environment: ["SELARAS_PAGE_URL": url ?? page.metadata.canonicalURL ?? ""])
        let lastError = String(decoding: outcome.stderr, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        if let e = outcome.launchError {
            throw Diagnostic.error(.htmlExtractor, at: SourceLocation(file: path), "the page extractor cannot start: \(e)")
        }
        if outcome.timedOut {
            throw Diagnostic.error(.htmlExtractor, at: SourceLocation(file: path), "the page extractor took more than \(Int(timeout)) s")
        }
        if outcome.outputTooLarge {
            throw Diagnostic.error(.htmlExtractor, at: SourceLocation(file: path), "the page extractor wrote more than \(ProcessRunner.maxOutput >> 20) MB; stopped")
        }
        guard outcome.status == 0 else {
            throw Diagnostic.error(.htmlExtractor, at: SourceLocation(file: path),
                                   "the page extractor exited with status \(outcome.status ?? -1)\(lastError.isEmpty ? "" : ": \(lastError)")")
        }
        let lines = String(decoding: outcome.stdout, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { HTMLTree.collapse(String($0)) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else {
            throw Diagnostic.error(.htmlNoArticle, at: SourceLocation(file: path), "the page extractor printed no text", action: .skipped)
        }
        let headline = page.article.paragraphs.first { $0.role == .headline }
        page.article.paragraphs = (headline.map { [$0] } ?? []) + lines.filter { $0 != headline?.text }.map { Paragraph($0) }
    }
}
