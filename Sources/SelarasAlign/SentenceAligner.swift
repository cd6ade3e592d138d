import Foundation
import SelarasCore
import SelarasText

/// One bead of an alignment: consecutive source sentences that translate consecutive target
/// sentences (either side may be empty: a sentence the other edition dropped), with the aligner's
/// confidence in [0, 1].
public struct AlignmentBead: Sendable, Hashable, Codable {
    public var source: Range<Int>
    public var target: Range<Int>
    public var confidence: Double

    public init(source: Range<Int>, target: Range<Int>, confidence: Double) {
        self.source = source
        self.target = target
        self.confidence = confidence
    }
}

/// Aligns the sentences of an Indonesian text with those of its English edition.
///
/// Dynamic programming over beads 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2, in a band around the diagonal
/// (memory and time linear in the length for a fixed band). A bead's cost adds
/// - its prior (`Options.priors`, after Gale & Church 1993, "A program for aligning sentences in
///   bilingual corpora", Computational Linguistics 19(1));
/// - the Gale–Church length cost: −log P(δ) with δ = (l₂ − c·l₁) / √(s²·(c·l₁ + l₂)/2), c the
///   document's English/Indonesian character ratio;
/// - minus a reward for lexical evidence, as hunalign adds a dictionary score to the length score
///   (Varga et al. 2005): every content word of either side that has a translation on the other
///   side (`TranslationLexicon`: dictionary, glossary, learned pairs) or is written the same there
///   (names, acronyms, loanwords; numbers compared by their digits) earns `Options.reward` times its
///   weight (numbers 2, capitalised words 1.5, others 1).
///
/// `align(documents:)` runs twice, as hunalign's `-realign` does: the first pass's sure 1-1 beads
/// (and TM pairs) train IBM Model 1 (`IBMModel1`), whose word pairs join the lexicon for the second.
///
/// A bead's confidence is its posterior probability under the same costs read as −log
/// probabilities: the forward–backward sums over every alignment in the band (Rabiner 1989),
/// P(bead) = exp(α(start) − cost(bead) + β(end) − α(end of document)).
public struct SentenceAligner: Sendable {
    public struct Options: Sendable, Hashable {
        /// −log priors of the bead types: Gale & Church's for 1-1 and 2-1/1-2; a sentence dropped
        /// and a 2-2 bead made rarer (e^-5, e^-12), tuned on PANL-BPPT news documents perturbed by
        /// ../shared/eval/make_align.py (docs/alignment.md).
        public var priors: [Bead: Double] = [
            Bead(1, 1): -log(0.89), Bead(1, 0): 5, Bead(0, 1): 5,
            Bead(2, 1): -log(0.089), Bead(1, 2): -log(0.089), Bead(2, 2): 12,
        ]
        /// Variance of the length difference per character (Gale & Church's 6.8 measured on
        /// English–French–German; Indonesian–English news tunes to 3).
        public var variance = 3.0
        /// Weight of the length cost against the priors.
        public var lengthWeight = 1.0
        /// Cost taken off per unit of lexical evidence.
        public var reward = 0.4
        /// In a bead of three or four sentences, each sentence should have at least this share of its
        /// content words with evidence on the other side; each point of share it lacks costs
        /// `mergePenalty` (so an unrelated neighbour is a drop, not part of a merge).
        public var mergeSupport = 0.35
        public var mergePenalty = 20.0
        /// The costs are divided by this before they are read as −log probabilities for the
        /// confidences (T > 1 spreads them: the costs are not calibrated probabilities).
        public var temperature = 3.0
        /// Smallest half-width of the band around the diagonal, in sentences.
        public var band = 20
        /// Whether `align(documents:)` makes a second pass with pairs learned from the first.
        public var realign = true
        /// Confidence of the first-pass 1-1 beads that train the second pass.
        public var trainingConfidence = 0.6

        public init() {}
    }

    /// A bead type: how many source and target sentences.
    public struct Bead: Sendable, Hashable {
        public var source: Int
        public var target: Int
        public init(_ source: Int, _ target: Int) {
            self.source = source
            self.target = target
        }
    }

    public var lexicon: TranslationLexicon
    public var options: Options

    public init(lexicon: TranslationLexicon, options: Options = Options()) {
        self.lexicon = lexicon
        self.options = options
    }

    /// The beads of one document, in order; every sentence of both sides is in exactly one bead.
    public func align(source: [String], target: [String]) -> [AlignmentBead] {
        align(documents: [(source, target)]).first ?? []
    }

    /// The beads of each document (in the order given), with a second pass that learns word pairs
    /// from the first pass over all the documents and from `memory` (sentence pairs known to be
    /// translations, such as a TM's).
    public func align(documents: [(source: [String], target: [String])], memory: [(String, String)] = [],
                      workers: Int = Parallel.defaultWorkers) -> [[AlignmentBead]] {
        let text = lexicon.text
        let prepared = Parallel.map(documents, workers: workers) { d in
            (d.source.map(text.indonesian), d.target.map(text.english))
        }
        var lexicon = self.lexicon
        if !memory.isEmpty {
            let pairs = memory.map { (text.indonesian($0.0), text.english($0.1)) }
            lexicon.add(keys: IBMModel1.pairs(pairs.map { ($0.0.tokens.map(\.key), $0.1.tokens.map(\.key)) }))
        }
        let first = Parallel.map(prepared, workers: workers) { Self.dp($0.0, $0.1, lexicon: lexicon, options: options) }
        guard options.realign else { return first }
        var corpus: [([Int], [Int])] = []
        for (k, beads) in first.enumerated() {
            for b in beads where b.source.count == 1 && b.target.count == 1 && b.confidence >= options.trainingConfidence {
                corpus.append((prepared[k].0[b.source.lowerBound].tokens.map(\.key), prepared[k].1[b.target.lowerBound].tokens.map(\.key)))
            }
        }
        for m in memory {
            corpus.append((text.indonesian(m.0).tokens.map(\.key), text.english(m.1).tokens.map(\.key)))
        }
        guard corpus.count >= 20 else { return first }
        lexicon.add(keys: IBMModel1.pairs(corpus))
        return Parallel.map(prepared, workers: workers) { Self.dp($0.0, $0.1, lexicon: lexicon, options: options) }
    }

    // MARK: the dynamic programme

    /// For each source sentence i and target sentence j in the band: which of i's tokens have
    /// evidence in j, and which of j's in i (bit masks over the first 64 tokens).
    struct Evidence {
        let lo: [Int]
        let hi: [Int]
        var source: [[UInt64]]
        var target: [[UInt64]]

        func masks(_ i: Int, _ j: Int) -> (UInt64, UInt64) {
            guard i < lo.count, j >= lo[i], j <= hi[i] else { return (0, 0) }
            return (source[i][j - lo[i]], target[i][j - lo[i]])
        }
    }

    static func weight(_ tokens: [AlignedSentence.Token], _ mask: UInt64) -> Double {
        var w = 0.0
        var m = mask
        while m != 0 {
            let k = m.trailingZeroBitCount
            if k < tokens.count { w += Double(tokens[k].weight) }
            m &= m - 1
        }
        return w
    }

    static func total(_ tokens: [AlignedSentence.Token]) -> Double {
        tokens.prefix(64).reduce(0) { $0 + Double($1.weight) }
    }

    static func dp(_ S: [AlignedSentence], _ T: [AlignedSentence], lexicon: TranslationLexicon, options: Options) -> [AlignmentBead] {
        let n = S.count, m = T.count
        if n == 0 || m == 0 {
            return (0..<n).map { AlignmentBead(source: $0..<($0 + 1), target: 0..<0, confidence: 0.2) }
                + (0..<m).map { AlignmentBead(source: 0..<0, target: $0..<($0 + 1), confidence: 0.2) }
        }
        let ls = S.reduce(0) { $0 + $1.length }, lt = T.reduce(0) { $0 + $1.length }
        let c = ls > 0 && lt > 0 ? Double(lt) / Double(ls) : 1
        let half = max(options.band, abs(n - m) + 10, max(n, m) / 20)
        // Rows 0...n of the DP; row i spans target columns lo[i]...hi[i].
        var lo = [Int](repeating: 0, count: n + 1), hi = [Int](repeating: 0, count: n + 1)
        for i in 0...n {
            let centre = Int((Double(i) * Double(m) / Double(n)).rounded())
            lo[i] = max(0, centre - half)
            hi[i] = min(m, centre + half)
        }
        // Evidence for sentence pairs within the band (rows 0..<n, columns lo...hi clipped to m-1).
        var evidence = Evidence(lo: Array(lo.prefix(n)), hi: (0..<n).map { min(m - 1, hi[$0] + 1) }, source: [], target: [])
        for i in 0..<n {
            // English keys and surfaces → which of sentence i's tokens they answer.
            var byKey: [Int: UInt64] = [:], bySurface: [Int: UInt64] = [:]
            for (x, token) in S[i].tokens.prefix(64).enumerated() {
                let bit: UInt64 = 1 << UInt64(x)
                bySurface[token.surface, default: 0] |= bit
                for en in lexicon.translations[token.key] ?? [] { byKey[en, default: 0] |= bit }
            }
            var rowS: [UInt64] = [], rowT: [UInt64] = []
            for j in evidence.lo[i]...max(evidence.lo[i], evidence.hi[i]) where j < m {
                var ms: UInt64 = 0, mt: UInt64 = 0
                for (y, tb) in T[j].tokens.prefix(64).enumerated() {
                    let hit = (byKey[tb.key] ?? 0) | (bySurface[tb.surface] ?? 0)
                    if hit != 0 {
                        ms |= hit
                        mt |= 1 << UInt64(y)
                    }
                }
                rowS.append(ms)
                rowT.append(mt)
            }
            evidence.source.append(rowS)
            evidence.target.append(rowT)
        }
        let sourceTotals = S.map { Self.total($0.tokens) }, targetTotals = T.map { Self.total($0.tokens) }

        let beads: [Bead] = [Bead(1, 1), Bead(1, 0), Bead(0, 1), Bead(2, 1), Bead(1, 2), Bead(2, 2)]
        let priors = beads.map { options.priors[$0] ?? 10 }
        let inf = Double.infinity
        let kinds = beads.count
        // edge[i][j - lo[i]][k]: the cost of the bead of kind k that ends at (i, j), prior included.
        var edge = (0...n).map { [Double](repeating: inf, count: (hi[$0] - lo[$0] + 1) * kinds) }
        func inBand(_ i: Int, _ j: Int) -> Bool { i >= 0 && i <= n && j >= lo[i] && j <= hi[i] }
        for i in 0...n {
            for j in lo[i]...hi[i] where i > 0 || j > 0 {
                for (k, bead) in beads.enumerated() {
                    let pi = i - bead.source, pj = j - bead.target
                    guard pi >= 0, pj >= 0, inBand(pi, pj) else { continue }
                    edge[i][(j - lo[i]) * kinds + k] = priors[k]
                        + beadCost(S, T, pi..<i, pj..<j, c: c, evidence: evidence, sourceTotals: sourceTotals, targetTotals: targetTotals, options: options)
                }
            }
        }
        // Viterbi (best path) and forward sums (log of the total probability of the paths to a cell,
        // costs read as −log probabilities) in one sweep.
        var best = (0...n).map { [Double](repeating: inf, count: hi[$0] - lo[$0] + 1) }
        var forward = (0...n).map { [Double](repeating: -inf, count: hi[$0] - lo[$0] + 1) }
        var back = (0...n).map { [Int8](repeating: -1, count: hi[$0] - lo[$0] + 1) }
        best[0][0 - lo[0]] = 0
        forward[0][0 - lo[0]] = 0
        for i in 0...n {
            for j in lo[i]...hi[i] where i > 0 || j > 0 {
                var b = inf, which: Int8 = -1
                var terms: [Double] = []
                for (k, bead) in beads.enumerated() {
                    let e = edge[i][(j - lo[i]) * kinds + k]
                    guard e < inf else { continue }
                    let pi = i - bead.source, pj = j - bead.target
                    let before = best[pi][pj - lo[pi]]
                    if before + e < b { b = before + e; which = Int8(k) }
                    let f = forward[pi][pj - lo[pi]]
                    if f > -inf { terms.append(f - e / options.temperature) }
                }
                best[i][j - lo[i]] = b
                back[i][j - lo[i]] = which
                forward[i][j - lo[i]] = logSum(terms)
            }
        }
        // Backward sums: the log probability of the paths from a cell to the end.
        var backward = (0...n).map { [Double](repeating: -inf, count: hi[$0] - lo[$0] + 1) }
        backward[n][m - lo[n]] = 0
        for i in stride(from: n, through: 0, by: -1) {
            for j in stride(from: hi[i], through: lo[i], by: -1) where i < n || j < m {
                var terms: [Double] = []
                for (k, bead) in beads.enumerated() {
                    let ni = i + bead.source, nj = j + bead.target
                    guard inBand(ni, nj) else { continue }
                    let e = edge[ni][(nj - lo[ni]) * kinds + k]
                    let after = backward[ni][nj - lo[ni]]
                    if e < inf, after > -inf { terms.append(after - e / options.temperature) }
                }
                backward[i][j - lo[i]] = logSum(terms)
            }
        }
        let all = forward[n][m - lo[n]]
        // Trace back; each bead's confidence is its posterior probability.
        var out: [AlignmentBead] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let k = Int(back[i][j - lo[i]])
            guard k >= 0 else { break }
            let bead = beads[k]
            let pi = i - bead.source, pj = j - bead.target
            let posterior = exp(forward[pi][pj - lo[pi]] - edge[i][(j - lo[i]) * kinds + k] / options.temperature + backward[i][j - lo[i]] - all)
            out.append(AlignmentBead(source: pi..<i, target: pj..<j, confidence: min(1, max(0, posterior.isFinite ? posterior : 0))))
            i = pi
            j = pj
        }
        return out.reversed()
    }

    /// log(Σ exp(x)) without overflow.
    static func logSum(_ xs: [Double]) -> Double {
        guard let top = xs.max(), top > -Double.infinity else { return -Double.infinity }
        return top + log(xs.reduce(0) { $0 + exp($1 - top) })
    }

    /// The length and lexical cost of a bead (without its prior).
    static func beadCost(_ S: [AlignedSentence], _ T: [AlignedSentence], _ s: Range<Int>, _ t: Range<Int>, c: Double,
                         evidence: Evidence, sourceTotals: [Double], targetTotals: [Double], options: Options) -> Double {
        var l1 = 0, l2 = 0
        for i in s { l1 += S[i].length }
        for j in t { l2 += T[j].length }
        l1 += max(0, s.count - 1)
        l2 += max(0, t.count - 1)
        let mean = (c * Double(l1) + Double(l2)) / 2
        let z = mean > 0 ? (Double(l2) - c * Double(l1)) / (options.variance * mean).squareRoot() : 0
        let p = max(erfc(abs(z) / 2.0.squareRoot()), 1e-12)
        let lengthCost = -log(p)
        // A sentence the other side dropped has no length to compare: its prior alone prices it.
        guard !s.isEmpty, !t.isEmpty else { return 0 }
        var matched = 0.0, unsupported = 0.0
        let merged = s.count + t.count > 2
        /// Counts one sentence's evidence; in a merge, each sentence needs evidence of its own (an
        /// unrelated neighbour is a drop).
        func account(_ tokens: [AlignedSentence.Token], _ mask: UInt64, _ sentenceTotal: Double) {
            let w = weight(tokens, mask)
            matched += w
            if merged, sentenceTotal > 0 { unsupported += max(0, options.mergeSupport - w / sentenceTotal) }
        }
        for i in s { account(S[i].tokens, t.reduce(0) { $0 | evidence.masks(i, $1).0 }, sourceTotals[i]) }
        for j in t { account(T[j].tokens, s.reduce(0) { $0 | evidence.masks($1, j).1 }, targetTotals[j]) }
        return options.lengthWeight * lengthCost - options.reward * matched + options.mergePenalty * unsupported
    }
}
