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

    /// Each Indonesian placeable's `english` rendering, read back as English, is one placeable
    /// spanning it with a compatible value: what match repair relies on when it writes a new
    /// number into a translation (`PlaceableRoundTrip`, also the `placeable` fuzz target's
    /// oracle). Arbitrary text from number pieces, with a fixed seed. (The fuzz
    /// corpus gave 326,289 placeables to this check; it found the two cases of `testRenderings`.)
    func testEnglishRenderingsReadBack() {
        var rng = SplitMix64(seed: 20_261_207)
        let pieces = ["1", "22", "2.375", ".000", ",5", ",604", " ", " ribu", " rb", " juta", " miliar", " triliun",
                      " persen", "%", "Rp", "Rp ", "US$", "$", "€", "/", "11", "/2025", "/3026", "/25", "Kamis ",
                      "(", ")", " Februari", " 2025", " dolar AS", " rupiah", "pukul ", "19.30", " WIB", ", "]
        var checked = 0
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...12, using: &rng) { text += pieces.randomElement(using: &rng)! }
            checked += PlaceableFinder.indonesian(in: text).count
            XCTAssertNil(PlaceableRoundTrip.disagreement(in: text), text)
        }
        XCTAssertGreaterThan(checked, 3000)
    }

    func testRenderings() {
        // A thousands scale keeps every decimal (it was rounded to six through Decimal).
        let long = PlaceableFinder.indonesian(in: "$22,60444444444 rb")
        XCTAssertEqual(long.map(\.english), ["$22,604.44444444"])
        XCTAssertEqual(PlaceableFinder.indonesian(in: "1,5 ribu").map(\.english), ["1,500"])
        XCTAssertEqual(PlaceableFinder.indonesian(in: "1,250 ribu").map(\.english), ["1,250"])
        // A slash date's four-digit year is read in 1000–2999, as English dates are.
        let dates = PlaceableFinder.indonesian(in: "Kamis (26/11/3026) dan 26/11/2026")
        XCTAssertEqual(dates.map(\.english), ["26", "11", "3026", "26 November 2026"])
    }
}

