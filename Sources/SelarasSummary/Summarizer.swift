import SelarasCore

/// Picks sentences for an extractive summary.
///
/// Contract for every implementation: only rankable candidates are returned; each index appears at
/// most once; the result is in document order (ascending index); its size follows `length`
/// (`SummaryLength`); an article with no rankable candidate gives an empty summary. Scores are the
/// method's own (higher is better) and comparable only within one article.
public protocol Summarizer: Sendable {
    /// The method name reported with the summary.
    var name: String { get }
    /// The chosen sentences, as indices into `sentences` with scores, in document order.
    func summarize(_ sentences: [SummaryCandidate], length: SummaryLength) -> [Summary.Sentence]
}
