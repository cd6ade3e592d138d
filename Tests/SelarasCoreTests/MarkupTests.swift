import XCTest
@testable import SelarasCore

/// `Markup`: the escaping every writer uses (XML text and attributes, Markdown, TSV) and score format.
final class MarkupTests: XCTestCase {
    func testMarkupEscaping() {
        XCTAssertEqual(Markup.escapeText("a<b>&c\r\u{1}\u{FFFE}d"), "a&lt;b&gt;&amp;c&#13;d")
        XCTAssertEqual(Markup.escapeAttribute("\"x'\t\n"), "&quot;x&#39;&#9;&#10;")
        XCTAssertEqual(Markup.nmtoken("seg 1/é"), "seg_1__")
        XCTAssertEqual(Markup.escapeMarkdown("a|b*c\r\nd"), "a\\|b\\*c<br>d")
        XCTAssertEqual(Markup.score(87.0), "87")
        XCTAssertEqual(Markup.score(87.25), "87.3")
    }

    func testEscapingRoundTrips() {
        let s = "a\\b\tc\nd\re"
        XCTAssertEqual(Markup.escapeTSV(s), "a\\\\b\\tc\\nd\\re")
        XCTAssertEqual(Markup.unescapeTSV(Substring(Markup.escapeTSV(s))), s)
    }

    func testForbiddenCharactersAreDroppedEverywhere() {
        XCTAssertEqual(Markup.xmlSafe("a\u{1B}b\u{FFFF}c"), "abc")
        XCTAssertEqual(Markup.escapeAttribute("x\u{0}y"), "xy")
        XCTAssertEqual(Markup.escapeTSV("x\u{1}y"), "xy")
    }
}
