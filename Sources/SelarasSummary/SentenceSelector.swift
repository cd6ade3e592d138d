import Foundation

/// Picks the summary from scored sentences under a length, controlling redundancy with Maximal
/// Marginal Relevance (Jaime Carbonell and Jade Goldstein, 1998, "The Use of MMR, Diversity-Based
/// Reranking for Reordering Documents and Producing Summaries").
///
/// Each step takes the sentence with the highest `relevance − redundancy × (highest similarity to a
/// sentence already taken)`, where relevance is the score divided by the best score (so `redundancy`
/// means the same for every method) times `words^lengthExponent`. Ties go to the earlier sentence.
/// The result is in document order.
struct SentenceSelector {
    var redundancy: Double
    var lengthExponent: Double

    init(redundancy: Double, lengthExponent: Double = 0) {
        self.redundancy = redundancy
        self.lengthExponent = lengthExponent
    }

    /// Positions (into `scores`) of the chosen sentences, ascending.
    func select(scores: [Double], similarity: SimilarityMatrix, words: [Int], length: SummaryLength) -> [Int] {
        let n = scores.count
        guard n > 0 else { return [] }
        let target = length.sentenceCount(of: n)
        let budget = length.wordBudget
        guard target > 0, budget.map({ $0 > 0 }) ?? true else { return [] }
        let best = scores.max() ?? 0
        let relevance: [Double] = scores.indices.map { i in
            let base = best > 0 ? scores[i] / best : scores[i]
            return lengthExponent == 0 ? base : base * pow(Double(max(words[i], 1)), lengthExponent)
        }
        var chosen: [Int] = []
        var taken = [Bool](repeating: false, count: n)
        var maxSimilarity = [Double](repeating: 0, count: n)
        var used = 0
        while chosen.count < target {
            var pick = -1
            var pickValue = -Double.infinity
            for i in 0..<n where !taken[i] {
                if let budget, !chosen.isEmpty, used + words[i] > budget { continue }
                let value = relevance[i] - redundancy * maxSimilarity[i]
                if value > pickValue { pick = i; pickValue = value }
            }
            guard pick >= 0 else { break }
            taken[pick] = true
            chosen.append(pick)
            used += words[pick]
            for i in 0..<n where !taken[i] { maxSimilarity[i] = max(maxSimilarity[i], similarity[pick, i]) }
            if let budget, used >= budget { break }
        }
        return chosen.sorted()
    }
}
