import SelarasCore

/// Proposes English equivalents for Indonesian terms from aligned sentence pairs (a translation
/// memory), by the Dice coefficient of co-occurrence, as Smadja, McKeown & Hatzivassiloglou (1996,
/// "Translating collocations for bilingual lexicons: a statistical approach", Computational
/// Linguistics 22(1)) use it: for a term `t` and an English word n-gram `e`,
/// `Dice(t, e) = 2 · f(t, e) / (f(t) + f(e))`, where `f` counts the pairs whose source holds `t`
/// (found by `TermMatcher`, inflected forms included, also inside longer candidates), whose target
/// holds `e`, or both.
///
/// Candidate n-grams have 1 to `|t| + 2` words (at most 6), do not start or end with an English
/// function word, and co-occur with the term in at least `minCooccurrences` pairs. The best Dice
/// wins; on a tie, the longer n-gram, then the more frequent. Proposals below `minDice` are dropped.
public struct EquivalentMiner: Sendable {
    public struct Pair: Sendable, Hashable {
        public var source: String
        public var target: String
        public init(source: String, target: String) {
            self.source = source
            self.target = target
        }
    }

    public var minDice = 0.3
    public var minCooccurrences = 2

    static let functionWords: Set<String> = [
        "the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "as", "is", "are",
        "was", "were", "be", "been", "being", "that", "this", "these", "those", "it", "its", "his", "her", "their",
        "has", "have", "had", "will", "would", "said", "says", "also", "not", "but", "he", "she", "they", "we", "which",
        "who", "after", "before", "into", "over", "than", "there", "about", "while", "could", "should", "can", "may",
    ]

    private let targets: [[String]]      // lowercased words (acronyms kept), per pair
    private let surfaces: [[String]]     // the same words as written
    private let sources: [String]

    public init(pairs: [Pair]) {
        var targets: [[String]] = [], surfaces: [[String]] = [], sources: [String] = []
        for p in pairs {
            let words = WordScanner().tokens(p.target).filter { $0.isWord }.map(\.text)
            surfaces.append(words)
            targets.append(words.map { TermMatcher.isAcronym($0) ? $0 : $0.lowercased() })
            sources.append(p.source)
        }
        self.targets = targets
        self.surfaces = surfaces
        self.sources = sources
    }

    public var pairCount: Int { sources.count }

    static func ngrams(_ words: [String], maxLength: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for i in words.indices {
            for n in 1...maxLength where i + n <= words.count {
                let first = words[i], last = words[i + n - 1]
                if functionWords.contains(first.lowercased()) || functionWords.contains(last.lowercased()) { continue }
                if first.filter(\.isLetter).count < 2 || last.filter(\.isLetter).count < 2 { continue }
                out.append(i..<(i + n))
            }
        }
        return out
    }

    /// The candidates with `translation`, `dice` and `cooccurrences` filled where the pairs support one.
    public func propose(_ candidates: [TermCandidate]) -> [TermCandidate] {
        guard !candidates.isEmpty, !sources.isEmpty else { return candidates }
        // Where each candidate occurs, with the matcher (inflected forms count).
        let glossary = Glossary(entries: candidates.map {
            GlossaryEntry(term: $0.term, variants: $0.variants, translations: ["?"])
        }, origin: "candidates")
        let matcher = TermMatcher(glossaries: [glossary])
        var pairsOf = [String: [Int]]()
        for (i, s) in sources.enumerated() {
            for term in Set(matcher.allMatches(s).map(\.term)) { pairsOf[term, default: []].append(i) }
        }
        // Co-occurrence counts per candidate.
        var cooc: [String: [String: Int]] = [:]
        var surfaceOf: [String: [String: Int]] = [:]
        var wanted = Set<String>()
        for c in candidates {
            guard let ps = pairsOf[c.term], ps.count >= minCooccurrences else { continue }
            let maxLength = min(6, c.term.split(separator: " ").count + 2)
            var counts: [String: Int] = [:]
            for p in ps {
                var seen = Set<String>()
                for r in Self.ngrams(targets[p], maxLength: maxLength) {
                    let key = targets[p][r].joined(separator: " ")
                    if seen.insert(key).inserted {
                        counts[key, default: 0] += 1
                        surfaceOf[key, default: [:]][surfaces[p][r].joined(separator: " "), default: 0] += 1
                    }
                }
            }
            let kept = counts.filter { $0.value >= minCooccurrences }
            cooc[c.term] = kept
            wanted.formUnion(kept.keys)
        }
        guard !wanted.isEmpty else { return candidates }
        // f(e) over all pairs.
        var frequency: [String: Int] = [:]
        for words in targets {
            var seen = Set<String>()
            for r in Self.ngrams(words, maxLength: 6) {
                let key = words[r].joined(separator: " ")
                if wanted.contains(key), seen.insert(key).inserted { frequency[key, default: 0] += 1 }
            }
        }
        return candidates.map { c in
            guard let counts = cooc[c.term], let ft = pairsOf[c.term]?.count else { return c }
            var best: (key: String, dice: Double, n: Int, cooc: Int)?
            for (e, n) in counts {
                let fe = frequency[e] ?? n
                let dice = 2 * Double(n) / Double(ft + fe)
                let len = e.split(separator: " ").count
                if let b = best {
                    if dice < b.dice - 1e-9 { continue }
                    if abs(dice - b.dice) <= 1e-9 && (len < b.n || (len == b.n && n <= b.cooc)) { continue }
                }
                best = (e, dice, len, n)
            }
            guard let best, best.dice >= minDice else { return c }
            var out = c
            out.translation = surfaceOf[best.key]?.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? best.key
            out.dice = best.dice
            out.cooccurrences = best.cooc
            return out
        }
    }
}
