/// The extractive summary of an article: chosen segments in document order.
public struct Summary: Sendable, Codable, Hashable {
    public struct Sentence: Sendable, Codable, Hashable {
        /// Index into `Document.segments`.
        public var segment: Int
        public var score: Double
        public init(segment: Int, score: Double) {
            self.segment = segment
            self.score = score
        }
    }
    /// The method that chose the sentences (`lead`, `lexrank`, ...).
    public var method: String
    /// In document order.
    public var sentences: [Sentence]

    public init(method: String, sentences: [Sentence]) {
        self.method = method
        self.sentences = sentences
    }
}
