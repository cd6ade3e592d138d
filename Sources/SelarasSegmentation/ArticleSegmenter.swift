import Foundation
import SelarasCore

/// Cuts an article's paragraphs into segments, the way every Selaras command does (the `segment`
/// stage, `selaras summarize`): the headline and subheadings stay whole (a line break in them becomes
/// a space); body paragraphs and list items go through the sentence segmenter; news furniture
/// (datelines alone, "Baca juga:", captions, bylines) is marked `.furniture` when `markFurniture`;
/// caption and credit paragraphs (from saved pages) are always furniture.
/// Segment ids are `s1`, `s2`, ... in document order; ranges count code points in the paragraph.
public struct ArticleSegmenter: Sendable {
    public let segmenter: any SentenceSegmenter
    public var markFurniture: Bool

    public init(segmenter: any SentenceSegmenter = IndonesianSegmenter(), markFurniture: Bool = true) {
        self.segmenter = segmenter
        self.markFurniture = markFurniture
    }

    public func segments(of article: Article) -> [Segment] {
        var segments: [Segment] = []
        for (p, paragraph) in article.paragraphs.enumerated() {
            let text = paragraph.text
            switch paragraph.role {
            case .headline, .heading:
                var text = text
                let hasBreak = text.withUTF8 { buf in buf.count > 0 && memchr(buf.baseAddress!, 0x0A, buf.count) != nil }
                let ranges = segmenter.segment(hasBreak ? text.replacingOccurrences(of: "\n", with: " ") : text)
                guard let first = ranges.first, let last = ranges.last else { continue }
                let range = first.lowerBound..<last.upperBound
                segments.append(Segment(id: "s" + String(segments.count + 1), text: text.codePointSlice(range), paragraph: p,
                                        range: range, role: paragraph.role == .headline ? .headline : .heading))
            case .body, .listItem, .quote, .caption, .credit:
                // Captions and credits are furniture whatever they say; quotes are story text.
                for (range, sentence) in sentences(text) {
                    let role: Segment.Role = paragraph.role.isFurniture || markFurniture && NewsFurniture.isFurniture(sentence) ? .furniture : .body
                    segments.append(Segment(id: "s" + String(segments.count + 1), text: sentence, paragraph: p, range: range, role: role))
                }
            }
        }
        return segments
    }

    /// The sentences of a paragraph with their code-point ranges (cut on the UTF-8 when the segmenter can).
    func sentences(_ text: String) -> [(Range<Int>, String)] {
        var text = text
        if let found = text.withUTF8({ buf -> [(Range<Int>, String)]? in
            guard let bytes = segmenter.utf8Sentences(buf) else { return nil }
            let points = SRXSegmenter.codePointRanges(bytes, in: buf)
            return zip(points, bytes).map { ($0, String(decoding: UnsafeBufferPointer(rebasing: buf[$1]), as: UTF8.self)) }
        }) {
            return found
        }
        let ranges = segmenter.segment(text)
        return Array(zip(ranges, text.codePointSlices(ranges)))
    }
}
