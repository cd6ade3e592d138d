import SelarasCore

/// Finds glossary terms in text, in their inflected forms but not in their derivations.
///
/// Every form of an entry (the term and each variant, plus the hyphen and space spellings of words
/// with a bound prefix or an inner hyphen, and of two words in capitals side by side: `DPR RI`,
/// `DPR-RI`) is compiled into a sequence of slots, one per token.
/// A text word fills a slot when it is the slot's word up to case, or an inflection the slot allows
/// (see `IndonesianMorphology`): clitics on the last word; reduplication of the first word of noun
/// and adjective terms; for verb terms, the other voice forms of the first word. The part of speech
/// comes from the entry's `pos` field; without one, a first word shaped like a `meN-`/`di-` verb makes
/// the term a verb (its noun inflections stay allowed). Words in capitals (`DPR`, `KPU`, `TNI-AD`)
/// match only in capitals; everything else ignores case and typographic variants of dashes and
/// apostrophes. Inside a hyphenated word that no form covers, a capitalised part (`anti-NATO`,
/// `Rusia-Ukraina`) or the part after a bound prefix (`pasca-pemilu`) is matched on its own.
///
/// An entry's `exceptions` are compiled like its forms; where one matches, that entry is not reported
/// inside it (`menahan diri` hides `menahan`, other entries there are still found).
///
/// Among overlapping candidates the longest span wins (then the most tokens, an uninflected match,
/// the entry's own term over a variant, the earlier entry — glossaries in the order given — and
/// the leftmost); hits never overlap. `TermHit.term` is the entry's term as written in its file,
/// offsets are code points. The matcher is immutable and safe to share between threads.
public struct TermMatcher: Sendable {
    struct Slot: Sendable {
        /// Accepted forms (lowercased, or as written for acronyms) → whether it is the written form.
        var keys: [String: Bool]
        var acronym: Bool
        var properNoun: Bool
        var literal: Bool
        var clitics: Bool
        var reduplication: Bool
    }

    struct Form: Sendable {
        var slots: [Slot]
        var entry: Int
        var isTerm: Bool
        var acronym: Bool
        /// One of the entry's exceptions: where it matches, the entry is not reported.
        var isException = false
    }

    struct Analysis {
        var lower: String
        var cased: String
        var clitic: Bool
        var redup: Bool
    }

    struct Candidate {
        var form: Int
        var start: Int
        var end: Int
        var tokens: Int
        var inflected: Bool
    }

    private let entries: [(entry: GlossaryEntry, origin: String)]
    private let forms: [Form]
    private let index: [String: [Int]]
    private let singleWordForms: [String: [Int]]

    /// The number of entries the matcher knows.
    public var entryCount: Int { entries.count }

    public init(glossaries: [Glossary]) {
        var entries: [(GlossaryEntry, String)] = []
        var forms: [Form] = []
        var index: [String: [Int]] = [:]
        var single: [String: [Int]] = [:]
        for g in glossaries {
            for e in g.entries {
                let idx = entries.count
                entries.append((e, g.origin))
                let texts = e.forms.enumerated().map { ($1, $0 == 0, false) } + e.exceptions.map { ($0, false, true) }
                for (text, isTerm, isException) in texts {
                    for var f in Self.compile(text, entry: e, index: idx, isTerm: isTerm) {
                        f.isException = isException
                        let fi = forms.count
                        forms.append(f)
                        for key in f.slots[0].keys.keys { index[key, default: []].append(fi) }
                        if f.slots.count == 1 {
                            for key in f.slots[0].keys.keys { single[key, default: []].append(fi) }
                        }
                    }
                }
            }
        }
        self.entries = entries
        self.forms = forms
        self.index = index
        self.singleWordForms = single
    }

    static func isAcronym(_ word: String) -> Bool {
        let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
    }

    /// The slot sequences of one written form (several when it has spelling variants).
    static func compile(_ text: String, entry: GlossaryEntry, index: Int, isTerm: Bool) -> [Form] {
        let tokens = WordScanner().tokens(text)
        guard !tokens.isEmpty else { return [] }
        // Spelling alternatives: replace one word at a time by its hyphen/space variants.
        var alternatives: [[(text: String, isWord: Bool)]] = [tokens.map { ($0.text, $0.isWord) }]
        for (k, t) in tokens.enumerated() where t.isWord {
            for variant in IndonesianMorphology.spellingVariants(t.text) where alternatives.count < 8 {
                var alt = tokens.map { ($0.text, $0.isWord) }
                alt.replaceSubrange(k...k, with: variant.map { ($0, true) })
                alternatives.append(alt)
            }
        }
        // Two words in capitals side by side are also written with a hyphen: `DPR RI`, `DPR-RI`.
        let base = tokens.map { ($0.text, $0.isWord) }
        for k in base.indices.dropLast() where alternatives.count < 8 {
            guard base[k].1, base[k + 1].1, isAcronym(base[k].0), isAcronym(base[k + 1].0) else { continue }
            var alt = base
            alt.replaceSubrange(k...(k + 1), with: [(base[k].0 + "-" + base[k + 1].0, true)])
            alternatives.append(alt)
        }
        let pos = PartOfSpeech(parsing: entry.partOfSpeech)
        return alternatives.compactMap { alt in
            let wordPositions = alt.indices.filter { alt[$0].isWord }
            guard let firstWord = wordPositions.first, let lastWord = wordPositions.last else { return nil }
            let head = alt[firstWord].text
            let headLower = head.lowercased()
            let verb: Bool
            switch pos {
            case .verb?: verb = !isAcronym(head)
            case nil: verb = !isAcronym(head) && firstWord == 0 && IndonesianMorphology.looksLikeVerb(headLower)
            default: verb = false
            }
            var slots: [Slot] = []
            var allAcronyms = true
            for (k, t) in alt.enumerated() {
                if !t.isWord {
                    slots.append(Slot(keys: [t.text: true], acronym: false, properNoun: false, literal: true,
                                      clitics: false, reduplication: false))
                    continue
                }
                let acronym = isAcronym(t.text)
                if !acronym { allAcronyms = false }
                let lower = t.text.lowercased()
                var keys: [String: Bool] = [acronym ? t.text : lower: true]
                if k == firstWord && verb {
                    var stems = IndonesianMorphology.stems(ofVerb: lower, allowTer: pos == .verb)
                    // A verb entry given as its bare stem (`caplok`, `sahkan`) is its own stem; not
                    // `ber-`/`ter-`/`se-`/`ke-`/`pe-` words, which take no voice prefix.
                    if stems.isEmpty, pos == .verb, lower.count >= 3,
                       !["ber", "ter", "se", "ke", "pe"].contains(where: { lower.hasPrefix($0) }) {
                        stems = [lower]
                    }
                    for stem in stems {
                        for f in IndonesianMorphology.voiceForms(ofStem: stem) where keys[f] == nil { keys[f] = false }
                    }
                }
                let properNoun = pos == .properNoun && (t.text.first?.isUppercase ?? false)
                slots.append(Slot(keys: keys, acronym: acronym, properNoun: properNoun, literal: false,
                                  clitics: k == lastWord, reduplication: k == firstWord && pos != .verb))
            }
            return Form(slots: slots, entry: index, isTerm: isTerm, acronym: allAcronyms)
        }
    }

    /// Clitic endings as bytes, longest first.
    static let cliticBytes: [[UInt8]] = IndonesianMorphology.cliticEndings.map { Array($0.utf8) }

    /// The readings of a text word: itself, without clitics, as a reduplication. Works on UTF-8
    /// bytes: the endings and the hyphen are ASCII, so cutting before them keeps characters whole.
    static func analyses(_ token: WordScanner.Token) -> [Analysis] {
        var out = [Analysis(lower: token.lower, cased: token.text, clitic: false, redup: false)]
        let lower = Array(token.lower.utf8)
        let casedBytes = Array(token.text.utf8)
        let cased = casedBytes.count == lower.count ? casedBytes : lower
        let hyphen = UInt8(ascii: "-")
        func string(_ b: ArraySlice<UInt8>) -> String { String(decoding: b, as: UTF8.self) }
        func redup(_ l: ArraySlice<UInt8>, _ c: ArraySlice<UInt8>, clitic: Bool) {
            guard let h = l.firstIndex(of: hyphen), h > l.startIndex else { return }
            let a = l[l.startIndex..<h], b = l[(h + 1)..<l.endIndex]
            guard !b.contains(hyphen), a.elementsEqual(b) else { return }
            out.append(Analysis(lower: string(a), cased: string(c[c.startIndex..<h]), clitic: clitic, redup: true))
        }
        let hasHyphen = lower.contains(hyphen)
        if hasHyphen { redup(lower[...], cased[...], clitic: false) }
        guard !IndonesianMorphology.falseClitics.contains(token.lower) else { return out }
        for ending in cliticBytes where lower.count > ending.count && lower.suffix(ending.count).elementsEqual(ending) {
            var n = lower.count - ending.count
            var afterHyphen = false
            if lower[n - 1] == hyphen { n -= 1; afterHyphen = true }
            guard n >= 2 else { continue }
            out.append(Analysis(lower: string(lower[0..<n]), cased: string(cased[0..<n]), clitic: true, redup: false))
            if hasHyphen && !afterHyphen { redup(lower[0..<n], cased[0..<n], clitic: true) }
        }
        return out
    }

    /// How a text word fills a slot: nil when it does not, else whether the fill is inflected.
    static func fill(_ slot: Slot, token: WordScanner.Token, analyses: [Analysis]) -> Bool? {
        if slot.literal { return !token.isWord && slot.keys[token.text] != nil ? false : nil }
        guard token.isWord else { return nil }
        var best: Bool?
        for a in analyses {
            if a.clitic && !slot.clitics { continue }
            if a.redup && !slot.reduplication { continue }
            guard let written = slot.keys[slot.acronym ? a.cased : a.lower] else { continue }
            if slot.properNoun, !(a.cased.first?.isUppercase ?? false) { continue }
            let inflected = !written || a.clitic || a.redup
            if !inflected { return false }
            best = true
        }
        return best
    }

    /// The hits in `text`, in order of position.
    public func match(_ text: String) -> [TermHit] {
        hits(text, overlapping: false)
    }

    /// Every occurrence of every entry, overlaps included (one per entry and span): for counting,
    /// where a term inside a longer one should count too.
    func allMatches(_ text: String) -> [TermHit] {
        hits(text, overlapping: true)
    }

    private func hits(_ text: String, overlapping: Bool) -> [TermHit] {
        let tokens = WordScanner().tokens(text)
        guard !tokens.isEmpty else { return [] }
        var analysisCache = [[Analysis]?](repeating: nil, count: tokens.count)
        func analyses(_ i: Int) -> [Analysis] {
            if let a = analysisCache[i] { return a }
            let a = tokens[i].isWord ? Self.analyses(tokens[i]) : []
            analysisCache[i] = a
            return a
        }
        var candidates: [Candidate] = []
        var starts: [Int] = []
        for i in tokens.indices {
            // Forms that may start here (few: a linear check removes repeats).
            starts.removeAll(keepingCapacity: true)
            func add(_ key: String) {
                guard let fs = index[key] else { return }
                for f in fs where !starts.contains(f) { starts.append(f) }
            }
            if tokens[i].isWord {
                for a in analyses(i) {
                    add(a.lower)
                    if a.cased != a.lower { add(a.cased) }
                }
            } else {
                add(tokens[i].text)
            }
            for fi in starts {
                let form = forms[fi]
                guard i + form.slots.count <= tokens.count else { continue }
                var inflected = false
                var ok = true
                for (k, slot) in form.slots.enumerated() {
                    guard let infl = Self.fill(slot, token: tokens[i + k], analyses: analyses(i + k)) else { ok = false; break }
                    inflected = inflected || infl
                }
                guard ok else { continue }
                candidates.append(Candidate(form: fi, start: tokens[i].range.lowerBound,
                                            end: tokens[i + form.slots.count - 1].range.upperBound,
                                            tokens: form.slots.count, inflected: inflected))
            }
        }
        // An entry's exception hides the entry's own candidates inside it (and nothing else).
        let exceptions = candidates.filter { forms[$0.form].isException }
        if !exceptions.isEmpty {
            candidates.removeAll { c in
                forms[c.form].isException || exceptions.contains { x in
                    forms[x.form].entry == forms[c.form].entry && x.start <= c.start && c.end <= x.end
                }
            }
        }
        var chosen = overlapping ? allOf(candidates) : select(candidates)
        // Parts of hyphenated words that no form covers.
        var extra: [Candidate] = []
        for t in tokens where t.isWord && t.text.utf8.contains(UInt8(ascii: "-")) {
            if chosen.contains(where: { $0.start < t.range.upperBound && t.range.lowerBound < $0.end }) { continue }
            if exceptions.contains(where: { $0.start < t.range.upperBound && t.range.lowerBound < $0.end }) { continue }
            var offset = t.range.lowerBound
            let parts = t.text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            let prefixed = IndonesianMorphology.boundPrefixes.contains(parts[0].lowercased())
            for (k, p) in parts.enumerated() {
                let len = p.unicodeScalars.count
                defer { offset += len + 1 }
                guard let first = p.first, len >= 2 else { continue }
                // A name (`anti-NATO`, `Rusia-Ukraina`) or the word after a bound prefix (`pasca-pemilu`).
                guard first.isUppercase || (prefixed && k > 0) else { continue }
                // Offsets are exact only when the word had no invisible characters.
                guard t.range.count == t.text.unicodeScalars.count else { continue }
                let sub = WordScanner.Token(text: p, lower: p.lowercased(), range: offset..<(offset + len), isWord: true)
                let subAnalyses = Self.analyses(sub)
                var seen = Set<Int>()
                for a in subAnalyses {
                    for key in Set([a.lower, a.cased]) {
                        for fi in singleWordForms[key] ?? [] where seen.insert(fi).inserted {
                            if let infl = Self.fill(forms[fi].slots[0], token: sub, analyses: subAnalyses) {
                                extra.append(Candidate(form: fi, start: sub.range.lowerBound, end: sub.range.upperBound,
                                                       tokens: 1, inflected: infl))
                            }
                        }
                    }
                }
            }
        }
        if !extra.isEmpty { chosen += select(extra) }
        chosen.sort { $0.start < $1.start }
        return chosen.map { c in
            let form = forms[c.form]
            let (e, origin) = entries[form.entry]
            return TermHit(term: e.term, start: c.start, end: c.end, text: text.codePointSlice(c.start..<c.end),
                           translations: e.translations, forbidden: e.forbidden,
                           kind: form.acronym ? .acronym : (c.inflected ? .inflected : .exact), origin: origin)
        }
    }

    /// The best candidate per entry and span.
    private func allOf(_ candidates: [Candidate]) -> [Candidate] {
        var best: [String: Candidate] = [:]
        for c in candidates {
            let key = "\(forms[c.form].entry):\(c.start):\(c.end)"
            if let b = best[key], !b.inflected || c.inflected { continue }
            best[key] = c
        }
        return Array(best.values)
    }

    /// Longest first, never overlapping.
    private func select(_ candidates: [Candidate]) -> [Candidate] {
        let ordered = candidates.sorted { a, b in
            let la = a.end - a.start, lb = b.end - b.start
            if la != lb { return la > lb }
            if a.tokens != b.tokens { return a.tokens > b.tokens }
            if a.inflected != b.inflected { return !a.inflected }
            let fa = forms[a.form], fb = forms[b.form]
            if fa.isTerm != fb.isTerm { return fa.isTerm }
            if fa.entry != fb.entry { return fa.entry < fb.entry }
            return a.start < b.start
        }
        var chosen: [Candidate] = []
        for c in ordered where !chosen.contains(where: { $0.start < c.end && c.start < $0.end }) {
            chosen.append(c)
        }
        return chosen
    }

    /// The entry behind a hit's form, for tools that need more than the hit carries.
    public func entry(forTerm term: String) -> GlossaryEntry? {
        entries.first { $0.entry.term == term }?.entry
    }
}
