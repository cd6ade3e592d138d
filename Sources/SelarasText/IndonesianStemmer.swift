import Foundation

/// Reduces an Indonesian word to its root: `menyatakan` → `nyata`, `pemerintahan` → `perintah`,
/// `berbeda-beda` → `beda`, `bukunya` → `buku`.
///
/// Algorithm: Enhanced Confix Stripping (ECS) — J. Asian, H. E. Williams, S. M. M. Tahaghoghi
/// (2005), "Stemming Indonesian", ACSC; with the enhancements of A. Z. Arifin, I. P. A. K. Mahendra
/// and H. T. Ciptadi (2009), "Enhanced Confix Stripping Stemmer and Ants Algorithm for Classifying
/// News Document in Indonesian Language", ICTS — both refining B. Nazief and M. Adriani (1996),
/// "Confix-stripping: approach to stemming algorithm for Bahasa Indonesia". Particles (-lah, -kah,
/// -tah, -pun), then possessives (-ku, -mu, -nya), then derivational suffixes (-i, -kan, -an) are
/// removed, then up to three prefixes (di-, ke-, se-, and be-, te-, me-, pe- with their
/// disambiguation rules and recoding: men+V → n/t, mem+V → m/p, meng+V → ∅/k, meny+V → s/ny,
/// menge-/penge- before one-syllable roots), checking the root-word lexicon after every step;
/// confixes that Indonesian does not form (be-i, di-an, ke-i, ke-kan, me-an, se-i, se-kan, te-an)
/// are not stripped; words with a be-…-lah/-an, me-/di-/pe-/ter-…-i confix lose their prefix
/// first; when nothing is found, suffixes are restored one by one and prefixes tried again
/// (ECS's "loop pengembalian akhiran"). A word whose root cannot be found is returned unchanged
/// (lower-cased). Reduplicated words (`negara-negara`, `berbeda-beda`) stem to the shared root.
///
/// The lexicon is Debian's hunspell-id word list (`RootLexicon.system`). Its affix flags are used
/// as a check the published algorithm lacks: an entry without flags (a fragment such as `perin`,
/// `paja`, `urang`) is never the root of an affixed word, and a root reached by taking off -i, -kan
/// or -an must have a flag for that suffix in `id_ID.aff` (so `perbankan` is `bank`, not
/// `perban` + -kan, and `pemerintah` is `perintah`). Without the lexicon the stemmer
/// falls back to F. Z. Tala's (2003) rule-based stemmer ("A Study of Stemming Effects on
/// Information Retrieval in Bahasa Indonesia"), which needs no lexicon but is less precise, and
/// says so in `warning`.
///
/// Results are cached (the TM and summariser stem every token); the stemmer is a value that may
/// be shared between threads.
public struct IndonesianStemmer: Sendable {
    /// The root words consulted, or nil when running on rules alone.
    public let lexicon: RootLexicon?
    /// Why the stemmer runs on rules alone (Tala), when it does; nil with a lexicon.
    public let warning: String?
    private let cache: StemCache

    /// The stemmer over the system lexicon (`/usr/share/hunspell/id_ID.dic`), or the rule-based
    /// fallback when it is missing. Instances share one cache.
    public init() {
        let system = RootLexicon.system
        self.lexicon = system.lexicon
        self.warning = system.problem.map { "\($0); stemming with Tala's rule-based algorithm instead" }
        self.cache = StemCache.shared
    }

    /// A stemmer over `lexicon`; nil gives the rule-based (Tala) stemmer.
    public init(lexicon: RootLexicon?) {
        self.lexicon = lexicon
        self.warning = lexicon == nil ? "no root-word lexicon given; stemming with Tala's rule-based algorithm" : nil
        self.cache = StemCache()
    }

    /// "ECS" with a lexicon, "Tala" without.
    public var algorithm: String { lexicon == nil ? "Tala" : "ECS" }

    /// The root of `word` (lower-cased). Words with digits or other symbols come back lower-cased
    /// and otherwise unchanged.
    public func stem(_ word: String) -> String {
        if let hit = cache.get(word) { return hit }
        let lower = word.lowercased()
        let result: String
        if lower.count < 4 || !lower.allSatisfy({ $0.isLetter || $0 == "-" }) || lower.hasPrefix("-") || lower.hasSuffix("-") {
            result = lower
        } else if let lexicon {
            result = ConfixStripping(lexicon: lexicon).stem(lower)
        } else {
            result = TalaStemmer.stem(lower)
        }
        cache.set(word, result)
        return result
    }
}
