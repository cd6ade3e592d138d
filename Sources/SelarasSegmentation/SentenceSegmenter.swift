/// Splits a paragraph into sentences.
///
/// Returned ranges count code points from the start of `text`, are in order, do not overlap, and
/// exclude the whitespace between sentences. Text that is only whitespace yields no range.
public protocol SentenceSegmenter: Sendable {
    func segment(_ text: String) -> [Range<Int>]
}
