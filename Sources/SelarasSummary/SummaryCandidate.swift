import SelarasCore
/// A sentence offered to a summariser, with what the caller knows about it.
///
/// Only `text` and `rankable` are required; the other fields default to "unknown" and improve the
/// ranking when the caller has them:
/// - `paragraph`: index of the paragraph the sentence came from (`Segment.paragraph`), for the
///   paragraph features of the learned ranker; when nil, those features are 0.
/// - `isHeadline`: the article's headline (pass it with `rankable: false`). Its terms bias the graph
///   ranker towards sentences that share them; it is never picked.
/// - `glossaryTerms`: how many glossary terms the glossary stage found in the sentence
///   (`TermHit`s in the segment). Boosts the sentence when `SummaryOptions.glossaryBoost` > 0.
public struct SummaryCandidate: Sendable, Hashable {
    public var text: String
    /// Whether it may be picked. Headlines, subheadings and news furniture are not rankable.
    public var rankable: Bool
    public var paragraph: Int?
    public var isHeadline: Bool
    public var glossaryTerms: Int

    public init(text: String, rankable: Bool = true, paragraph: Int? = nil, isHeadline: Bool = false, glossaryTerms: Int = 0) {
        self.text = text
        self.rankable = rankable
        self.paragraph = paragraph
        self.isHeadline = isHeadline
        self.glossaryTerms = glossaryTerms
    }
}

extension SummaryCandidate {
    /// The candidates of an article's segments, in order: body sentences are rankable; headlines,
    /// subheadings and news furniture are not. `terms` (per segment) counts glossary terms.
    public static func candidates(_ segments: [Segment], terms: [[TermHit]]? = nil) -> [SummaryCandidate] {
        segments.enumerated().map { i, s in
            SummaryCandidate(text: s.text, rankable: s.role == .body, paragraph: s.paragraph, isHeadline: s.role == .headline,
                             glossaryTerms: terms.map { i < $0.count ? $0[i].count : 0 } ?? 0)
        }
    }
}
