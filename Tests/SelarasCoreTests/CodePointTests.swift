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

    func testMatchKindOrder() {
        XCTAssertLessThan(MatchKind.exactWithContext, MatchKind.exact)
        XCTAssertLessThan(MatchKind.repairedFuzzy, MatchKind.fuzzy)
    }
}

final class CodePointSlicesTests: XCTestCase {
    func testSlicesEqualSingleSlices() {
        let s = "“Kami siap,” ujarnya. Café e\u{301} 🇮🇩 ok. Akhir."
        let ranges = [0..<21, 22..<37, 38..<44]
        XCTAssertEqual(s.codePointSlices(ranges), ranges.map { s.codePointSlice($0) })
        XCTAssertEqual(s.codePointSlices([]), [])
        XCTAssertEqual(s.codePointSlices([40..<100]), [s.codePointSlice(40..<100)])
    }
}
