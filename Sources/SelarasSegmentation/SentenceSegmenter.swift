/// Splits a paragraph into sentences.
///
/// Returned ranges count code points from the start of `text`, are in order, do not overlap, and
/// exclude the whitespace between sentences. Text that is only whitespace yields no range.
public protocol SentenceSegmenter: Sendable {
    func segment(_ text: String) -> [Range<Int>]
    /// Sentence ranges as byte offsets into valid UTF-8, or nil when the segmenter does not work on
    /// bytes (a default implementation says nil).
    func utf8Sentences(_ utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>]?
}

extension SentenceSegmenter {
    /// Sentence ranges as byte offsets into valid UTF-8, for segmenters that work on bytes (nil for
    /// the others, whose callers use `segment(_:)`).
    public func utf8Sentences(_ utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? { nil }
}
