import SelarasText
import SelarasTestSupport
import XCTest

/// Arbitrary text (built from the characters the scanners care about, with a fixed seed) never
/// crashes the tokeniser, the placeable finders, the stemmer or clitic splitting, and tokens
/// always point at their own text.
final class RobustnessTests: XCTestCase {
    static let pieces = [
        "a", "Z", "1", "9", "0", ".", ",", ":", "/", "-", "'", "’", "\"", "“", "”", "(", ")", "[", " ", "\n", "\t",
        "%", "$", "€", "#", "@", "…", "é", "Ç", "\u{200B}", "\u{00A0}", "🎉", "Rp", "US$", "persen", "juta", "ribu",
        "triliun", "WIB", "pukul", "Kamis", "Februari", "Mei", "13/2", "19.30", "2.375.000", "3,5", "www.", ".com",
        "http://", "-nya", "ku", "meng", "ber", "di", "per", "kan", "an", "i", "am", "pm", "February", "percent",
    ]

    func testArbitraryText() {
        var rng = SplitMix64(seed: 20_250_213)
        let tokenizer = Tokenizer()
        let stemmer = IndonesianStemmer(lexicon: RootLexicon(words: ["ajar", "nyata", "kata", "a", "i"]))
        let fallback = IndonesianStemmer(lexicon: nil)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...30, using: &rng) { text += Self.pieces.randomElement(using: &rng)! }
            let scalars = Array(text.unicodeScalars)
            for token in tokenizer.tokenize(text) {
                XCTAssertEqual(String(String.UnicodeScalarView(scalars[token.range])), token.text, text)
                _ = stemmer.stem(token.text)
                _ = fallback.stem(token.text)
                _ = Clitics.split(token.text, lexicon: nil)
            }
            for p in PlaceableFinder.indonesian(in: text) + PlaceableFinder.english(in: text) {
                XCTAssertEqual(String(String.UnicodeScalarView(scalars[p.range])), p.text, text)
                XCTAssertFalse(p.english.isEmpty, text)
            }
            _ = TextNormalizer.matchKey(text)
        }
    }
}
