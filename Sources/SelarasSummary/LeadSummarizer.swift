import SelarasCore

/// The lead baseline: the first rankable sentences, as many as `length` allows (for `.words`, the
/// leading sentences that fit the budget, the first always). Score: 1 / (rank + 1).
public struct LeadSummarizer: Summarizer {
    public init() {}
    public var name: String { "lead" }

    public func summarize(_ sentences: [SummaryCandidate], length: SummaryLength) -> [Summary.Sentence] {
        let rankable = sentences.indices.filter { sentences[$0].rankable && !sentences[$0].isHeadline }
        var chosen: [Summary.Sentence] = []
        if let budget = length.wordBudget {
            guard budget > 0 else { return [] }
            var used = 0
            for (rank, i) in rankable.enumerated() {
                let w = ArticleAnalysis.wordCount(rank == 0 ? NewsDateline.stripped(sentences[i].text) : sentences[i].text)
                if used + w > budget, !chosen.isEmpty { break }
                used += w
                chosen.append(Summary.Sentence(segment: i, score: 1.0 / Double(rank + 1)))
                if used >= budget { break }
            }
            return chosen
        }
        for (rank, i) in rankable.prefix(length.sentenceCount(of: rankable.count)).enumerated() {
            chosen.append(Summary.Sentence(segment: i, score: 1.0 / Double(rank + 1)))
        }
        return chosen
    }
}
