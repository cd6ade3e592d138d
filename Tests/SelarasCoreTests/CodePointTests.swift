import XCTest
@testable import SelarasCore

final class CodePointTests: XCTestCase {
    func testSliceCountsScalarsNotGraphemes() {
        let s = "“Kami” e\u{301}tat 🇮🇩 ok"
        XCTAssertEqual(s.codePointSlice(0..<6), "“Kami”")
        // "é" written as e + combining accent is two scalars.
        XCTAssertEqual(s.codePointSlice(7..<9), "e\u{301}")
        XCTAssertEqual(s.codePointSlice(100..<200), "")
        XCTAssertEqual(s.codePointCount, s.unicodeScalars.count)
    }

    func testDocumentLayers() {
        var d = Document(article: Article(id: "a", paragraphs: [Paragraph("Teks.")]))
        XCTAssertEqual(d.layers, [.article])
        d.segments = []
        d.summary = Summary(method: "lead", sentences: [])
        XCTAssertEqual(d.layers, [.article, .segments, .summary])
    }

    func testMatchKindOrder() {
        XCTAssertLessThan(MatchKind.exactWithContext, MatchKind.exact)
        XCTAssertLessThan(MatchKind.repairedFuzzy, MatchKind.fuzzy)
    }
}
