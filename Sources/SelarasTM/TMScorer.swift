import Foundation
import SelarasCore
import SelarasFormats
import SelarasText

/// Scores one TM unit against a query and says what kind of match it is.
///
/// - **exact-context** (100): the source equals the query character for character (after NFC) and
///   the unit's neighbours in its file equal the query's `previous` and `next` (a missing neighbour
///   equals a missing one: the start or end of a document; a query with neither neighbour carries
///   no context and gets at most `exact`).
/// - **exact** (100): the same source, without matching context.
/// - **exact-text** (100 minus penalties): the same words and numbers; differs only in case,
///   punctuation, spacing, quote style or inline tags.
/// - **fuzzy**: 100 × (1 − d / max(n, m)) rounded, d being the Levenshtein distance between the key
///   sequences (stems; numbers as one class) of the query (n tokens) and the source (m tokens), as
///   OmegaT scores fuzzy matches; then minus penalties; never above 99.
///
/// Penalties, each listed with the match: 1 point per number that differs (at most 5), 1 for
/// different inline tags, and — when the words are otherwise the same — 1 for case, 1 for
/// punctuation and 1 for differing word forms of the same stems. Ties are broken by character-level
/// similarity.
struct TMScorer: Sendable {
    let analyzer: MatchAnalyzer

    static let numberPenalty = 1.0
    static let maxNumberPenalty = 5.0
    static let tagPenalty = 1.0
    static let casePenalty = 1.0
    static let punctuationPenalty = 1.0
    static let wordFormPenalty = 1.0

    /// What the scorer needs to know about the query, computed once per lookup.
    struct Query {
        var text: String
        var nfc: String
        var analysis: MatchAnalyzer.Analysis
        var previousKey: UInt64?
        var nextKey: UInt64?
        var markupSignature: [String]
        var terms: [TermHit]

        init(_ q: TMQuery, analyzer: MatchAnalyzer) {
            text = q.text
            nfc = TextNormalizer.nfc(q.text)
            analysis = analyzer.analyze(q.text)
            previousKey = q.previous.map(MatchAnalyzer.contextKey)
            nextKey = q.next.map(MatchAnalyzer.contextKey)
            markupSignature = q.markup.map(\.signature)
            terms = q.terms
        }
    }

    struct Result {
        var kind: MatchKind
        var score: Double
        var penalties: [MatchPenalty]
        /// The unit source's analysis, for repair.
        var unitAnalysis: MatchAnalyzer.Analysis
    }

    func score(_ q: Query, unit: TMUnit, previousKey: UInt64?, nextKey: UInt64?, hasContext: Bool, distance: Int, longest: Int) -> Result {
        let u = analyzer.analyze(unit.source)
        let tagsDiffer = unit.sourceVariant.markup.map(\.signature) != q.markupSignature
        var penalties: [MatchPenalty] = []
        if tagsDiffer { penalties.append(MatchPenalty(reason: "inline tags differ", points: Self.tagPenalty)) }

        if TextNormalizer.nfc(unit.source) == q.nfc {
            let queryHasContext = q.previousKey != nil || q.nextKey != nil
            let inContext = hasContext && queryHasContext && previousKey == q.previousKey && nextKey == q.nextKey
            return Result(kind: inContext ? .exactWithContext : .exact, score: 100 - total(penalties), penalties: penalties,
                          unitAnalysis: u)
        }
        let qFolded = q.analysis.folded, uFolded = u.folded
        let sameKeys = q.analysis.keys == u.keys
        if qFolded == uFolded {
            if caseDiffers(q, u, unit.source) { penalties.append(MatchPenalty(reason: "case differs", points: Self.casePenalty)) }
            if q.analysis.punctuation != u.punctuation {
                penalties.append(MatchPenalty(reason: "punctuation differs", points: Self.punctuationPenalty))
            }
            return Result(kind: .exactTextOnly, score: max(0, 100 - total(penalties)), penalties: penalties,
                          unitAnalysis: u)
        }
        let base = longest == 0 ? 100 : (100 * (1 - Double(distance) / Double(longest))).rounded()
        // Numbers that differ, position by position along the alignment of the keys.
        var numberPoints = 0.0
        for (a, b) in TokenLevenshtein.alignment(q.analysis.keys, u.keys) {
            guard let a, let b else { continue }
            let x = q.analysis.tokens[a], y = u.tokens[b]
            if x.isNumber && y.isNumber && x.folded != y.folded && numberPoints < Self.maxNumberPenalty {
                penalties.append(MatchPenalty(reason: "number differs: \(y.folded) → \(x.folded)", points: Self.numberPenalty))
                numberPoints += Self.numberPenalty
            }
        }
        if sameKeys {
            let formsDiffer = zip(q.analysis.tokens, u.tokens).contains { !$0.isNumber && $0.folded != $1.folded }
            if formsDiffer { penalties.append(MatchPenalty(reason: "word forms differ", points: Self.wordFormPenalty)) }
            if caseDiffers(q, u, unit.source) { penalties.append(MatchPenalty(reason: "case differs", points: Self.casePenalty)) }
            if q.analysis.punctuation != u.punctuation {
                penalties.append(MatchPenalty(reason: "punctuation differs", points: Self.punctuationPenalty))
            }
        }
        var score = base - total(penalties)
        if score >= 100 { score = 99 }
        return Result(kind: .fuzzy, score: max(0, score), penalties: penalties, unitAnalysis: u)
    }

    private func total(_ p: [MatchPenalty]) -> Double { p.reduce(0) { $0 + $1.points } }

    /// Whether aligned words with the same folded form are written with different case.
    private func caseDiffers(_ q: Query, _ u: MatchAnalyzer.Analysis, _ unitText: String) -> Bool {
        guard q.analysis.tokens.count == u.tokens.count else { return false }
        let qs = Array(q.text.unicodeScalars), us = Array(unitText.unicodeScalars)
        for (x, y) in zip(q.analysis.tokens, u.tokens) where x.folded == y.folded && (x.hadUppercase || y.hadUppercase) {
            if !qs[x.range].elementsEqual(us[y.range]) { return true }
        }
        return false
    }

    /// Ranks matches: kind first (Okapi's MatchType order, repaired above plain fuzzy), then score;
    /// among equal kind and score, the higher character-level similarity of the source to the query
    /// (computed only for such ties), then the more recent change date, then load order.
    static func rank(_ items: [(match: TMMatch, date: String?, ordinal: Int)], query: String) -> [TMMatch] {
        var items = items.map { (match: $0.match, date: $0.date ?? "", ordinal: $0.ordinal, charSim: -1.0) }
        items.sort { ($0.match.kind, -$0.match.score) < ($1.match.kind, -$1.match.score) }
        let key = TextNormalizer.matchKey(query)
        var i = 0
        while i < items.count {
            var j = i + 1
            while j < items.count, items[j].match.kind == items[i].match.kind, items[j].match.score == items[i].match.score { j += 1 }
            if j - i > 1 {
                for k in i..<j { items[k].charSim = TokenLevenshtein.characterSimilarity(key, TextNormalizer.matchKey(items[k].match.source)) }
                items[i..<j].sort { a, b in
                    if a.charSim != b.charSim { return a.charSim > b.charSim }
                    if a.date != b.date { return a.date > b.date }
                    return a.ordinal < b.ordinal
                }
            }
            i = j
        }
        return items.map(\.match)
    }
}
