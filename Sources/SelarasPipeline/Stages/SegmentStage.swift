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
        OptionSpec("rules", .path(mustExist: true), default: nil,
                   "An SRX 2.0 file to use instead of the built-in Indonesian rules (its language maps decide for 'id')."),
        OptionSpec("furniture", .bool, default: .bool(true),
                   "Mark news furniture (datelines alone, 'Baca juga:', captions, bylines) so summaries skip it."),
    ]

    let segmenter: any SentenceSegmenter
    let markFurniture: Bool
    let rules: URL?

    public init(options: StageOptions, context: RunContext) throws {
        rules = options.url("rules")
        if let rules {
            segmenter = try SRXSegmenter(contentsOf: rules, language: context.config.sourceLanguage)
        } else {
            if let problem = IndonesianSegmenter.loadProblem { throw StageError(stage: Self.name, problem) }
            segmenter = IndonesianSegmenter()
        }
        markFurniture = options.bool("furniture") ?? true
    }

    public var fingerprintInputs: [URL] { rules.map { [$0] } ?? [] }

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
                let ranges = segmenter.segment(text)
                for (range, sentence) in zip(ranges, text.codePointSlices(ranges)) {
                    let role: Segment.Role = markFurniture && NewsFurniture.isFurniture(sentence) ? .furniture : .body
                    segments.append(Segment(id: "s\(segments.count + 1)", text: sentence, paragraph: p, range: range, role: role))
                }
            }
        }
        document.segments = segments
    }
}
