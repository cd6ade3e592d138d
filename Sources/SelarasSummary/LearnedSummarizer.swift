import SelarasCore

/// The supervised ranker: a small logistic regression (`SummaryModel`) over position, centrality,
/// length, quotation and other surface features scores each rankable sentence; MMR picks the summary.
/// The boosts for glossary terms and named entities of `SummaryOptions` apply on top.
public struct LearnedSummarizer: Summarizer {
    public var model: SummaryModel
    public var options: SummaryOptions
    public var analyzer: TermAnalyzer

    /// `analyzer` defaults to the one the model was fitted with (`SummaryModel.stemming`);
    /// `options.stemming` does not apply, since the weights only fit the features they were fitted on.
    public init(model: SummaryModel, options: SummaryOptions = .default, analyzer: TermAnalyzer? = nil) {
        self.model = model
        self.options = options
        self.analyzer = analyzer ?? .forStemming(model.stemming)
    }

    public var name: String { "learned" }

    public func summarize(_ sentences: [SummaryCandidate], length: SummaryLength) -> [Summary.Sentence] {
        let a = ArticleAnalysis(sentences, analyzer: analyzer)
        guard a.count > 0 else { return [] }
        var scores = model.probabilities(SentenceFeature.matrix(a, features: model.features))
        for i in scores.indices { scores[i] *= Boosts.factor(a, i, options) }
        let picked = SentenceSelector(redundancy: model.redundancy, lengthExponent: model.lengthExponent)
            .select(scores: scores, similarity: a.similarity, words: a.words, length: length)
        return picked.map { Summary.Sentence(segment: a.rankable[$0], score: scores[$0]) }
    }

    /// The feature rows of the rankable sentences, with their candidate indices (for fitting a model).
    public static func featureRows(_ sentences: [SummaryCandidate], features: [SentenceFeature] = SentenceFeature.allCases,
                                   analyzer: TermAnalyzer = .standard) -> (indices: [Int], rows: [[Double]]) {
        let a = ArticleAnalysis(sentences, analyzer: analyzer)
        return (a.rankable, SentenceFeature.matrix(a, features: features))
    }
}
