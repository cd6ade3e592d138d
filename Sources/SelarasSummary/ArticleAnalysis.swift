import Foundation

/// What the rankers know about one article, computed once: the rankable sentences, their words,
/// their term vectors and the idf-modified cosine similarity between every pair.
///
/// Similarity follows LexRank (Güneş Erkan and Dragomir R. Radev, 2004, "LexRank: Graph-based Lexical
/// Centrality as Salience in Text Summarization"): tf·idf vectors with idf taken over the article's
/// own sentences (headline included, furniture not), `idf(w) = 1 + ln(N / df(w))`, compared by cosine.
/// The first rankable sentence is analysed without its dateline (`NewsDateline`).
///
/// Terms are numbered per article (`TermVocabulary`), so vectors are sparse lists of (term id,
/// weight) sorted by id; every sum (norms, dot products, row sums) adds its terms in ascending id
/// or column order, which keeps the figures exactly reproducible.
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
    /// Idf-modified cosine between rankable sentences (diagonal 0).
    let similarity: SimilarityMatrix
    /// Cosine of each rankable sentence with the headline (all 0 without a headline).
    let headlineSimilarity: [Double]
    let hasHeadline: Bool
    /// The article's words and terms (term ids of `scans`).
    let vocabulary: TermVocabulary

    var count: Int { rankable.count }

    /// The content terms of rankable sentence `i`, as text.
    func terms(_ i: Int) -> [String] { scans[i].termIDs.map { vocabulary.text(ofTerm: $0) } }

    init(_ candidates: [SummaryCandidate], analyzer: TermAnalyzer = .standard) {
        var rankable: [Int] = [], texts: [String] = [], scans: [TermAnalyzer.Scan] = []
        rankable.reserveCapacity(candidates.count)
        texts.reserveCapacity(candidates.count)
        scans.reserveCapacity(candidates.count)
        var vocabulary = TermVocabulary()
        var headline: Int? = nil
        for (i, c) in candidates.enumerated() {
            if c.isHeadline {
                if headline == nil { headline = i }
                continue
            }
            guard c.rankable else { continue }
            let text = rankable.isEmpty ? NewsDateline.stripped(c.text) : c.text
            rankable.append(i)
            texts.append(text)
            scans.append(analyzer.scan(text, into: &vocabulary))
        }
        // The headline's new terms are numbered after the sentences' ones.
        let headlineScan = headline.map { analyzer.scan(candidates[$0].text, into: &vocabulary) }
        self.rankable = rankable
        self.texts = texts
        self.scans = scans
        self.vocabulary = vocabulary
        words = scans.map(\.words)
        paragraphs = rankable.map { candidates[$0].paragraph }
        glossaryTerms = rankable.map { candidates[$0].glossaryTerms }
        hasHeadline = headlineScan != nil

        let n = rankable.count
        let vectors = TermVectors(scans.map(\.termIDs) + (headlineScan.map { [$0.termIDs] } ?? []),
                                  terms: vocabulary.termCount)
        var sim = SimilarityMatrix(count: n)
        var dense = [Double](repeating: 0, count: vocabulary.termCount)
        for i in 0..<n {
            vectors.scatter(i, into: &dense)
            for j in (i + 1)..<max(n, i + 1) {
                let s = vectors.dot(j, dense)
                sim[i, j] = s
                sim[j, i] = s
            }
            vectors.clear(i, in: &dense)
        }
        similarity = sim
        if headlineScan != nil {
            vectors.scatter(n, into: &dense)
            headlineSimilarity = (0..<n).map { vectors.dot($0, dense) }
        } else {
            headlineSimilarity = [Double](repeating: 0, count: n)
        }
    }

    /// Whitespace-separated words that contain a letter or a digit (the unit of `SummaryLength.words`).
    /// The analysis has them from the scan (`TermAnalyzer.Scan.words`); this is for texts not scanned.
    static func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { p in
            // Only whether the current word has content matters: a word is counted at its end.
            var count = 0, hasContent = false
            var i = 0
            while i < p.count {
                let b = p[i]
                let space: Bool, content: Bool
                if b < 0x80 {
                    space = b == 0x20 || b &- 0x09 < 5
                    content = TermAnalyzer.isASCIILetterOrDigit(b)
                    i += 1
                } else {
                    let (s, length) = UTF8Scalar.decode(p, i)
                    space = s.properties.isWhitespace
                    content = !space && (s.properties.isAlphabetic || s.properties.numericType != nil)
                    i += length
                }
                if space {
                    if hasContent { count += 1 }
                    hasContent = false
                } else if content {
                    hasContent = true
                }
            }
            if hasContent { count += 1 }
            return count
        }
    }

    /// Stationary distribution of a random walk on the similarity graph (PageRank; Lawrence Page et al.,
    /// 1999) that follows an edge with probability `damping` and otherwise jumps according to
    /// `teleport` (uniform when nil). A sentence with no similar sentence jumps by `teleport` too.
    /// Power iteration until the L1 change of an iteration is below `tolerance`.
    func pageRank(damping: Double, teleport: [Double]? = nil, iterations: Int = 100, tolerance: Double = 1e-7) -> [Double] {
        let n = count
        guard n > 0 else { return [] }
        var v = teleport ?? [Double](repeating: 1, count: n)
        let total = v.reduce(0, +)
        v = total > 0 ? v.map { $0 / total } : [Double](repeating: 1 / Double(n), count: n)
        let rowSums = similarity.rowSums()
        var r = v
        var next = [Double](repeating: 0, count: n)
        similarity.values.withUnsafeBufferPointer { m in
            for _ in 0..<iterations {
                var change = 0.0
                next.withUnsafeMutableBufferPointer { next in
                    for j in 0..<n { next[j] = (1 - damping) * v[j] }
                    var dangling = 0.0
                    for i in 0..<n {
                        if rowSums[i] <= 0 { dangling += r[i]; continue }
                        // Similarities are never negative, and adding share × 0 changes nothing, so
                        // the whole row is added without a test per column.
                        let share = damping * r[i] / rowSums[i]
                        let row = UnsafeBufferPointer(rebasing: m[(i * n)..<((i + 1) * n)])
                        for j in 0..<n { next[j] += share * row[j] }
                    }
                    if dangling > 0 { for j in 0..<n { next[j] += damping * dangling * v[j] } }
                    for j in 0..<n { change += abs(next[j] - r[j]) }
                }
                swap(&r, &next)
                if change < tolerance { break }
            }
        }
        return r
    }
}
