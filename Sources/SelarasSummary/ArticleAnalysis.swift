import Foundation

/// What the rankers know about one article, computed once: the rankable sentences, their words,
/// their term vectors and the idf-modified cosine similarity between every pair.
///
/// Similarity follows LexRank (Güneş Erkan and Dragomir R. Radev, 2004, "LexRank: Graph-based Lexical
/// Centrality as Salience in Text Summarization"): tf·idf vectors with idf taken over the article's
/// own sentences (headline included, furniture not), `idf(w) = 1 + ln(N / df(w))`, compared by cosine.
/// The first rankable sentence is analysed without its dateline (`NewsDateline`).
struct ArticleAnalysis {
    /// Candidate indices of the rankable sentences, in document order.
    let rankable: [Int]
    /// Per rankable sentence: the text analysed (dateline removed), its scan and word count.
    let texts: [String]
    let scans: [TermAnalyzer.Scan]
    let words: [Int]
    /// Per rankable sentence: its paragraph index, when the caller gave one.
    let paragraphs: [Int?]
    /// Per rankable sentence: glossary terms found in it.
    let glossaryTerms: [Int]
    /// Unit-length tf·idf vectors (term id, weight), sorted by term id.
    let vectors: [[(Int, Double)]]
    /// Idf-modified cosine between rankable sentences (diagonal 0).
    let similarity: [[Double]]
    /// Cosine of each rankable sentence with the headline (all 0 without a headline).
    let headlineSimilarity: [Double]
    let hasHeadline: Bool

    var count: Int { rankable.count }

    init(_ candidates: [SummaryCandidate], analyzer: TermAnalyzer = .standard) {
        var rankable: [Int] = []
        var texts: [String] = [], scans: [TermAnalyzer.Scan] = []
        var headlineTerms: [String]? = nil
        for (i, c) in candidates.enumerated() {
            if c.isHeadline {
                if headlineTerms == nil { headlineTerms = analyzer.scan(c.text).terms }
                continue
            }
            guard c.rankable else { continue }
            let text = rankable.isEmpty ? NewsDateline.stripped(c.text) : c.text
            rankable.append(i)
            texts.append(text)
            scans.append(analyzer.scan(text))
        }
        self.rankable = rankable
        self.texts = texts
        self.scans = scans
        words = texts.map(Self.wordCount)
        paragraphs = rankable.map { candidates[$0].paragraph }
        glossaryTerms = rankable.map { candidates[$0].glossaryTerms }
        hasHeadline = headlineTerms != nil

        // Term ids and document frequencies over the rankable sentences and the headline.
        var ids: [String: Int] = [:]
        var df: [Int] = []
        let documents = scans.map(\.terms) + (headlineTerms.map { [$0] } ?? [])
        var counted: [[(Int, Int)]] = []
        counted.reserveCapacity(documents.count)
        var ordered: [Int] = []
        for doc in documents {
            ordered.removeAll(keepingCapacity: true)
            for t in doc {
                if let known = ids[t] {
                    ordered.append(known)
                } else {
                    let id = df.count
                    ids[t] = id
                    df.append(0)
                    ordered.append(id)
                }
            }
            ordered.sort()
            var tf: [(Int, Int)] = []
            for id in ordered {
                if let last = tf.last, last.0 == id { tf[tf.count - 1].1 += 1 } else { tf.append((id, 1)); df[id] += 1 }
            }
            counted.append(tf)
        }
        let n = Double(max(documents.count, 1))
        let idf = df.map { 1 + log(n / Double($0)) }
        let unit: [[(Int, Double)]] = counted.map { tf in
            var v = tf.map { ($0.0, Double($0.1) * idf[$0.0]) }
            let norm = sqrt(v.reduce(0) { $0 + $1.1 * $1.1 })
            if norm > 0 { for k in v.indices { v[k].1 /= norm } }
            return v
        }
        vectors = Array(unit.prefix(rankable.count))
        var sim = [[Double]](repeating: [Double](repeating: 0, count: rankable.count), count: rankable.count)
        for i in 0..<rankable.count {
            for j in (i + 1)..<max(rankable.count, i + 1) {
                let s = Self.dot(unit[i], unit[j])
                sim[i][j] = s
                sim[j][i] = s
            }
        }
        similarity = sim
        if headlineTerms != nil, let h = unit.last {
            headlineSimilarity = (0..<rankable.count).map { Self.dot(unit[$0], h) }
        } else {
            headlineSimilarity = [Double](repeating: 0, count: rankable.count)
        }
    }

    static func dot(_ a: [(Int, Double)], _ b: [(Int, Double)]) -> Double {
        var i = 0, j = 0, s = 0.0
        while i < a.count, j < b.count {
            if a[i].0 == b[j].0 { s += a[i].1 * b[j].1; i += 1; j += 1 }
            else if a[i].0 < b[j].0 { i += 1 } else { j += 1 }
        }
        return s
    }

    /// Whitespace-separated words that contain a letter or a digit (the unit of `SummaryLength.words`).
    static func wordCount(_ text: String) -> Int {
        var count = 0, inWord = false, hasContent = false
        for s in text.unicodeScalars {
            let v = s.value
            let space: Bool, content: Bool
            if v < 0x80 {
                space = v == 0x20 || (v >= 0x09 && v <= 0x0D)
                content = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            } else {
                space = s.properties.isWhitespace
                content = !space && (s.properties.isAlphabetic || s.properties.numericType != nil)
            }
            if space {
                if inWord, hasContent { count += 1 }
                inWord = false; hasContent = false
            } else {
                inWord = true
                if content { hasContent = true }
            }
        }
        if inWord, hasContent { count += 1 }
        return count
    }

    /// Stationary distribution of a random walk on the similarity graph (PageRank; Lawrence Page et al.,
    /// 1999) that follows an edge with probability `damping` and otherwise jumps according to
    /// `teleport` (uniform when nil). A sentence with no similar sentence jumps by `teleport` too.
    func pageRank(damping: Double, teleport: [Double]? = nil, iterations: Int = 100, tolerance: Double = 1e-7) -> [Double] {
        let n = count
        guard n > 0 else { return [] }
        var v = teleport ?? [Double](repeating: 1, count: n)
        let total = v.reduce(0, +)
        v = total > 0 ? v.map { $0 / total } : [Double](repeating: 1 / Double(n), count: n)
        let rowSums = similarity.map { $0.reduce(0, +) }
        var r = v
        for _ in 0..<iterations {
            var next = v.map { (1 - damping) * $0 }
            var dangling = 0.0
            for i in 0..<n {
                if rowSums[i] <= 0 { dangling += r[i]; continue }
                let share = damping * r[i] / rowSums[i]
                let row = similarity[i]
                for j in 0..<n where row[j] > 0 { next[j] += share * row[j] }
            }
            if dangling > 0 { for j in 0..<n { next[j] += damping * dangling * v[j] } }
            var change = 0.0
            for j in 0..<n { change += abs(next[j] - r[j]) }
            r = next
            if change < tolerance { break }
        }
        return r
    }
}
