import Foundation
import SelarasCore
import SelarasSegmentation

extension QuoteMode: SettingChoice {}

/// Cuts every paragraph into sentences (`ArticleSegmenter`): the headline and subheadings stay whole;
/// list items and body paragraphs go through the segmenter; news furniture is marked so summaries
/// skip it.
public struct SegmentStage: Stage {
    public struct Options: Settings {
        @Setting("An SRX 2.0 file to use instead of the built-in Indonesian rules (its language maps decide for 'id').",
                 mustExist: true)
        public var rules: URL? = nil
        @Setting("Mark news furniture (datelines alone, 'Baca juga:', captions, bylines) so summaries skip it.")
        public var furniture: Bool = true
        @Setting("How a quotation of several sentences is segmented: keep (one segment with its attribution, the default, chosen by measurement) or split (one segment per sentence inside it).")
        public var quotes: QuoteMode = .default
        public init() {}
    }

    public static let name = "segment"
    public static let doc = "Split paragraphs into sentences (built-in Indonesian rules)."
    public static let requires: [any LayerKey.Type] = []
    public static let provides: [any LayerKey.Type] = [SegmentsLayer.self]

    let segmenter: ArticleSegmenter

    public init(options: Options, context: RunContext) throws {
        let rules: any SentenceSegmenter
        if let url = options.rules {
            rules = try SRXSegmenter(contentsOf: url, language: context.config.sourceLanguage).with(quotes: options.quotes)
        } else {
            if let problem = IndonesianSegmenter.loadProblem { throw StageError(stage: Self.name, problem) }
            rules = IndonesianSegmenter(quotes: options.quotes)
        }
        segmenter = ArticleSegmenter(segmenter: rules, markFurniture: options.furniture)
    }

    public func process(_ document: inout Document, run: ArticleRun) throws {
        document.segments = segmenter.segments(of: document.article)
    }
}
