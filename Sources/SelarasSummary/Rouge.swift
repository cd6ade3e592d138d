/// ROUGE, the recall-oriented n-gram and subsequence overlap of a candidate summary with a
/// reference (Chin-Yew Lin, 2004, "ROUGE: A Package for Automatic Evaluation of Summaries").
///
/// Tokenisation follows Google's `rouge-score` package, which the measuring harness uses: lowercase,
/// every run of characters other than `a`–`z` and `0`–`9` becomes a separator, no stemming. So
/// "Jakarta, 27/3" gives `jakarta 27 3`, and letters outside ASCII (é, ß) split words as
/// punctuation does. ROUGE-N counts clipped n-gram matches; ROUGE-L uses the longest common
/// subsequence of the two token sequences taken whole (rouge-score's `rougeL`, not `rougeLsum`).
/// F1 is 2PR/(P+R), and 0 when either side has no tokens.
public enum Rouge {
    /// Precision, recall and F1 of one comparison, each in 0...1.
    public struct Score: Sendable, Hashable {
        public var precision: Double
        public var recall: Double
        public var f1: Double

        public init(precision: Double, recall: Double) {
            self.precision = precision
            self.recall = recall
            f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        }

        public static let zero = Score(precision: 0, recall: 0)
    }

    /// ROUGE-1, ROUGE-2 and ROUGE-L of one candidate against one reference.
    public struct Scores: Sendable, Hashable {
        public var rouge1: Score
        public var rouge2: Score
        public var rougeL: Score
    }

    /// The tokens ROUGE compares: lowercased runs of ASCII letters and digits.
    public static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            let v = scalar.value
            if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    /// ROUGE-1, -2 and -L of `candidate` against `reference`.
    public static func score(reference: String, candidate: String) -> Scores {
        score(referenceTokens: tokenize(reference), candidateTokens: tokenize(candidate))
    }

    /// The same, on tokens already produced by `tokenize`.
    public static func score(referenceTokens: [String], candidateTokens: [String]) -> Scores {
        var ids: [String: Int] = [:]
        func id(_ token: String) -> Int {
            if let id = ids[token] { return id }
            let id = ids.count
            ids[token] = id
            return id
        }
        let ref = referenceTokens.map(id)
        let cand = candidateTokens.map(id)
        return Scores(rouge1: ngram(ref, cand, n: 1), rouge2: ngram(ref, cand, n: 2), rougeL: lcs(ref, cand))
    }

    /// ROUGE-N on token ids: clipped n-gram matches over the n-gram counts of each side.
    public static func ngram(_ reference: [Int], _ candidate: [Int], n: Int) -> Score {
        guard n > 0 else { return .zero }
        let r = counts(reference, n: n), c = counts(candidate, n: n)
        let refTotal = max(reference.count - n + 1, 0), candTotal = max(candidate.count - n + 1, 0)
        var overlap = 0
        for (gram, k) in r { overlap += min(k, c[gram] ?? 0) }
        return Score(precision: Double(overlap) / Double(max(candTotal, 1)), recall: Double(overlap) / Double(max(refTotal, 1)))
    }

    /// ROUGE-L on token ids: the longest common subsequence over each side's length.
    public static func lcs(_ reference: [Int], _ candidate: [Int]) -> Score {
        guard !reference.isEmpty, !candidate.isEmpty else { return .zero }
        var previous = [Int](repeating: 0, count: candidate.count + 1)
        var current = previous
        for r in reference {
            for j in 1...candidate.count {
                current[j] = r == candidate[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        let length = Double(previous[candidate.count])
        return Score(precision: length / Double(candidate.count), recall: length / Double(reference.count))
    }

    static func counts(_ tokens: [Int], n: Int) -> [[Int]: Int] {
        var out: [[Int]: Int] = [:]
        guard tokens.count >= n else { return out }
        for i in 0...(tokens.count - n) { out[Array(tokens[i..<(i + n)]), default: 0] += 1 }
        return out
    }
}

/// Mean ROUGE F1 over many articles (the figure the harness reports: per-article F1, averaged).
public struct RougeAccumulator: Sendable, Hashable {
    public private(set) var count = 0
    private var sum1 = 0.0, sum2 = 0.0, sumL = 0.0

    public init() {}

    public mutating func add(_ s: Rouge.Scores) {
        count += 1
        sum1 += s.rouge1.f1
        sum2 += s.rouge2.f1
        sumL += s.rougeL.f1
    }

    /// Mean F1 x 100, as printed by the harness.
    public var rouge1: Double { count == 0 ? 0 : 100 * sum1 / Double(count) }
    public var rouge2: Double { count == 0 ? 0 : 100 * sum2 / Double(count) }
    public var rougeL: Double { count == 0 ? 0 : 100 * sumL / Double(count) }
}
