import Foundation
import SelarasCore

/// The unsupervised graph ranker: continuous LexRank (Erkan and Radev, 2004) over idf-modified cosine
/// of stopword-filtered terms (stemmed when `SummaryOptions.stemming`), made position-aware by biasing the random walk's jumps towards
/// the start of the article (topic-sensitive or biased LexRank: Jahna Otterbacher, Güneş Erkan and
/// Dragomir R. Radev, 2005, "Using Random Walks for Question-focused Sentence Retrieval"; the position
/// prior of PacSum, Hao Zheng and Mirella Lapata, 2019, "Sentence Centrality Revisited for Unsupervised
/// Summarization", motivates it for news), with MMR redundancy control, and optional boosts for
/// headline terms, glossary terms and named entities.
public struct LexRankSummarizer: Summarizer {
    public var options: SummaryOptions
    public var analyzer: TermAnalyzer

    /// `analyzer` defaults to the one `options.stemming` asks for.
    public init(options: SummaryOptions = .default, analyzer: TermAnalyzer? = nil) {
        self.options = options
        self.analyzer = analyzer ?? .forStemming(options.stemming)
    }

    public var name: String { "lexrank" }

    public func summarize(_ sentences: [SummaryCandidate], length: SummaryLength) -> [Summary.Sentence] {
        let a = ArticleAnalysis(sentences, analyzer: analyzer)
        let scores = self.scores(a)
        let picked = SentenceSelector(redundancy: options.redundancy)
            .select(scores: scores, similarity: a.similarity, words: a.words, length: length)
        return picked.map { Summary.Sentence(segment: a.rankable[$0], score: scores[$0]) }
    }

    /// Scores of the rankable sentences, in document order.
    func scores(_ a: ArticleAnalysis) -> [Double] {
        let n = a.count
        guard n > 0 else { return [] }
        let prior = (0..<n).map { 1 / pow(Double($0 + 1), options.positionExponent) }
        var teleport = prior
        if a.hasHeadline, options.headlineBoost > 0 {
            for i in 0..<n { teleport[i] *= 1 + options.headlineBoost * a.headlineSimilarity[i] }
        }
        let rank = a.pageRank(damping: options.damping, teleport: teleport)
        return (0..<n).map { i in
            var s = rank[i] * Double(n) * pow(prior[i], options.positionWeight)
            s *= Boosts.factor(a, i, options)
            return s
        }
    }
}

/// The optional multiplicative boosts shared by the rankers.
enum Boosts {
    static func factor(_ a: ArticleAnalysis, _ i: Int, _ options: SummaryOptions) -> Double {
        var f = 1.0
        if options.glossaryBoost > 0, a.glossaryTerms[i] > 0 {
            f *= 1 + options.glossaryBoost * log(1 + Double(a.glossaryTerms[i]))
        }
        if options.entityBoost > 0 {
            f *= 1 + options.entityBoost * SurfaceCues.capitalisedShare(a.scans[i])
        }
        return f
    }
}
