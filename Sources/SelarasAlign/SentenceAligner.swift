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
/// A bead's confidence is its share of content words with evidence on the other side, scaled so
/// that half is full evidence, times the length probability's square root (between 0.5 and 1); a
/// 1-0 or 0-1 bead (a sentence without a translation) has confidence 0.2, so that review sees it.
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
        let sourceTotals = S.map { total($0.tokens) }, targetTotals = T.map { total($0.tokens) }

        let beads: [Bead] = [Bead(1, 1), Bead(1, 0), Bead(0, 1), Bead(2, 1), Bead(1, 2), Bead(2, 2)]
        let priors = beads.map { options.priors[$0] ?? 10 }
        let inf = Double.infinity
        var cost = (0...n).map { [Double](repeating: inf, count: hi[$0] - lo[$0] + 1) }
        var back = (0...n).map { [Int8](repeating: -1, count: hi[$0] - lo[$0] + 1) }
        func at(_ i: Int, _ j: Int) -> Double {
            guard i >= 0, j >= lo[i], j <= hi[i] else { return inf }
            return cost[i][j - lo[i]]
        }
        cost[0][0 - lo[0]] = 0
        for i in 0...n {
            for j in lo[i]...hi[i] where i > 0 || j > 0 {
                var best = inf, which: Int8 = -1
                for (k, bead) in beads.enumerated() {
                    let pi = i - bead.source, pj = j - bead.target
                    guard pi >= 0, pj >= 0 else { continue }
                    let before = at(pi, pj)
                    guard before < inf else { continue }
                    let total = before + priors[k]
                        + beadCost(S, T, pi..<i, pj..<j, c: c, evidence: evidence, sourceTotals: sourceTotals, targetTotals: targetTotals, options: options).cost
                    if total < best { best = total; which = Int8(k) }
                }
                cost[i][j - lo[i]] = best
                back[i][j - lo[i]] = which
            }
        }
        // Trace back.
        var out: [AlignmentBead] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let k = Int(back[i][j - lo[i]])
            guard k >= 0 else { break }
            let bead = beads[k]
            let s = (i - bead.source)..<i, t = (j - bead.target)..<j
            let scored = beadCost(S, T, s, t, c: c, evidence: evidence, sourceTotals: sourceTotals, targetTotals: targetTotals, options: options)
            out.append(AlignmentBead(source: s, target: t, confidence: scored.confidence))
            i = s.lowerBound
            j = t.lowerBound
        }
        return out.reversed()
    }

    /// The length and lexical cost of a bead (without its prior), and its confidence.
    static func beadCost(_ S: [AlignedSentence], _ T: [AlignedSentence], _ s: Range<Int>, _ t: Range<Int>, c: Double,
                         evidence: Evidence, sourceTotals: [Double], targetTotals: [Double], options: Options) -> (cost: Double, confidence: Double) {
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
        guard !s.isEmpty, !t.isEmpty else { return (0, 0.2) }
        var matched = 0.0, total = 0.0, unsupported = 0.0
        let merged = s.count + t.count > 2
        for i in s {
            var mask: UInt64 = 0
            for j in t { mask |= evidence.masks(i, j).0 }
            let w = weight(S[i].tokens, mask)
            matched += w
            total += sourceTotals[i]
            // In a merge, each sentence needs evidence of its own: an unrelated neighbour is a drop.
            if merged, sourceTotals[i] > 0 { unsupported += max(0, options.mergeSupport - w / sourceTotals[i]) }
        }
        for j in t {
            var mask: UInt64 = 0
            for i in s { mask |= evidence.masks(i, j).1 }
            let w = weight(T[j].tokens, mask)
            matched += w
            total += targetTotals[j]
            if merged, targetTotals[j] > 0 { unsupported += max(0, options.mergeSupport - w / targetTotals[j]) }
        }
        let share = total > 0 ? min(1, matched / total / 0.5) : 0.5
        let confidence = min(1, max(0, (0.15 + 0.85 * share) * (0.5 + 0.5 * p.squareRoot())))
        return (options.lengthWeight * lengthCost - options.reward * matched + options.mergePenalty * unsupported, confidence)
    }
}
