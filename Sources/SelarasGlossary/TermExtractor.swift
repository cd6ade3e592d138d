import Foundation
import SelarasText

/// A term that a glossary lacks, found in articles.
public struct TermCandidate: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A multi-word noun phrase, title or institution.
        case phrase
        /// An acronym, with its expansion when the text gives one (`Komisi Pemilihan Umum (KPU)`).
        case acronym
    }

    /// The most frequent written form (not sentence-initial where possible).
    public var term: String
    /// For an expansion, its acronym; for an acronym, its expansion when found.
    public var variants: [String]
    public var kind: Kind
    /// Occurrences across all articles.
    public var frequency: Int
    /// Articles it occurs in.
    public var documents: Int
    /// C-value (Frantzi, Ananiadou & Mima 2000).
    public var cValue: Double
    /// The ranking score: C-value × log2(1 + documents).
    public var score: Double
    /// Example sentences (from different articles where possible).
    public var examples: [String]
    /// A proposed English equivalent mined from a translation memory.
    public var translation: String?
    /// Its Dice coefficient and the number of aligned pairs holding both.
    public var dice: Double?
    public var cooccurrences: Int?
}

/// Proposes terms that a glossary lacks, ranked by C-value.
///
/// Candidates are word n-grams (2 to `maxWords` words) inside stretches of text bounded by
/// punctuation, numbers and Indonesian function words, kept when they look like noun phrases: no
/// word shaped like a `meN-`/`di-` verb, no `ber-` verb first. They are ranked by C-value (Frantzi,
/// Ananiadou & Mima 2000, "Automatic recognition of multi-word terms: the C-value/NC-value method",
/// International Journal on Digital Libraries 3(2)):
/// `C(a) = log2|a| · f(a)` for a candidate never nested in a longer one, else
/// `C(a) = log2|a| · (f(a) − Σ_{b∈T_a} f(b) / |T_a|)`, with `T_a` the longer candidates containing `a`;
/// the score multiplies C-value by `log2(1 + number of articles)`. Acronyms defined in the text
/// (`Komisi Pemilihan Umum (KPU)`, `KPU (Komisi Pemilihan Umum)`) become candidates with their
/// expansion whatever their frequency; other acronyms in capitals score by frequency
/// (`log2(1 + 1) · f`) unless they are Roman numerals or the word also occurs not in capitals (capitals for emphasis or
/// datelines: *JAKARTA*).
/// Phrases that begin or end with a word of time, order or quantity (*tahun lalu*) are not
/// candidates. Candidates the glossary already covers — every word inside a glossary hit, or a hit
/// first and only capitalised names after it — are left out.
public struct TermExtractor: Sendable {
    public struct Options: Sendable {
        /// Minimum occurrences across the articles (acronym definitions are exempt).
        public var minFrequency = 2
        public var maxWords = 6
        /// Example sentences per candidate.
        public var examples = 2
        /// At most this many candidates (nil: all).
        public var limit: Int?
        public init() {}
    }

    public let known: TermMatcher?
    public let options: Options

    public init(known: TermMatcher?, options: Options = Options()) {
        self.known = known
        self.options = options
    }

    struct Stats {
        var frequency = 0
        var documents = Set<Int>()
        var surfaces: [String: Int] = [:]
        var initialSurfaces: [String: Int] = [:]
        var examples: [(doc: Int, sentence: String)] = []
        var words = 0
    }

    static func key(_ words: [String]) -> String {
        words.map { TermMatcher.isAcronym($0) ? $0 : $0.lowercased() }.joined(separator: " ")
    }

    static func isCapitalised(_ w: String) -> Bool { w.first?.isUppercase ?? false }

    /// Words of time, order and quantity that begin or end phrases but not terms (*tahun lalu*,
    /// *pertama kali*, *sekitar pukul*).
    static let edgeWords: Set<String> = [
        "tahun", "bulan", "hari", "minggu", "pekan", "jam", "pukul", "waktu", "kali", "saat", "lalu", "depan",
        "terakhir", "pertama", "kedua", "ketiga", "keempat", "kelima", "sekitar", "hampir", "lebih", "kurang",
        "sejumlah", "berbagai", "para", "beberapa", "seluruh", "semua", "setiap", "tiap", "sebuah", "seorang",
        "sekali", "lagi", "masih", "baru", "lama", "dekat", "ujar", "kata", "ungkap", "jelas", "tambah", "menurut",
        "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "januari", "februari", "maret", "april",
        "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember", "pagi", "siang", "sore",
        "malam", "kemarin", "besok", "nanti", "kini", "sekarang", "tersebut", "tadi", "orang", "persen", "rupiah",
    ]

    /// Candidates from articles, each given as its sentences (headline first), best first.
    public func extract(_ documents: [[String]]) -> [TermCandidate] {
        var stats: [String: Stats] = [:]
        var acronymStats: [String: Stats] = [:]
        var definitions: [String: (expansion: [String], acronym: String)] = [:]  // by expansion key
        var lowercaseWords = Set<String>()  // words seen not all in capitals: their capitals are emphasis
        let stop = Stopwords.indonesian

        func note(_ s: inout Stats, surface: String, initial: Bool, doc: Int, sentence: String) {
            s.frequency += 1
            s.documents.insert(doc)
            if initial { s.initialSurfaces[surface, default: 0] += 1 } else { s.surfaces[surface, default: 0] += 1 }
            if s.examples.count < options.examples * 4, !s.examples.contains(where: { $0.sentence == sentence }) {
                s.examples.append((doc, sentence))
            }
        }

        for (d, sentences) in documents.enumerated() {
            for sentence in sentences {
                let tokens = WordScanner().tokens(sentence)
                // Chunks of content words.
                var chunks: [[(text: String, index: Int)]] = [[]]
                for (i, t) in tokens.enumerated() {
                    if t.isWord, !TermMatcher.isAcronym(t.text) { lowercaseWords.insert(t.lower) }
                    let hasLetter = t.text.contains { $0.isLetter }
                    if !t.isWord || !hasLetter || stop.contains(t.lower) {
                        if !chunks[chunks.count - 1].isEmpty { chunks.append([]) }
                        continue
                    }
                    chunks[chunks.count - 1].append((t.text, i))
                }
                for chunk in chunks where !chunk.isEmpty {
                    for start in chunk.indices {
                        for n in 2...max(2, options.maxWords) where start + n <= chunk.count {
                            let words = chunk[start..<(start + n)].map(\.text)
                            guard Self.looksLikeNounPhrase(words) else { continue }
                            let surface = words.joined(separator: " ")
                            note(&stats[Self.key(words), default: Stats(words: n)], surface: surface,
                                 initial: chunk[start].index == 0, doc: d, sentence: sentence)
                        }
                    }
                    for w in chunk where TermMatcher.isAcronym(w.text) && w.text.count <= 10 && !Self.isRomanNumeral(w.text) {
                        note(&acronymStats[w.text, default: Stats(words: 1)], surface: w.text, initial: false, doc: d,
                             sentence: sentence)
                    }
                }
                for def in Self.acronymDefinitions(tokens) {
                    let k = Self.key(def.expansion)
                    if definitions[k] == nil { definitions[k] = def }
                    if stats[k] == nil {
                        var s = Stats(words: def.expansion.count)
                        note(&s, surface: def.expansion.joined(separator: " "), initial: false, doc: d, sentence: sentence)
                        stats[k] = s
                    }
                }
            }
        }

        // C-value over the n-gram candidates.
        var nestedIn: [String: (count: Int, sum: Int)] = [:]
        for (k, s) in stats where s.words > 2 {
            let words = k.split(separator: " ").map(String.init)
            var subs = Set<String>()
            for n in 2..<words.count {
                for i in 0...(words.count - n) { subs.insert(words[i..<(i + n)].joined(separator: " ")) }
            }
            for sub in subs where stats[sub] != nil {
                nestedIn[sub, default: (0, 0)].count += 1
                nestedIn[sub, default: (0, 0)].sum += s.frequency
            }
        }

        var out: [TermCandidate] = []
        var usedAcronyms = Set<String>()
        for (k, s) in stats {
            let definition = definitions[k]
            guard s.frequency >= options.minFrequency || definition != nil else { continue }
            let f = Double(s.frequency)
            var c = log2(Double(s.words)) * f
            if let n = nestedIn[k], n.count > 0 { c = log2(Double(s.words)) * (f - Double(n.sum) / Double(n.count)) }
            guard c > 0 || definition != nil else { continue }
            let term = Self.surface(s)
            if let definition, let known, known.match(definition.acronym).contains(where: { $0.text == definition.acronym }) {
                usedAcronyms.insert(definition.acronym)
                continue  // the glossary knows the acronym
            }
            guard !isKnown(term) else { continue }
            var variants: [String] = []
            var kind = TermCandidate.Kind.phrase
            var frequency = s.frequency
            var docs = s.documents
            if let definition {
                variants = [definition.acronym]
                kind = .acronym
                usedAcronyms.insert(definition.acronym)
                if let a = acronymStats[definition.acronym] { frequency += a.frequency; docs.formUnion(a.documents) }
                c = max(c, log2(Double(s.words)) * Double(frequency))
            }
            out.append(TermCandidate(term: term, variants: variants, kind: kind, frequency: frequency,
                                     documents: docs.count, cValue: c, score: c * log2(1 + Double(docs.count)),
                                     examples: Self.pickExamples(s.examples, options.examples), translation: nil,
                                     dice: nil, cooccurrences: nil))
        }
        for (a, s) in acronymStats where !usedAcronyms.contains(a) && s.frequency >= options.minFrequency
            && !lowercaseWords.contains(a.lowercased()) && !stop.contains(a.lowercased()) && !isKnown(a) {
            let c = Double(s.frequency)
            out.append(TermCandidate(term: a, variants: [], kind: .acronym, frequency: s.frequency, documents: s.documents.count,
                                     cValue: c, score: c * log2(1 + Double(s.documents.count)),
                                     examples: Self.pickExamples(s.examples, options.examples), translation: nil, dice: nil,
                                     cooccurrences: nil))
        }
        out.sort { ($0.score, $0.frequency, $1.term) > ($1.score, $1.frequency, $0.term) }
        if let limit = options.limit, out.count > limit { out = Array(out.prefix(limit)) }
        return out
    }

    /// Whether the glossary already covers a candidate: every word inside a hit, or a hit first and
    /// only capitalised names after it (a known title with a name: *Presiden Joko Widodo*).
    func isKnown(_ term: String) -> Bool {
        guard let known else { return false }
        let hits = known.match(term)
        guard !hits.isEmpty else { return false }
        let words = WordScanner().tokens(term).filter(\.isWord)
        func covered(_ w: WordScanner.Token) -> Bool { hits.contains { $0.start <= w.range.lowerBound && w.range.upperBound <= $0.end } }
        let outside = words.filter { !covered($0) }
        if outside.isEmpty { return true }
        guard let first = words.first, covered(first) else { return false }
        return outside.allSatisfy { Self.isCapitalised($0.text) }
    }

    /// Roman numerals in capitals (`II`, `XIV`) are not acronyms.
    static func isRomanNumeral(_ w: String) -> Bool { w.allSatisfy { "IVXLCDM".contains($0) } }

    static func surface(_ s: Stats) -> String {
        if let best = s.surfaces.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) { return best.key }
        let initial = s.initialSurfaces.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key ?? ""
        let words = initial.split(separator: " ")
        if words.count > 1, words.dropFirst().allSatisfy({ $0.first?.isLowercase ?? false }), !TermMatcher.isAcronym(String(words[0])) {
            return initial.prefix(1).lowercased() + initial.dropFirst()
        }
        return initial
    }

    static func pickExamples(_ xs: [(doc: Int, sentence: String)], _ n: Int) -> [String] {
        var out: [String] = [], docs = Set<Int>()
        for x in xs where out.count < n && docs.insert(x.doc).inserted { out.append(x.sentence) }
        for x in xs where out.count < n && !out.contains(x.sentence) { out.append(x.sentence) }
        return out
    }

    /// Noun-phrase shape: no lowercase word shaped like a `meN-`/`di-` verb, no `ber-` word first,
    /// words of two letters or more, and not a mix that starts lowercase and ends capitalised.
    static func looksLikeNounPhrase(_ words: [String]) -> Bool {
        guard words.count >= 2, words.allSatisfy({ $0.count >= 2 }) else { return false }
        let first = words[0].lowercased(), last = words[words.count - 1].lowercased()
        if edgeWords.contains(first) || edgeWords.contains(last) { return false }
        if EquivalentMiner.functionWords.contains(first) || EquivalentMiner.functionWords.contains(last) { return false }
        for (i, w) in words.enumerated() {
            let lower = w.lowercased()
            if !isCapitalised(w), IndonesianMorphology.looksLikeVerb(lower) { return false }
            if i == 0, !isCapitalised(w), lower.hasPrefix("ber") || lower.hasPrefix("ter") && lower.count > 6 && !lower.hasSuffix("a") {
                return false
            }
        }
        if !isCapitalised(words[0]), isCapitalised(words[words.count - 1]) { return false }
        return true
    }

    /// Acronym definitions in a sentence: capitalised words followed by `(ACR)`, or `ACR (words)`,
    /// where the acronym's letters occur in order in the expansion, starting with its first letter.
    static func acronymDefinitions(_ tokens: [WordScanner.Token]) -> [(expansion: [String], acronym: String)] {
        var out: [(expansion: [String], acronym: String)] = []
        func isAcronymLike(_ w: String) -> Bool {
            // `KPU`, `DPRD`, and word-like acronyms such as `Bawaslu`, `Polri`.
            let letters = w.filter(\.isLetter)
            guard (2...10).contains(letters.count), letters.first?.isUppercase == true else { return false }
            return letters.filter(\.isUppercase).count >= 2 || letters.count >= 3
        }
        let connectors: Set<String> = ["dan", "untuk", "dari", "atas", "di", "&"]
        for (i, t) in tokens.enumerated() where t.text == "(" {
            guard i + 2 < tokens.count, tokens[i + 2].text == ")" else {
                // ACR (Expansion words)
                if i > 0, TermMatcher.isAcronym(tokens[i - 1].text), let close = tokens[(i + 1)...].firstIndex(where: { $0.text == ")" }) {
                    let inner = tokens[(i + 1)..<close]
                    if inner.count >= 2, inner.count <= 10, inner.allSatisfy({ $0.isWord }),
                       let exp = bestExpansion(inner.map(\.text), for: tokens[i - 1].text, anchoredAtStart: true) {
                        out.append((exp, tokens[i - 1].text))
                    }
                }
                continue
            }
            let acr = tokens[i + 1].text
            guard tokens[i + 1].isWord, isAcronymLike(acr) else { continue }
            // Capitalised run (connectors allowed inside) before the bracket.
            var j = i
            var run: [String] = []
            while j > 0 {
                let w = tokens[j - 1]
                guard w.isWord else { break }
                if isCapitalised(w.text) || (connectors.contains(w.lower) && !run.isEmpty) {
                    run.insert(w.text, at: 0); j -= 1
                } else { break }
            }
            while let f = run.first, connectors.contains(f.lowercased()) { run.removeFirst() }
            if run.count >= 2, let exp = bestExpansion(run, for: acr, anchoredAtStart: false) {
                out.append((exp, acr))
            }
        }
        return out
    }

    /// The suffix (or prefix, when anchored at the start) of `words` that best spells `acronym`.
    /// The acronym's letters must occur in order through the words, starting in the first word,
    /// with every word giving at least one letter (Indonesian acronyms take initials, as in *KPU*,
    /// or syllables, as in *Bawaslu* and *Gakkumdu*); among the spans that qualify, the one whose
    /// word initials spell most of the acronym wins.
    static func bestExpansion(_ words: [String], for acronym: String, anchoredAtStart: Bool) -> [String]? {
        let letters = Array(acronym.lowercased().filter(\.isLetter))
        guard !letters.isEmpty, words.count >= 2 else { return nil }
        var best: (words: [String], score: Int)?
        let spans: [Range<Int>] = anchoredAtStart
            ? (2...words.count).map { 0..<$0 }
            : (0..<(words.count - 1)).map { $0..<words.count }
        for span in spans {
            let ws = Array(words[span])
            guard ws.count >= 2, ws.count <= letters.count + 3 else { continue }
            let parts = ws.flatMap { $0.split(separator: "-").map { String($0).lowercased() } }
            var li = 0, initials = 0
            var everyPartGives = true
            for p in parts {
                var gave = false
                for (k, ch) in p.enumerated() where li < letters.count && ch == letters[li] {
                    if k == 0 { initials += 1 }
                    li += 1
                    gave = true
                }
                if !gave { everyPartGives = false; break }
            }
            guard everyPartGives, li == letters.count else { continue }
            let score = initials * 2 - (parts.count - initials)
            if best == nil || score > best!.score { best = (ws, score) }
        }
        return best?.words
    }
}
