import SelarasCore
import SelarasText

/// Finds glossary terms in text.
///
/// Foundation version: terms and variants match as whole token sequences, ignoring case; a term in
/// capitals of two or more letters (an acronym) matches only in capitals. Longest match first; hits
/// do not overlap.
public struct TermMatcher: Sendable {
    struct Form: Sendable {
        var tokens: [String]
        var entry: Int
        var acronym: Bool
    }
    private let entries: [(GlossaryEntry, String)]
    private let forms: [String: [Form]]  // keyed by the first token

    public init(glossaries: [Glossary]) {
        var entries: [(GlossaryEntry, String)] = []
        var forms: [String: [Form]] = [:]
        let tokenizer = Tokenizer()
        for g in glossaries {
            for e in g.entries {
                let idx = entries.count
                entries.append((e, g.origin))
                for f in [e.term] + e.variants {
                    let acronym = f.count >= 2 && f.allSatisfy { $0.isUppercase || $0.isNumber }
                    let toks = tokenizer.tokenize(f).map { acronym ? $0.text : TextNormalizer.matchKey($0.text) }
                    guard let first = toks.first else { continue }
                    forms[first, default: []].append(Form(tokens: toks, entry: idx, acronym: acronym))
                }
            }
        }
        for k in forms.keys { forms[k]!.sort { $0.tokens.count > $1.tokens.count } }
        self.entries = entries
        self.forms = forms
    }

    /// The hits in `text`, in order of position.
    public func match(_ text: String) -> [TermHit] {
        let toks = Tokenizer().tokenize(text)
        let keys = toks.map { TextNormalizer.matchKey($0.text) }
        var hits: [TermHit] = []
        var i = 0
        while i < toks.count {
            var found: (Form, Int)?
            for key in [toks[i].text, keys[i]] {
                for f in forms[key] ?? [] where i + f.tokens.count <= toks.count {
                    let ok = (0..<f.tokens.count).allSatisfy { k in
                        f.acronym ? toks[i + k].text == f.tokens[k] : keys[i + k] == f.tokens[k]
                    }
                    if ok, found == nil || f.tokens.count > found!.1 { found = (f, f.tokens.count) }
                }
            }
            if let (f, n) = found {
                let (e, origin) = entries[f.entry]
                let start = toks[i].range.lowerBound, end = toks[i + n - 1].range.upperBound
                hits.append(TermHit(term: e.term, start: start, end: end, text: text.codePointSlice(start..<end),
                                    translations: e.translations, forbidden: e.forbidden,
                                    kind: f.acronym ? .acronym : .exact, origin: origin))
                i += n
            } else {
                i += 1
            }
        }
        return hits
    }
}
