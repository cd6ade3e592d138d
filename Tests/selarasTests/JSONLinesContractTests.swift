import Foundation
import XCTest

/// The JSON-lines contract of ARCHITECTURE.md, the same for every `--jsonl` command: each id comes
/// back exactly as given (a number stays a number, a string's escapes stay as written), in input
/// order, and text with escapes, surrogate pairs and U+2028 arrives intact.
final class JSONLinesContractTests: CLITestCase {
    static let input = [
        #"{"id": 7, "text": "Presiden membuka sidang kabinet di Jakarta."}"#,
        #"{"id": "7", "text": "DPR \"menolak\" RUU itu.\nKetua KPU hadir."}"#,
        "{\"id\": \"a\\u00e9\\\"b\u{2028}\", \"text\": \"Emoji \\ud83d\\ude00 dan \\u2028 pemisah baris.\"}",
        #"{"id": -1.50, "text": "Menteri Luar Negeri bertemu mitra ASEAN."}"#,
    ].joined(separator: "\n") + "\n"

    /// The ids of the output lines as raw JSON text (the value after `"id":`).
    func rawIDs(_ stdout: String) -> [String] {
        stdout.split(separator: "\n").map { line in
            let afterKey = line.range(of: #"{"id":"#)!.upperBound
            var depth = 0, inString = false, escaped = false
            var end = afterKey
            for i in line[afterKey...].indices {
                let c = line[i]
                if inString {
                    if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                } else if c == "\"" { inString = true } else if c == "," && depth == 0 { end = i; break } else if c == "{" || c == "[" { depth += 1 }
                else if c == "}" || c == "]" { depth -= 1 }
            }
            return String(line[afterKey..<end])
        }
    }

    func check(_ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let r = try selaras(args, stdin: Self.input)
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        XCTAssertEqual(rawIDs(r.stdout), ["7", #""7""#, "\"a\\u00e9\\\"b\u{2028}\"", "-1.50"], r.stdout, file: file, line: line)
        return try r.stdout.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], file: file, line: line)
        }
    }

    func testSegment() throws {
        let out = try check(["segment", "--jsonl"])
        XCTAssertTrue(out[0]["id"] is NSNumber)
        XCTAssertEqual(out[1]["sentences"] as? [String], ["DPR \"menolak\" RUU itu.", "Ketua KPU hadir."])
        // U+2028 (LINE SEPARATOR) separates lines, as a line break does; the rest is exact.
        XCTAssertEqual(out[2]["sentences"] as? [String], ["Emoji 😀 dan", "pemisah baris."])
        XCTAssertEqual(out[2]["id"] as? String, "aé\"b\u{2028}")
    }

    func testSummarize() throws {
        let out = try check(["summarize", "--jsonl", "--sentences", "1"])
        XCTAssertEqual(out[1]["summary"] as? [String], ["DPR \"menolak\" RUU itu."])
        XCTAssertEqual(out[2]["summary"] as? [String], ["Emoji 😀 dan"])
    }

    func testTMLookup() throws {
        try write("tm.tmx", Self.tmx)
        let out = try check(["tm", "lookup", "--jsonl", "--tmx", "tm.tmx"])
        XCTAssertEqual((out[0]["matches"] as? [[String: Any]])?.first?["target"] as? String, "The President opened the cabinet meeting in Jakarta.")
    }

    func testGlossaryMatch() throws {
        try write("g.tsv", "DPR\tHouse of Representatives\nKPU\tGeneral Elections Commission\n")
        let out = try check(["glossary", "match", "--jsonl", "--glossary", "g.tsv"])
        XCTAssertEqual((out[1]["terms"] as? [[String: Any]])?.map { $0["text"] as? String }, ["DPR", "KPU"])
    }

    func testTranslate() throws {
        try write("tm.tmx", Self.tmx)
        // A command provider that copies each line: the TM fills the first sentence, the copy
        // gives the rest, and the checks call the copies untranslated.
        let out = try check(["translate", "--jsonl", "--tmx", "tm.tmx", "--provider", "command", "--command", "cat", "--no-cache"])
        XCTAssertEqual(out[0]["translation"] as? String, "The President opened the cabinet meeting in Jakarta.")
        XCTAssertEqual(out[0]["provenance"] as? String, "tm-exact")
        XCTAssertEqual(out[3]["provenance"] as? String, "mt")
        XCTAssertEqual(out[3]["translation"] as? String, "Menteri Luar Negeri bertemu mitra ASEAN.")
        XCTAssertEqual((out[3]["qa"] as? [[String: Any]])?.map { $0["check"] as? String }, ["untranslated"])
        XCTAssertEqual((out[0]["qa"] as? [Any])?.count, 0, "always a list")
    }

    func testTranslateWithAFailingProviderSaysWhy() throws {
        let r = try selaras(["translate", "--jsonl", "--provider", "command", "--command", "exit 3"], stdin: Self.input)
        XCTAssertEqual(r.status, 1, r.stderr)
        let lines = r.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        XCTAssertEqual(lines.count, 4)
        for l in lines {
            XCTAssertTrue(l["translation"] is NSNull, "\(l)")
            XCTAssertEqual(l["provenance"] as? String, "untranslated")
            XCTAssertTrue((l["origin"] as? String)?.contains("exit") == true, "\(l)")
        }
    }
}
