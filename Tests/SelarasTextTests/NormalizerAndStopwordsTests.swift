import SelarasText
import XCTest

final class TextNormalizerTests: XCTestCase {
    func testNFC() {
        let decomposed = "Jose\u{0301}"
        XCTAssertEqual(TextNormalizer.nfc(decomposed), "José")
        XCTAssertEqual(TextNormalizer.nfc(decomposed).unicodeScalars.count, 4)
    }

    func testMatchKeyFoldsVariantsButTheTextIsUntouched() {
        let shown = "“Kebijakan” Pemerintah\u{00A0}—\u{200B} ’23"
        let key = TextNormalizer.matchKey(shown)
        XCTAssertEqual(key, "\"kebijakan\" pemerintah - '23")
        XCTAssertEqual(shown, "“Kebijakan” Pemerintah\u{00A0}—\u{200B} ’23")
        XCTAssertEqual(TextNormalizer.matchKey("  Harga   naik\t\n"), "harga naik")
        XCTAssertEqual(TextNormalizer.matchKey("Ka\u{00AD}bar"), "kabar")
        XCTAssertEqual(TextNormalizer.matchKey("DPR–RI"), TextNormalizer.matchKey("dpr-ri"))
        XCTAssertEqual(TextNormalizer.matchKey("Jose\u{0301}"), TextNormalizer.matchKey("JOSÉ"))
    }
}

final class StopwordsTests: XCTestCase {
    func testStopwords() {
        XCTAssertGreaterThan(Stopwords.indonesian.count, 100)
        for w in ["yang", "dan", "di", "ke", "dari", "itu", "ini", "Yang", "tidak", "adalah"] {
            XCTAssertTrue(Stopwords.isStopword(w), w)
        }
        for w in ["pemerintah", "inflasi", "jakarta", "harga"] {
            XCTAssertFalse(Stopwords.isStopword(w), w)
        }
    }
}
