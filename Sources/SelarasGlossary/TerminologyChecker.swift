import SelarasCore
import SelarasText

/// Checks a translation for terminology: every glossary term found in the source must have one of
/// its translations in the target, and no forbidden translation of it may appear there.
///
/// Translations are looked for in the target as word sequences, ignoring case (words in capitals,
/// like *US* or *UN*, compare exactly), a leading article, hyphen or space between words
/// (*Secretary-General*, *Secretary General*), English inflection (plural and possessive *-s*, *-es*,
/// *-ies*, *-ed*, *-ing*, after the first step of Porter 1980, "An algorithm for suffix stripping";
/// common irregular past forms)
/// and British/American spelling (*defence*/*defense*, *-ise*/*-ize*, *-our*/*-or*, *-tre*/*-ter*,
/// *programme*/*program*). A forbidden rendering inside an accepted one is not reported.
public struct TerminologyChecker: Sendable {
    public struct Finding: Sendable, Hashable, CustomStringConvertible {
        public enum Kind: String, Sendable, Hashable, Codable { case missing, forbidden }
        public var kind: Kind
        /// The entry's term.
        public var term: String
        /// The term as found in the source.
        public var sourceText: String
        /// The accepted translations.
        public var translations: [String]
        /// The forbidden rendering found in the target (for `.forbidden`).
        public var found: String?

        public var description: String {
            let list = translations.map { "'\($0)'" }.joined(separator: ", ")
            switch kind {
            case .missing:
                return "missing: '\(term)' (source '\(sourceText)'): none of \(list) in the target"
            case .forbidden:
                return "forbidden: '\(term)' (source '\(sourceText)'): '\(found ?? "")' must not be used (use \(list))"
            }
        }
    }

    public struct Report: Sendable {
        public var hits: [TermHit]
        public var findings: [Finding]
        /// The segment had no target; nothing was checked.
        public var untranslated: Bool
    }

    public let matcher: TermMatcher

    public init(matcher: TermMatcher) {
        self.matcher = matcher
    }

    public func check(source: String, target: String?) -> Report {
        let hits = matcher.match(source)
        guard let target, !target.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return Report(hits: hits, findings: [], untranslated: true)
        }
        return Report(hits: hits, findings: Self.findings(for: hits, target: target), untranslated: false)
    }

    /// The findings for terms already found in a source (`hits`) against its `target`.
    public static func findings(for hits: [TermHit], target: String) -> [Finding] {
        let words = EnglishWords(target)
        var findings: [Finding] = []
        var seen = Set<String>()
        for hit in hits where seen.insert(hit.term).inserted {
            var accepted: [Range<Int>] = []
            for t in hit.translations { accepted += words.occurrences(of: t) }
            if accepted.isEmpty {
                findings.append(Finding(kind: .missing, term: hit.term, sourceText: hit.text, translations: hit.translations))
            }
            for f in hit.forbidden {
                for r in words.occurrences(of: f) where !accepted.contains(where: { $0.lowerBound <= r.lowerBound && r.upperBound <= $0.upperBound && $0 != r }) {
                    findings.append(Finding(kind: .forbidden, term: hit.term, sourceText: hit.text,
                                            translations: hit.translations, found: words.text(r)))
                    break
                }
            }
        }
        return findings
    }
}

/// English text as a sequence of comparison keys, for finding phrases.
struct EnglishWords {
    struct Word {
        var key: String
        var exact: String
        var acronym: Bool
        var range: Range<Int>
    }

    let text: String
    let words: [Word]

    init(_ text: String) {
        self.text = text
        words = Self.split(text)
    }

    /// Words (hyphenated words split into their parts) with their code-point ranges.
    static func split(_ text: String) -> [Word] {
        var out: [Word] = []
        for t in WordScanner().tokens(text) where t.isWord {
            var offset = t.range.lowerBound
            let exactOffsets = t.range.count == t.text.unicodeScalars.count
            for part in t.text.split(separator: "-", omittingEmptySubsequences: false) {
                let p = String(part)
                let len = p.unicodeScalars.count
                defer { offset += len + 1 }
                guard !p.isEmpty else { continue }
                let range = exactOffsets ? offset..<(offset + len) : t.range
                let bare = stripPossessive(p)
                out.append(Word(key: key(bare), exact: bare, acronym: TermMatcher.isAcronym(bare), range: range))
            }
        }
        return out
    }

    static func stripPossessive(_ w: String) -> String {
        for s in ["'s", "’s", "'", "’"] where w.hasSuffix(s) && w.count > s.count {
            return String(w.dropLast(s.count))
        }
        return w
    }


    /// The comparison key: lowercase, American spelling, inflection removed (`EnglishStemmer`).
    static func key(_ word: String) -> String { EnglishStemmer.key(word) }

    /// Word-index ranges where `phrase` occurs.
    func occurrences(of phrase: String) -> [Range<Int>] {
        var p = Self.split(phrase)
        while p.count > 1, ["the", "a", "an"].contains(p[0].exact.lowercased()) { p.removeFirst() }
        guard !p.isEmpty, p.count <= words.count else { return [] }
        var out: [Range<Int>] = []
        for i in 0...(words.count - p.count) {
            var ok = true
            for k in 0..<p.count {
                let w = words[i + k], q = p[k]
                if q.acronym ? w.exact != q.exact : w.key != q.key { ok = false; break }
            }
            if ok { out.append(i..<(i + p.count)) }
        }
        return out
    }

    /// The text of a word range.
    func text(_ r: Range<Int>) -> String {
        text.codePointSlice(words[r.lowerBound].range.lowerBound..<words[r.upperBound - 1].range.upperBound)
    }
}
