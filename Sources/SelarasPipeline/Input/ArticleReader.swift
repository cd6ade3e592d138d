import Foundation
import SelarasCore
import SelarasHTML
import SelarasJSONLines
import SelarasText

/// Reads an article from its source.
///
/// - Plain text (`.txt` and anything not recognised below): the first line is the headline when it
///   is followed by a blank line, or when it is short and does not end like a sentence; paragraphs
///   are separated by blank lines. Text with no blank lines at all (one paragraph per line, as some
///   scrapers write it) takes each line as a paragraph. Nothing is dropped: a first line that reads
///   like a sentence stays in the body.
/// - Markdown (`.md`, `.markdown`): see `MarkdownArticle`.
/// - JSON lines (`.jsonl`, `.ndjson`): `{"id", "title"?, "text"}` per line; other string fields go to
///   the metadata.
/// - Saved web pages (`.html`, `.htm`, and either gzip-compressed as `.html.gz`/`.htm.gz`): read by
///   `pages` (the built-in extractor of `SelarasHTML`, or a configured command); the encoding comes
///   from the page (see `PageBytes`), the paragraphs carry roles, the page's metadata goes to the
///   article's metadata.
/// Bytes are checked before anything else: no text → `.empty`; NUL bytes → `.binary`; bytes that are
/// not UTF-8 → `.invalidEncoding` with the offset. UTF-8 and UTF-16 byte-order marks are honoured.
/// Text is normalised to NFC and CRLF line ends to LF.
public struct ArticleReader: Sendable {
    /// How saved web pages are read.
    public var pages: PageReading

    /// The largest article read, in bytes (the config's `max_article_bytes`).
    public var maxBytes: Int

    public init(pages: PageReading = PageReading(), maxBytes: Int = PipelineConfig.defaultMaxArticleBytes) {
        self.pages = pages
        self.maxBytes = maxBytes
    }

    /// Whether a file name is a saved web page's.
    public static func isPage(_ url: URL) -> Bool {
        var name = url.lastPathComponent.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        return name.hasSuffix(".html") || name.hasSuffix(".htm") || name.hasSuffix(".xhtml")
    }

    /// Reads the source's bytes (the file, or the JSON line the source carries).
    public func bytes(of source: ArticleSource) throws -> Data {
        switch source.kind {
        case .file:
            // Checked before reading: a FIFO would block the read, a huge file would fill memory.
            var st = stat()
            if stat(source.url.path, &st) == 0 {
                switch st.st_mode & S_IFMT {
                case S_IFREG: break
                case S_IFIFO: throw ArticleError.notAFile(path: source.label, kind: "a FIFO")
                case S_IFSOCK: throw ArticleError.notAFile(path: source.label, kind: "a socket")
                case S_IFCHR, S_IFBLK: throw ArticleError.notAFile(path: source.label, kind: "a device")
                case S_IFDIR: throw ArticleError.notAFile(path: source.label, kind: "a folder")
                default: throw ArticleError.notAFile(path: source.label, kind: "not a file")
                }
                if Int(st.st_size) > maxBytes { throw ArticleError.tooLarge(path: source.label, bytes: Int(st.st_size), limit: maxBytes) }
            }
            do {
                return try Data(contentsOf: source.url)
            } catch {
                let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
                throw ArticleError.unreadable(path: source.label, reason: reason)
            }
        case let .jsonLine(_, data):
            if data.count > maxBytes { throw ArticleError.tooLarge(path: source.label, bytes: data.count, limit: maxBytes) }
            return data
        }
    }

    /// The identifier an article will have, known before it is parsed: the file name without its
    /// extension, or the JSONL record's `id` (else `FILE-LINE`).
    public func proposedID(for source: ArticleSource) -> String {
        switch source.kind {
        case .file:
            var url = source.url
            if url.pathExtension.lowercased() == "gz" { url = url.deletingPathExtension() }
            return Self.identifier(url.deletingPathExtension().lastPathComponent)
        case let .jsonLine(line, data):
            if let record = try? Self.record(data), let id = record.id, !id.value.isEmpty { return Self.identifier(id.value) }
            return Self.identifier("\(source.url.deletingPathExtension().lastPathComponent)-\(line)")
        }
    }

    /// Parses an article from its bytes, giving it `id`.
    public func read(_ source: ArticleSource, data: Data, id: String) throws -> Article {
        var article: Article
        switch source.kind {
        case .file where Self.isPage(source.url):
            do {
                article = try pages.read(data: data, id: id, path: source.label).article
            } catch {
                throw ArticleError.page(error)
            }
        case .file:
            let text = try Self.decode(data, path: source.label)
            switch source.url.pathExtension.lowercased() {
            case "md", "markdown":
                article = try MarkdownArticle.parse(text, id: id, path: source.label)
            case "jsonl", "ndjson":
                throw ArticleError.empty(path: source.label)
            default:
                article = try Self.plainText(text, id: id, path: source.label)
            }
        case let .jsonLine(line, data):
            article = try jsonLine(data, line: line, source: source)
        }
        article.id = id
        return article
    }

    /// Reads and parses in one step (the id proposed for the source).
    public func read(_ source: ArticleSource) throws -> Article {
        try read(source, data: bytes(of: source), id: proposedID(for: source))
    }

    /// Decodes bytes as UTF-8 (or UTF-16 with a BOM), rejecting binary and invalid input.
    public static func decode(_ data: Data, path: String) throws -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let s = String(data: data, encoding: .utf16) else {
                throw ArticleError.invalidEncoding(path: path, byteOffset: 0)
            }
            return try checked(s, path: path)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { throw ArticleError.empty(path: path) }
        if bytes.prefix(8192).contains(0) { throw ArticleError.binary(path: path) }
        if let offset = bytes.withUnsafeBufferPointer({ UTF8Repair.firstInvalid($0) }) {
            throw ArticleError.invalidEncoding(path: path, byteOffset: offset)
        }
        return try checked(String(decoding: bytes, as: UTF8.self), path: path)
    }

    static func checked(_ s: String, path: String) throws -> String {
        var text = s
        let hasCR = text.withUTF8 { buf in buf.count > 0 && memchr(buf.baseAddress!, 0x0D, buf.count) != nil }
        if hasCR {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        text = TextNormalizer.nfc(text)
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { throw ArticleError.empty(path: path) }
        return text
    }

    /// The lines of `text` (split at LF), each trimmed of spaces, tabs and no-break spaces, on the
    /// UTF-8 bytes.
    static func trimmedLines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes -> [String] in
            var out: [String] = []
            var start = 0
            func add(_ a: Int, _ b: Int) {
                var a = a, b = b
                while a < b {
                    if bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 } else if bytes[a] == 0xC2, a + 1 < b, bytes[a + 1] == 0xA0 { a += 2 } else { break }
                }
                while b > a {
                    if bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 } else if bytes[b - 1] == 0xA0, b - 2 >= a, bytes[b - 2] == 0xC2 { b -= 2 } else { break }
                }
                out.append(a == b ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self))
            }
            for i in 0..<bytes.count where bytes[i] == 0x0A {
                add(start, i)
                start = i + 1
            }
            add(start, bytes.count)
            return out
        }
    }

    /// A file-name-safe identifier: letters, digits, `.`, `_` and `-`; anything else becomes `-`.
    public static func identifier(_ raw: String) -> String {
        var out = ""
        for ch in raw.unicodeScalars {
            if ch.isASCII, ch.properties.isAlphabetic || ("0"..."9").contains(ch) || ch == "." || ch == "_" || ch == "-" {
                out.unicodeScalars.append(ch)
            } else if !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasPrefix(".") || out.hasPrefix("-") { out.removeFirst() }
        return out.isEmpty ? "article" : String(out.prefix(120))
    }

    /// Parses plain text into headline and paragraphs.
    public static func plainText(_ text: String, id: String, path: String, detectTitle: Bool = true) throws -> Article {
        var lines = trimmedLines(text)
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard !lines.isEmpty else { throw ArticleError.empty(path: path) }
        var paragraphs: [Paragraph] = []
        if detectTitle, looksLikeHeadline(lines) {
            paragraphs.append(Paragraph(lines.removeFirst(), role: .headline))
            while let first = lines.first, first.isEmpty { lines.removeFirst() }
        }
        paragraphs += bodyParagraphs(lines)
        guard paragraphs.contains(where: { $0.role != .headline }) || !paragraphs.isEmpty else {
            throw ArticleError.empty(path: path)
        }
        return Article(id: id, paragraphs: paragraphs, sourcePath: path)
    }

    /// The first line is a headline when a blank line follows it, or when it is the only line before
    /// text and reads like a headline (short, no sentence-final punctuation).
    static func looksLikeHeadline(_ lines: [String]) -> Bool {
        guard lines.count > 1, let first = lines.first else { return false }
        if first.count > 250 { return false }
        if lines[1].isEmpty { return true }
        let last = first.last!
        return first.count <= 160 && !".!?…\"”’:;,".contains(last)
    }

    /// Blank-line-separated blocks; when the text has no blank line at all, one paragraph per line.
    static func bodyParagraphs(_ lines: [String]) -> [Paragraph] {
        let hasBlank = lines.contains { $0.isEmpty }
        var out: [Paragraph] = []
        if !hasBlank {
            return lines.filter { !$0.isEmpty }.map { Paragraph($0) }
        }
        var block: [String] = []
        for line in lines + [""] {
            if line.isEmpty {
                if !block.isEmpty { out.append(Paragraph(block.joined(separator: "\n"))) }
                block = []
            } else {
                block.append(line)
            }
        }
        return out
    }

    /// The fields of an article record: `{"id"?, "title"?, "text", ...}`; other string and number
    /// fields become metadata.
    static let recordSchema = JSONRecordSchema(strings: ["text", "title"], required: ["text"], requiresID: false, keepOtherStrings: true)

    struct Record {
        var id: JSONID?
        var text: String
        var title: String?
        var others: [(key: String, value: String)]
    }

    /// Parses one JSON line of an article file (the one JSON-lines parser of Selaras).
    static func record(_ data: Data) throws(JSONRecordParser.Failure) -> Record {
        var parser = JSONRecordParser(schema: recordSchema)
        let bytes = [UInt8](data)
        return try bytes.withUnsafeBufferPointer { (line) throws(JSONRecordParser.Failure) -> Record in
            var line = line
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = UnsafeBufferPointer(rebasing: line[3...]) }
            if line.last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
            try parser.parse(line)
            return Record(id: parser.id, text: parser.string(0, in: line) ?? "", title: parser.string(1, in: line),
                          others: parser.otherFields)
        }
    }

    func jsonLine(_ data: Data, line: Int, source: ArticleSource) throws -> Article {
        let path = source.label
        let record: Record
        do {
            record = try Self.record(data)
        } catch {
            throw ArticleError.badRecord(path: path, reason: "not a {\"id\", \"title\"?, \"text\"} record: column \(error.column + 1): \(error.message)")
        }
        let rawID = record.id.map(\.value).flatMap { $0.isEmpty ? nil : $0 } ?? "\(source.url.deletingPathExtension().lastPathComponent)-\(line)"
        let body = try Self.checked(record.text, path: path)
        var article = try Self.plainText(body, id: Self.identifier(rawID), path: path, detectTitle: false)
        if let title = record.title, !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            article.paragraphs.insert(Paragraph(TextNormalizer.nfc(title.trimmingCharacters(in: .whitespacesAndNewlines)), role: .headline), at: 0)
        }
        article.metadata["id"] = rawID
        for (k, v) in record.others { article.metadata[k] = v }
        return article
    }

    /// An article from text already in memory (normalised here: CRLF to LF, NFC); `detectTitle` as
    /// for plain-text files. Throws `ArticleError.empty` for text with nothing in it.
    public static func article(text: String, id: String, path: String, detectTitle: Bool) throws -> Article {
        try plainText(checked(text, path: path), id: id, path: path, detectTitle: detectTitle)
    }
}
