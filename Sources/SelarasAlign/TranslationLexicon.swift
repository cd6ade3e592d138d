import Foundation
import SelarasGlossary
import SelarasText

/// Which Indonesian words translate which English words, for the aligner: pairs of stems from a
/// bilingual dictionary (FreeDict), from glossary entries, and learned by IBM Model 1 from aligned
/// sentences (`IBMModel1`). Looked up by the keys of `AlignmentText`.
public struct TranslationLexicon: Sendable {
    /// Indonesian key → the English keys it translates to.
    private(set) var translations: [Int: Set<Int>] = [:]
    let text: AlignmentText

    public init(stemmer: IndonesianStemmer = IndonesianStemmer()) {
        text = AlignmentText(stemmer: stemmer)
    }

    /// The number of word pairs.
    public var count: Int { translations.values.reduce(0) { $0 + $1.count } }

    func contains(_ id: Int, _ en: Int) -> Bool { translations[id]?.contains(en) ?? false }

    /// Adds every pair of a content word of `indonesian` with a content word of `english` (both
    /// phrases of at most `maxWords` content words, so that a pair of long phrases adds no noise).
    public mutating func add(indonesian: String, english: String, maxWords: Int = 2) {
        let a = text.indonesian(indonesian).tokens.filter { $0.weight < 2 }
        let b = text.english(english).tokens.filter { $0.weight < 2 }
        guard !a.isEmpty, !b.isEmpty, a.count <= maxWords, b.count <= maxWords else { return }
        for x in a { for y in b { translations[x.key, default: []].insert(y.key) } }
    }

    /// Adds a FreeDict English–Indonesian dictionary (`FreeDictReader`).
    public mutating func addDictionary(_ entries: [(english: String, indonesian: [String])]) {
        for e in entries {
            for t in e.indonesian { add(indonesian: t, english: e.english, maxWords: 1) }
        }
    }

    /// Adds the glossaries' entries: each term and variant with each translation.
    public mutating func addGlossaries(_ glossaries: [Glossary]) {
        for g in glossaries {
            for e in g.entries {
                for term in [e.term] + e.variants {
                    for t in e.translations { add(indonesian: term, english: t, maxWords: 3) }
                }
            }
        }
    }

    /// Adds learned word pairs (hashes of keys).
    mutating func add(keys: [(Int, Int)]) {
        for (a, b) in keys { translations[a, default: []].insert(b) }
    }
}
