import Foundation
import SelarasText

/// A sentence as the aligner compares it: its length in characters and its content tokens, each
/// with a lexicon key (an Indonesian stem or an English stem), a surface key (the word in lower
/// case, for names, acronyms and loanwords written the same in both languages) and a weight.
struct AlignedSentence: Sendable {
    struct Token: Sendable, Hashable {
        var key: Int
        var surface: Int
        var weight: Float
    }

    let length: Int
    let tokens: [Token]
}

/// Turns sentences into `AlignedSentence`s: words split at anything that is not a letter, digit,
/// hyphen or apostrophe; numbers keyed by their digits alone (so `2.375.000` and `2,375,000`,
/// `3,5` and `3.5` meet); stopwords dropped; Indonesian words stemmed (`IndonesianStemmer`),
/// English words by `EnglishStemmer`.
struct AlignmentText: Sendable {
    let stemmer: IndonesianStemmer

    /// The hash of a key in a language (`i` Indonesian, `e` English, `#` numbers, `=` surfaces).
    static func hash(_ space: Character, _ text: String) -> Int {
        var h = Hasher()
        h.combine(space)
        h.combine(text)
        return h.finalize()
    }

    func indonesian(_ sentence: String) -> AlignedSentence {
        AlignedSentence(length: sentence.count, tokens: words(sentence).compactMap { w in
            token(w, space: "i", stopwords: Stopwords.indonesian) { stemmer.stem($0) }
        })
    }

    func english(_ sentence: String) -> AlignedSentence {
        AlignedSentence(length: sentence.count, tokens: words(sentence).compactMap { w in
            token(w, space: "e", stopwords: Self.englishStopwords) { EnglishStemmer.key($0) }
        })
    }

    func token(_ word: String, space: Character, stopwords: Set<String>, stem: (String) -> String) -> AlignedSentence.Token? {
        if word.contains(where: \.isNumber) {
            let digits = String(word.filter(\.isNumber))
            let h = Self.hash("#", digits)
            return .init(key: h, surface: h, weight: 2)
        }
        let lower = word.lowercased()
        guard lower.count > 1, !stopwords.contains(lower) else { return nil }
        let capital = word.first?.isUppercase == true
        return .init(key: Self.hash(space, stem(lower)), surface: Self.hash("=", lower), weight: capital ? 1.5 : 1)
    }

    /// Words: runs of letters and digits, with inner hyphens, apostrophes and number separators.
    func words(_ s: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(s)
        for (k, c) in chars.enumerated() {
            if c.isLetter || c.isNumber {
                current.append(c)
            } else if !current.isEmpty, k + 1 < chars.count, c == "-" || c == "'" || c == "’" || c == "." || c == ",",
                      chars[k + 1].isLetter || chars[k + 1].isNumber,
                      (c != "." && c != ",") || (current.last?.isNumber == true && chars[k + 1].isNumber) {
                if c == "-" {  // a hyphenated word counts as its parts (reduplication aside)
                    out.append(current)
                    current = ""
                } else {
                    current.append(c)
                }
            } else if !current.isEmpty {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// English function words (not content for alignment).
    static let englishStopwords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "into",
        "onto", "upon", "about", "over", "under", "after", "before", "since", "until", "while", "during", "between", "among",
        "through", "against", "without", "within", "than", "then", "that", "this", "these", "those", "there", "here", "which",
        "who", "whom", "whose", "what", "when", "where", "why", "how", "is", "are", "was", "were", "be", "been", "being", "am",
        "has", "have", "had", "having", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may",
        "might", "must", "it", "its", "it's", "he", "him", "his", "she", "her", "hers", "they", "them", "their", "theirs",
        "we", "us", "our", "ours", "you", "your", "yours", "i", "me", "my", "mine", "not", "no", "so", "if", "also", "very",
        "just", "only", "such", "some", "any", "all", "each", "both", "more", "most", "other", "another", "own", "same",
        "too", "up", "down", "out", "off", "again", "further", "once", "said", "says", "say", "told", "per", "via", "s",
    ]
}
