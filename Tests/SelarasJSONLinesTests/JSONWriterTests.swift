import Foundation
import XCTest
@testable import SelarasJSONLines

final class JSONWriterTests: XCTestCase {
    func testCommasKeysAndNesting() {
        var w = JSONWriter()
        w.beginRecord(id: JSONID(number: 7))
        w.key("a"); w.beginArray(); w.int(1); w.number(2.5); w.bool(true); w.null(); w.endArray()
        w.key("b"); w.beginObject(); w.key("c"); w.string("d"); w.key("e"); w.strings(["x", "y"]); w.endObject()
        w.key("f"); w.beginArray(); w.endArray()
        w.endRecord()
        XCTAssertEqual(w.text, #"{"id":7,"a":[1,2.5,true,null],"b":{"c":"d","e":["x","y"]},"f":[]}"# + "\n")
    }

    func testStringsEscapeOnlyWhatJSONRequires() throws {
        var w = JSONWriter()
        w.string("a\"b\\c\n\t\u{1}/é😀\u{2028}")
        XCTAssertEqual(w.text, #""a\"b\\c\n\t\u0001/é😀"# + "\u{2028}\"")
        // And Foundation reads back the same string.
        let back = try JSONSerialization.jsonObject(with: Data(("[" + w.text + "]").utf8), options: []) as? [String]
        XCTAssertEqual(back, ["a\"b\\c\n\t\u{1}/é😀\u{2028}"])
    }

    func testIntegralNumbersHaveNoFraction() {
        var w = JSONWriter()
        w.beginArray(); w.number(75); w.number(62.5); w.number(-0.25); w.endArray()
        XCTAssertEqual(w.text, "[75,62.5,-0.25]")
    }

    func testRecordsAfterAResetStartClean() {
        var w = JSONWriter()
        w.beginRecord(id: JSONID(string: "a"))
        w.key("x")
        w.reset()
        w.bytes.removeAll()
        w.beginRecord(id: JSONID(string: "b"))
        w.endRecord()
        XCTAssertEqual(w.text, #"{"id":"b"}"# + "\n")
    }
}
