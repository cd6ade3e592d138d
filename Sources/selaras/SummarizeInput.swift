import Foundation
import SelarasCore
import SelarasPipeline
import SelarasSegmentation
import SelarasSummary

/// An article cut into sentences the way the pipeline's `segment` stage cuts it, ready for a
/// summariser: paragraphs from blank lines (`ArticleReader.plainText`), the headline and subheadings
/// whole, body paragraphs through the Indonesian segmenter, news furniture marked and not rankable.
struct SummarizeInput {
    /// Every sentence of the article in document order (headline and furniture included); the
    /// summary's `indices` point into this list.
    var segments: [Segment]
    var candidates: [SummaryCandidate]

    /// Builds the input from an article's text. `detectTitle`: the first line is the headline when a
    /// blank line follows it (files); JSON-lines text has no headline line.
    static func make(text: String, detectTitle: Bool, segmenter: any SentenceSegmenter, path: String) throws -> SummarizeInput {
        var normalized = text
        if text.utf8.contains(0x0D) {
            normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if mayNeedNFC(normalized) { normalized = normalized.precomposedStringWithCanonicalMapping }
        let article: Article
        if detectTitle {
            article = try ArticleReader.plainText(normalized, id: "article", path: path, detectTitle: true)
        } else {
            // The same paragraphs as ArticleReader.plainText(detectTitle: false), several times faster.
            let paragraphs = bodyParagraphs(normalized)
            if paragraphs.isEmpty { throw ArticleError.empty(path: path) }
            article = Article(id: "article", paragraphs: paragraphs.map { Paragraph($0) }, sourcePath: path)
        }
        return make(article: article, segmenter: segmenter)
    }

    /// The body paragraphs of headline-less text, as `ArticleReader.plainText` finds them: lines
    /// trimmed of spaces, tabs and no-break spaces; blank lines separate paragraphs (a paragraph's lines
    /// are joined by a line break); text without any blank line has one paragraph per line.
    static func bodyParagraphs(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var lines: [Range<Int>] = []
        var start = 0
        func trimmed(_ a: Int, _ b: Int) -> Range<Int> {
            var a = a, b = b
            while a < b {
                if bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
                else if bytes[a] == 0xC2, a + 1 < b, bytes[a + 1] == 0xA0 { a += 2 }
                else { break }
            }
            while b > a {
                if bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
                else if bytes[b - 1] == 0xA0, b - 2 >= a, bytes[b - 2] == 0xC2 { b -= 2 }
                else { break }
            }
            return a..<b
        }
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(trimmed(start, i))
            start = i + 1
        }
        lines.append(trimmed(start, bytes.count))
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        func string(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }
        guard lines.contains(where: \.isEmpty) else { return lines.map(string) }
        var paragraphs: [String] = []
        var block: [String] = []
        for line in lines + [0..<0] {
            if line.isEmpty {
                if !block.isEmpty { paragraphs.append(block.joined(separator: "\n")) }
                block = []
            } else {
                block.append(string(line))
            }
        }
        return paragraphs
    }

    /// False when `text` is certainly in NFC already: every scalar is below U+0300 (Latin, whose
    /// characters are all NFC-stable) or in U+2002–U+206F and U+20A0–U+20CF (punctuation such as
    /// curly quotes and dashes, and currency signs, which have no canonical decomposition).
    static func mayNeedNFC(_ text: String) -> Bool {
        for s in text.unicodeScalars where s.value >= 0x300 {
            if (0x2002...0x206F).contains(s.value) || (0x20A0...0x20CF).contains(s.value) { continue }
            return true
        }
        return false
    }

    static func make(article: Article, segmenter: any SentenceSegmenter) -> SummarizeInput {
        var segments: [Segment] = []
        for (p, paragraph) in article.paragraphs.enumerated() {
            let text = paragraph.text
            switch paragraph.role {
            case .headline, .heading:
                let ranges = segmenter.segment(text.replacingOccurrences(of: "\n", with: " "))
                guard let first = ranges.first, let last = ranges.last else { continue }
                let range = first.lowerBound..<last.upperBound
                segments.append(Segment(id: "s\(segments.count + 1)", text: text.codePointSlice(range), paragraph: p,
                                        range: range, role: paragraph.role == .headline ? .headline : .heading))
            case .body, .listItem:
                let ranges = segmenter.segment(text)
                for (range, sentence) in zip(ranges, text.codePointSlices(ranges)) {
                    let role: Segment.Role = NewsFurniture.isFurniture(sentence) ? .furniture : .body
                    segments.append(Segment(id: "s\(segments.count + 1)", text: sentence, paragraph: p, range: range, role: role))
                }
            }
        }
        let candidates = segments.map {
            SummaryCandidate(text: $0.text, rankable: $0.role == .body, paragraph: $0.paragraph, isHeadline: $0.role == .headline)
        }
        return SummarizeInput(segments: segments, candidates: candidates)
    }

    /// The text shown for a chosen sentence: the sentence, without the dateline when it is the
    /// article's first body sentence.
    func displayText(_ index: Int) -> String {
        let text = segments[index].text
        let firstBody = segments.firstIndex { $0.role == .body }
        return index == firstBody ? NewsDateline.stripped(text) : text
    }
}
