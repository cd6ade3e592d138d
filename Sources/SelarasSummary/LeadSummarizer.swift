import SelarasCore

/// How long a summary should be.
public enum SummaryLength: Sendable, Hashable {
    case sentences(Int)
    /// A fraction of the rankable sentences (rounded, at least one).
    case ratio(Double)
    /// Up to a number of words.
    case words(Int)

    /// How many of `count` sentences to pick (word limits are applied by the summariser).
    public func sentenceCount(of count: Int) -> Int {
        switch self {
        case let .sentences(n): return min(max(n, 0), count)
        case let .ratio(r): return min(count, max(1, Int((Double(count) * r).rounded())))
        case .words: return count
        }
    }
}

/// A sentence offered to a summariser: its text and whether it may be picked (furniture may not).
public struct SummaryCandidate: Sendable, Hashable {
    public var text: String
    public var rankable: Bool
    public init(text: String, rankable: Bool = true) {
        self.text = text
        self.rankable = rankable
    }
}

/// Picks sentences for an extractive summary.
public protocol Summarizer: Sendable {
    /// The method name reported with the summary.
    var name: String { get }
    /// The chosen sentences, as indices into `sentences` with scores, in document order.
    func summarize(_ sentences: [SummaryCandidate], length: SummaryLength) -> [Summary.Sentence]
}

/// The lead baseline: the first N rankable sentences.
public struct LeadSummarizer: Summarizer {
    public init() {}
    public var name: String { "lead" }

    public func summarize(_ sentences: [SummaryCandidate], length: SummaryLength) -> [Summary.Sentence] {
        let rankable = sentences.indices.filter { sentences[$0].rankable }
        var chosen: [Summary.Sentence] = []
        var words = 0
        for (rank, i) in rankable.enumerated() {
            if case let .words(limit) = length {
                let w = sentences[i].text.split(separator: " ").count
                if words + w > limit, !chosen.isEmpty { break }
                words += w
            } else if chosen.count >= length.sentenceCount(of: rankable.count) {
                break
            }
            chosen.append(Summary.Sentence(segment: i, score: 1.0 / Double(rank + 1)))
        }
        return chosen
    }
}
