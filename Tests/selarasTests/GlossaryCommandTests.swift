import Foundation
import XCTest

/// `selaras glossary`: match's JSON lines, lint's exit status and findings, convert's round trip.
final class GlossaryCommandTests: CLITestCase {
    static let glossary = """
        # test glossary (OmegaT: source, target, comment)
        Dewan Perwakilan Rakyat\tHouse of Representatives\tDPR
        DPR\tHouse of Representatives\tDewan Perwakilan Rakyat
        Menteri\tminister
        Kementerian\tministry
        gencatan senjata\tceasefire

        """

    func testMatchJSONLines() throws {
        try write("g.txt", Self.glossary)
        let input = #"{"id":"a","text":"DPR dan para menterinya membahas gencatan senjata di Kementerian Luar Negeri."}"# + "\n"
            + #"{"id":"b","text":"Situs dpr.go.id sedang diperbaiki."}"# + "\n"
        let r = try selaras(["glossary", "match", "--glossary", "g.txt", "--jsonl"], stdin: input)
        XCTAssertEqual(r.status, 0, r.stderr)
        let out = try r.stdout.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertEqual(out.map { $0["id"] as? String }, ["a", "b"])
        let terms = try XCTUnwrap(out[0]["terms"] as? [[String: Any]])
        XCTAssertEqual(terms.map { $0["term"] as? String }, ["DPR", "Menteri", "gencatan senjata", "Kementerian"],
                       "terms as written in the glossary; Kementerian is not Menteri")
        XCTAssertEqual(terms.map { $0["text"] as? String }, ["DPR", "menterinya", "gencatan senjata", "Kementerian"])
        XCTAssertEqual(terms.map { $0["kind"] as? String }, ["acronym", "inflected", "exact", "exact"])
        XCTAssertEqual(terms[0]["start"] as? Int, 0)
        XCTAssertEqual(terms[0]["end"] as? Int, 3)
        XCTAssertEqual(terms[2]["translations"] as? [String], ["ceasefire"])
        XCTAssertEqual((out[1]["terms"] as? [Any])?.count, 0, "acronyms match only in capitals")
    }

    func testLintExitsOneOnErrorsWithFileAndLine() throws {
        try write("good.txt", Self.glossary)
        var r = try selaras(["glossary", "lint", "good.txt"])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)

        try write("bad.txt", "pemilu\telection\npemilu\telection\nsah\tsah\nkabinet \tcabinet\n")
        r = try selaras(["glossary", "lint", "bad.txt"])
        XCTAssertEqual(r.status, 1)
        let all = r.stdout + r.stderr
        XCTAssertTrue(all.contains("bad.txt:2: error[GLO120]: duplicate of line 1"), all)
        XCTAssertTrue(all.contains("bad.txt:3: error[GLO"), all)
        XCTAssertTrue(all.contains("bad.txt:4: warning[GLO"), all)
    }

    func testConvertThroughTBXKeepsTheEntries() throws {
        try write("g.txt", Self.glossary)
        var r = try selaras(["glossary", "convert", "g.txt", "g.tbx"])
        XCTAssertEqual(r.status, 0, r.stderr)
        r = try selaras(["glossary", "convert", "g.tbx", "back.tsv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        r = try selaras(["glossary", "list", "back.tsv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for line in ["Dewan Perwakilan Rakyat → House of Representatives", "Kementerian → ministry", "gencatan senjata → ceasefire"] {
            XCTAssertTrue(r.stdout.contains(line), r.stdout)
        }
        XCTAssertTrue(r.stdout.contains("5 entries") || r.stderr.contains("5 entries"), r.stdout + r.stderr)
    }
}
