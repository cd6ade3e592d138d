import XCTest
@testable import SelarasSegmentation

/// The built-in English rules (Resources/english.srx) on sentences written for this test.
final class EnglishSegmenterTests: XCTestCase {
    func sentences(_ text: String) -> [String] { EnglishSegmenter().sentences(text) }

    func testTitlesInitialsAndAbbreviations() {
        XCTAssertNil(EnglishSegmenter.loadProblem)
        XCTAssertEqual(sentences("U.S. President George W. Bush met Mr. Smith at 9 a.m. on Jan. 13. He left at noon."),
                       ["U.S. President George W. Bush met Mr. Smith at 9 a.m. on Jan. 13.", "He left at noon."])
        XCTAssertEqual(sentences("Gen. Sudirman led the army. Lt. Col. Untung was arrested."),
                       ["Gen. Sudirman led the army.", "Lt. Col. Untung was arrested."])
        XCTAssertEqual(sentences("The bill is No. 5 on the list. Inflation was 3.5 percent."),
                       ["The bill is No. 5 on the list.", "Inflation was 3.5 percent."])
        XCTAssertEqual(sentences("J.R.R. Tolkien wrote it. PT Astra Co. Ltd. agreed."), ["J.R.R. Tolkien wrote it.", "PT Astra Co. Ltd. agreed."])
    }

    func testUSAtTheEndOfASentence() {
        XCTAssertEqual(sentences("Prices rose in the U.S. Then they fell. The U.N. Security Council met."),
                       ["Prices rose in the U.S.", "Then they fell.", "The U.N. Security Council met."])
    }

    func testQuotesAndLines() {
        XCTAssertEqual(sentences("\"We agreed,\" he said. \"Why?\" she asked. They left."),
                       ["\"We agreed,\" he said.", "\"Why?\" she asked.", "They left."])
        XCTAssertEqual(sentences("The minister said\nthe plan would go ahead.\n\nA new paragraph."),
                       ["The minister said\nthe plan would go ahead.", "A new paragraph."], "a wrapped line continues the sentence")
    }
}
