/// How long a summary should be.
public enum SummaryLength: Sendable, Hashable {
    /// Exactly this many sentences (fewer when the article has fewer rankable sentences).
    case sentences(Int)
    /// A fraction of the rankable sentences, rounded, at least one.
    case ratio(Double)
    /// Up to this many words (whitespace-separated words with a letter or digit). The best sentence
    /// is always taken, even when it alone is longer, so that a summary is never empty; after it,
    /// sentences that would overrun the budget are skipped in favour of shorter ones further down.
    case words(Int)

    /// The summary length when nothing else is asked for: three sentences (LEAD-3's length).
    public static let defaultSentences = 3
    public static let `default` = SummaryLength.sentences(defaultSentences)

    /// How many of `count` rankable sentences to pick (`.words` gives `count`: its limit is on words).
    public func sentenceCount(of count: Int) -> Int {
        switch self {
        case let .sentences(n): return min(max(n, 0), count)
        case let .ratio(r):
            guard count > 0, r > 0 else { return 0 }
            return min(count, max(1, Int((Double(count) * r).rounded())))
        case .words: return count
        }
    }

    /// The word budget, for `.words`.
    var wordBudget: Int? {
        if case let .words(w) = self { return max(w, 0) }
        return nil
    }
}
