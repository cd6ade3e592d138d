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
    var sentences: [String] = []
    /// The role of each sentence (`Segment.Role`: body, headline, heading or furniture).
    var roles: [Segment.Role] = []
    var candidates: [SummaryCandidate] = []
    /// The index of the first body sentence, the one shown without its dateline.
    var firstBody: Int?

    /// An article with no sentences (its summary is empty).
    static let empty = SummarizeInput()

    /// Builds the input from an article's text. `detectTitle`: the first line is the headline when a
    /// blank line follows it (files); JSON-lines text has no headline line.
    static func make(text: String, detectTitle: Bool, segmenter: any SentenceSegmenter, path: String) throws -> SummarizeInput {
        var normalized = text
        let (hasCR, mayNeedNFC) = normalized.withUTF8 { needsNormalizing($0) }
        if hasCR {
            normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if mayNeedNFC { normalized = normalized.precomposedStringWithCanonicalMapping }
        if detectTitle {
            var input = SummarizeInput()
            let article = try ArticleReader.plainText(normalized, id: "article", path: path, detectTitle: true)
            for (p, paragraph) in article.paragraphs.enumerated() {
                input.add(paragraph.text, role: paragraph.role, index: p, segmenter: segmenter)
            }
            return input
        }
        return try normalized.withUTF8 { try body(utf8: $0, segmenter: segmenter, path: path) }
    }

    /// Builds the input from the UTF-8 of a headline-less article (JSON-lines text), without making
    /// a string of the whole text when it needs no normalising.
    static func make(utf8 text: UnsafeBufferPointer<UInt8>, segmenter: any SentenceSegmenter, path: String) throws -> SummarizeInput {
        let (hasCR, mayNeedNFC) = needsNormalizing(text)
        if hasCR || mayNeedNFC {
            return try make(text: String(decoding: text, as: UTF8.self), detectTitle: false, segmenter: segmenter, path: path)
        }
        return try body(utf8: text, segmenter: segmenter, path: path)
    }

    /// Body paragraphs only (the same paragraphs as ArticleReader.plainText with detectTitle:
    /// false, found on the bytes), their sentences cut on the bytes when the segmenter can.
    static func body(utf8 bytes: UnsafeBufferPointer<UInt8>, segmenter: any SentenceSegmenter, path: String) throws -> SummarizeInput {
        var input = SummarizeInput()
        let srx = byteSegmenter(segmenter)
        var found = 0
        func add(_ text: UnsafeBufferPointer<UInt8>) {
            if let srx {
                input.addBody(utf8: text, index: found, segmenter: srx)
            } else {
                input.add(String(decoding: text, as: UTF8.self), role: .body, index: found, segmenter: segmenter)
            }
            found += 1
        }
        var joined: [UInt8] = []
        for lines in bodyParagraphLines(bytes) {
            if lines.count == 1 {
                add(UnsafeBufferPointer(rebasing: bytes[lines[0]]))
            } else {
                joined.removeAll(keepingCapacity: true)
                for (k, line) in lines.enumerated() {
                    if k > 0 { joined.append(0x0A) }
                    joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[line]))
                }
                joined.withUnsafeBufferPointer { add($0) }
            }
        }
        if found == 0 { throw ArticleError.empty(path: path) }
        return input
    }

    /// The rules behind `segmenter` when they can cut UTF-8 bytes directly (`SRXSegmenter`, and
    /// `IndonesianSegmenter`, which runs the built-in SRX rules), else nil.
    static func byteSegmenter(_ segmenter: any SentenceSegmenter) -> SRXSegmenter? {
        if let srx = segmenter as? SRXSegmenter { return srx }
        if segmenter is IndonesianSegmenter { return IndonesianSegmenter.rules }
        return nil
    }

    /// Adds the sentences of one paragraph: a headline or heading whole, a body paragraph or list
    /// item cut by `segmenter`, each sentence checked for news furniture.
    mutating func add(_ text: String, role: Paragraph.Role, index p: Int, segmenter: any SentenceSegmenter) {
        switch role {
        case .headline, .heading:
            let ranges = segmenter.segment(text.replacingOccurrences(of: "\n", with: " "))
            guard let first = ranges.first, let last = ranges.last else { return }
            append(text.codePointSlice(first.lowerBound..<last.upperBound), role: role == .headline ? .headline : .heading, paragraph: p)
        case .body, .listItem:
            if let srx = Self.byteSegmenter(segmenter) {
                var text = text
                text.withUTF8 { addBody(utf8: $0, index: p, segmenter: srx) }
            } else {
                let ranges = segmenter.segment(text)
                for sentence in text.codePointSlices(ranges) { appendBody(sentence, paragraph: p) }
            }
        }
    }

    /// Adds the sentences of a body paragraph given as UTF-8.
    mutating func addBody(utf8 text: UnsafeBufferPointer<UInt8>, index p: Int, segmenter: SRXSegmenter) {
        for range in segmenter.sentenceByteRanges(inUTF8: text) {
            appendBody(String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self), paragraph: p)
        }
    }

    mutating func appendBody(_ sentence: String, paragraph p: Int) {
        append(sentence, role: NewsFurniture.isFurniture(sentence) ? .furniture : .body, paragraph: p)
    }

    mutating func append(_ sentence: String, role: Segment.Role, paragraph p: Int) {
        if role == .body, firstBody == nil { firstBody = sentences.count }
        sentences.append(sentence)
        roles.append(role)
        candidates.append(SummaryCandidate(text: sentence, rankable: role == .body, paragraph: p, isHeadline: role == .headline))
    }

    /// The body paragraphs of headline-less text (valid UTF-8), as `ArticleReader.plainText` finds
    /// them, each as the byte ranges of its lines: lines trimmed of spaces, tabs and no-break spaces;
    /// blank lines separate paragraphs (a paragraph's lines are joined by a line break); text
    /// without any blank line has one paragraph per line.
    static func bodyParagraphLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [[Range<Int>]] {
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
        if let base = bytes.baseAddress {
            while start < bytes.count, let newline = memchr(base + start, 0x0A, bytes.count - start) {
                let i = UnsafeRawPointer(newline) - UnsafeRawPointer(base)
                lines.append(trimmed(start, i))
                start = i + 1
            }
        }
        lines.append(trimmed(start, bytes.count))
        let first = lines.firstIndex { !$0.isEmpty } ?? lines.count
        let last = lines.lastIndex { !$0.isEmpty } ?? -1
        guard first <= last else { return [] }
        let kept = lines[first...last]
        guard kept.contains(where: \.isEmpty) else { return kept.map { [$0] } }
        var paragraphs: [[Range<Int>]] = []
        var block: [Range<Int>] = []
        for line in kept {
            if line.isEmpty {
                if !block.isEmpty { paragraphs.append(block) }
                block = []
            } else {
                block.append(line)
            }
        }
        if !block.isEmpty { paragraphs.append(block) }
        return paragraphs
    }

    /// One pass over the bytes of valid UTF-8: whether it has a carriage return, and whether it may
    /// not be in NFC. It certainly is in NFC when every scalar is below U+0300 (Latin, whose
    /// characters are all NFC-stable) or in U+2002–U+206F or U+20A0–U+20CF (punctuation such as
    /// curly quotes and dashes, and currency signs, which have no canonical decomposition).
    static func needsNormalizing(_ bytes: UnsafeBufferPointer<UInt8>) -> (hasCR: Bool, mayNeedNFC: Bool) {
        var cr = false, nfc = false
        var i = 0
        while i < bytes.count {
            // Eight bytes at a time while they are ASCII without a carriage return.
            if i + 8 <= bytes.count {
                let w = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let x = w ^ 0x0D0D_0D0D_0D0D_0D0D  // a zero byte where w has a CR
                if (w | ((x &- 0x0101_0101_0101_0101) & ~x)) & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let b = bytes[i]
            i += 1
            if b < 0xCC {  // ASCII, a continuation byte, or a scalar below U+0300
                if b == 0x0D { cr = true }
                continue
            }
            if b == 0xE2, i + 1 < bytes.count {
                let v = 0x2000 | UInt32(bytes[i] & 0x3F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                if (0x2002...0x206F).contains(v) || (0x20A0...0x20CF).contains(v) { i += 2; continue }
            }
            nfc = true
        }
        return (cr, nfc)
    }

    /// The text shown for a chosen sentence: the sentence, without the dateline when it is the
    /// article's first body sentence.
    func displayText(_ index: Int) -> String {
        index == firstBody ? NewsDateline.stripped(sentences[index]) : sentences[index]
    }
}
