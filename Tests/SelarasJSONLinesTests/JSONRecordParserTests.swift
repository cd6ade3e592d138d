import Foundation
import SelarasCore
import SelarasTestSupport
import XCTest
@testable import SelarasJSONLines

final class JSONRecordParserTests: XCTestCase {
    /// Parses one line with `schema`; the id's JSON, the strings, and the repairs.
    func parse(_ line: String, schema: JSONRecordSchema = .text) throws -> (id: String?, strings: [String?], repairs: [Int]) {
        var parser = JSONRecordParser(schema: schema)
        let bytes = Array(line.utf8)
        return try bytes.withUnsafeBufferPointer { buf in
            try parser.parse(buf)
            let strings = schema.strings.indices.map { parser.string($0, in: buf) }
            return (parser.id.map { String(decoding: $0.json, as: UTF8.self) }, strings, parser.repairs)
        }
    }

    func failure(_ line: String, schema: JSONRecordSchema = .text) -> JSONRecordParser.Failure? {
        do {
            _ = try parse(line, schema: schema)
            return nil
        } catch {
            return error as? JSONRecordParser.Failure
        }
    }

    func testIdKeepsItsJSONTypeAndText() throws {
        XCTAssertEqual(try parse(#"{"id": 7, "text": "a"}"#).id, "7")
        XCTAssertEqual(try parse(#"{"id": "7", "text": "a"}"#).id, #""7""#)
        XCTAssertEqual(try parse(#"{"id": -1.50e+3, "text": "a"}"#).id, "-1.50e+3")
        XCTAssertEqual(try parse(#"{"id": "a\"b\u00e9", "text": "a"}"#).id, #""a\"b\u00e9""#)
        XCTAssertEqual(try parse(#"{"text": "a", "id": 0}"#).id, "0")
    }

    func testTextIsUnescapedExactly() throws {
        XCTAssertEqual(try parse(#"{"id":1,"text":"plain ASCII"}"#).strings, ["plain ASCII"])
        XCTAssertEqual(try parse(#"{"id":1,"text":"tab\there \"q\" back\\slash \/ \n"}"#).strings, ["tab\there \"q\" back\\slash / \n"])
        XCTAssertEqual(try parse(#"{"id":1,"text":"\ud83d\ude00 emoji"}"#).strings, ["😀 emoji"])
        XCTAssertEqual(try parse("{\"id\":1,\"text\":\"line\u{2028}sep para\u{2029}sep\"}").strings, ["line\u{2028}sep para\u{2029}sep"])
        XCTAssertEqual(try parse(#"{"id":1,"text":"\u2028 escaped"}"#).strings, ["\u{2028} escaped"])
        XCTAssertEqual(try parse(#"{"id":1,"text":"Dewan Perwakilan Rakyat – “DPR”"}"#).strings, ["Dewan Perwakilan Rakyat – “DPR”"])
    }

    func testLoneSurrogatesAndBadUTF8AreRepairedAndReported() throws {
        let r = try parse(#"{"id":1,"text":"a\ud800b"}"#)
        XCTAssertEqual(r.strings, ["a\u{FFFD}b"])
        XCTAssertEqual(r.repairs.count, 1)
        var bytes = Array(#"{"id":1,"text":"x"#.utf8) + [0xFF] + Array(#"y"}"#.utf8)
        var parser = JSONRecordParser(schema: .text)
        try bytes.withUnsafeMutableBufferPointer { buf in
            try parser.parse(UnsafeBufferPointer(buf))
            XCTAssertEqual(parser.string(0, in: UnsafeBufferPointer(buf)), "x\u{FFFD}y")
        }
        XCTAssertEqual(parser.repairs, [17])
        bytes.removeAll()
    }

    func testOtherFieldsAreCheckedAndSkipped() throws {
        XCTAssertEqual(try parse(#"{"id":1,"meta":{"a":[1,2,{"b":null}],"c":true},"text":"t","n":-0.5}"#).strings, ["t"])
        XCTAssertNotNil(failure(#"{"id":1,"meta":{"a":[1,2,}],"text":"t"}"#))
    }

    func testBadRecordsSayWhatAndWhere() {
        XCTAssertEqual(failure(#"["id", 1]"#)?.message, "expected '{' at the start of the record")
        XCTAssertEqual(failure(#"{"text":"t"}"#)?.message, "missing \"id\"")
        XCTAssertEqual(failure(#"{"id":1}"#)?.message, "missing \"text\"")
        XCTAssertEqual(failure(#"{"id":true,"text":"t"}"#)?.message, "\"id\" must be a string or a number")
        XCTAssertEqual(failure(#"{"id":1,"text":5}"#)?.message, "\"text\" must be a string")
        XCTAssertEqual(failure(#"{"id":01,"text":"t"}"#)?.message, "bad number (leading zero)")
        XCTAssertEqual(failure(#"{"id":1,"text":"t"} x"#)?.message, "unexpected text after the record")
        XCTAssertEqual(failure(#"{"id":1,"text":"t\q"}"#)?.message, #"bad escape '\q'"#)
        XCTAssertEqual(failure(#"{"id":1,"text":"t"#)?.message, "unterminated string")
        XCTAssertEqual(failure("{\"id\":1,\"text\":\"a\u{01}\"}")?.column, 17)
    }

    func testListsAndOptionalStrings() throws {
        let schema = JSONRecordSchema(strings: ["text", "previous"], stringLists: ["source"], required: ["source"], requiresID: false)
        var parser = JSONRecordParser(schema: schema)
        let bytes = Array(#"{"source":["Satu.","Dua \"x\"."],"previous":"p"}"#.utf8)
        try bytes.withUnsafeBufferPointer { buf in
            try parser.parse(buf)
            XCTAssertNil(parser.id)
            XCTAssertFalse(parser.has(0))
            XCTAssertEqual(parser.string(1, in: buf), "p")
            XCTAssertEqual(parser.strings(0), ["Satu.", "Dua \"x\"."])
        }
        // A single string stands for a list of one.
        try Array(#"{"source":"Satu."}"#.utf8).withUnsafeBufferPointer { buf in
            try parser.parse(buf)
            XCTAssertEqual(parser.strings(0), ["Satu."])
        }
    }

    func testKeepOtherStrings() throws {
        let schema = JSONRecordSchema(strings: ["text"], required: ["text"], requiresID: false, keepOtherStrings: true)
        var parser = JSONRecordParser(schema: schema)
        try Array(#"{"text":"t","source":"kantor","year":2024,"list":[1]}"#.utf8).withUnsafeBufferPointer { buf in
            try parser.parse(buf)
            XCTAssertEqual(parser.otherFields.map(\.key), ["source", "year"])
            XCTAssertEqual(parser.otherFields.map(\.value), ["kantor", "2024"])
        }
    }

    /// Differential fuzzing against Foundation's JSONSerialization: random records built from pieces
    /// that stress the parser (escapes, surrogate pairs, non-ASCII, nesting, numbers) and random byte
    /// mutations of them. Whenever Foundation reads a line as an object with a string "text" and a
    /// string or number "id", the parser must agree on the text; when the parser accepts a line,
    /// Foundation must accept it too (the parser is never more lenient).
    func testAgreesWithJSONSerializationOnFuzzedRecords() throws {
        var rng = SplitMix64(seed: 20261206)
        let pieces = ["a", "Jakarta", "é", "“kutip”", "😀", "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\u00e9", "\\ud83d\\ude00",
                      "\\u2028", " ", "0", "\u{2028}", "ṩ", "中文"]
        let values = ["1", "-2.5e3", "true", "null", "[1,[2,{\"k\":\"v\"}]]", "{\"a\":{}}", "\"s\"", "0.0"]
        var accepted = 0, compared = 0
        for round in 0..<4000 {
            var text = ""
            for _ in 0..<rng.next(upTo: 12) { text += pieces[rng.next(upTo: pieces.count)] }
            var fields = ["\"id\":" + (rng.next(upTo: 2) == 0 ? "\(rng.next(upTo: 1000))" : "\"r\(round)\""), "\"text\":\"\(text)\""]
            for _ in 0..<rng.next(upTo: 3) { fields.append("\"x\(rng.next(upTo: 9))\":" + values[rng.next(upTo: values.count)]) }
            fields.shuffle(using: &rng)
            var bytes = Array(("{" + fields.joined(separator: rng.next(upTo: 2) == 0 ? "," : " , ") + "}").utf8)
            if round % 3 == 1, !bytes.isEmpty {
                // Mutate: flip, drop or insert a byte.
                let at = rng.next(upTo: bytes.count)
                switch rng.next(upTo: 3) {
                case 0: bytes[at] ^= UInt8(1 << rng.next(upTo: 8))
                case 1: bytes.remove(at: at)
                default: bytes.insert(UInt8(rng.next(upTo: 256)), at: at)
                }
            }
            let foundation = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
            var parser = JSONRecordParser(schema: .text)
            let ours: String? = bytes.withUnsafeBufferPointer { buf in
                (try? parser.parse(buf)) != nil ? parser.string(0, in: buf) : nil
            }
            let validUTF8 = String(validating: bytes, as: UTF8.self) != nil
            if let ours {
                accepted += 1
                if validUTF8 && parser.repairs.isEmpty {
                    // A line the parser accepts is JSON Foundation reads too (when it is valid UTF-8).
                    XCTAssertNotNil(foundation, "accepted, but not JSON: \(String(decoding: bytes, as: UTF8.self))")
                }
                if let f = foundation?["text"] as? String, parser.repairs.isEmpty {
                    compared += 1
                    XCTAssertEqual(ours, f, String(decoding: bytes, as: UTF8.self))
                }
            } else if let f = foundation, f["text"] is String, f["id"] is String || f["id"] is NSNumber, validUTF8,
                      !(f["id"] is Bool) {
                // Foundation accepts what RFC 8259 forbids in some corners (for example leading zeros);
                // report only what a strict reader must accept.
                let line = String(decoding: bytes, as: UTF8.self)
                if !line.contains(#":0"#) && !line.contains(#"-0"#) {
                    XCTFail("rejected a valid record: \(line)")
                }
            }
        }
        XCTAssertGreaterThan(accepted, 2000)
        XCTAssertGreaterThan(compared, 2000)
    }
}
