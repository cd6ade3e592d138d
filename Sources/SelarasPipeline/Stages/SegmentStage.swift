import Foundation
import SelarasCore
import SelarasSegmentation

/// Cuts every paragraph into sentences. The headline and subheadings stay whole; list items and body
/// paragraphs go through the segmenter; news furniture is marked so summaries skip it.
public struct SegmentStage: Stage {
    public static let name = "segment"
    public static let doc = "Split paragraphs into sentences (built-in Indonesian rules)."
    public static let requires: Set<Layer> = [.article]
    public static let provides: Set<Layer> = [.segments]
    public static let options: [OptionSpec] = [
        OptionSpec("furniture", .bool, default: .bool(true),
                   "Mark news furniture (datelines alone, 'Baca juga:', captions, bylines) so summaries skip it."),
    ]

    let segmenter: any SentenceSegmenter
    let markFurniture: Bool

    public init(options: StageOptions, context: RunContext) throws {
        segmenter = IndonesianSegmenter()
        markFurniture = options.bool("furniture") ?? true
    }

    public func process(_ document: inout Document, run: ArticleRun) throws {
        var segments: [Segment] = []
        for (p, paragraph) in document.article.paragraphs.enumerated() {
            let text = paragraph.text
            switch paragraph.role {
            case .headline, .heading:
                let ranges = segmenter.segment(text.replacingOccurrences(of: "\n", with: " "))
                guard let first = ranges.first, let last = ranges.last else { continue }
                let range = first.lowerBound..<last.upperBound
                segments.append(Segment(id: "s\(segments.count + 1)", text: text.codePointSlice(range), paragraph: p,
                                        range: range, role: paragraph.role == .headline ? .headline : .heading))
            case .body, .listItem:
                for range in segmenter.segment(text) {
                    let sentence = text.codePointSlice(range)
                    let role: Segment.Role = markFurniture && NewsFurniture.isFurniture(sentence) ? .furniture : .body
                    segments.append(Segment(id: "s\(segments.count + 1)", text: sentence, paragraph: p, range: range, role: role))
                }
            }
        }
        document.segments = segments
    }
}
