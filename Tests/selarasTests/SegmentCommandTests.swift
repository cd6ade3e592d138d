import Foundation
import XCTest

/// `selaras segment`: one sentence per line, the JSON-lines contract of ARCHITECTURE.md, a user's SRX
/// file, and how bad input is reported.
final class SegmentCommandTests: CLITestCase {
    func testOneSentencePerLineWithBlankLinesBetweenParagraphs() throws {
        try write("a.txt", "Budi tinggal di Jl. Sudirman No. 5. Dia bekerja di DPR.\n\nPresiden tiba pukul 19.30 WIB. \"Kami siap,\" ujarnya.\n")
        let r = try selaras(["segment", "a.txt"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, """
            Budi tinggal di Jl. Sudirman No. 5.
            Dia bekerja di DPR.

            Presiden tiba pukul 19.30 WIB.
            "Kami siap," ujarnya.

            """)
    }

    func testJSONLinesKeepOrderAndNameBadLines() throws {
        let input = #"{"id":"x","text":"Dr. Budi datang. Dia pergi."}"# + "\n{bad\n" + #"{"id":"y","text":"Satu."}"# + "\n"
        let r = try selaras(["segment", "--jsonl"], stdin: input)
        XCTAssertEqual(r.status, 1, "a bad line makes the status 1")
        XCTAssertTrue(r.stderr.contains("<stdin>:2:"), r.stderr)
        let out = try r.stdout.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertEqual(out.map { $0["id"] as? String }, ["x", "y"])
        XCTAssertEqual(out[0]["sentences"] as? [String], ["Dr. Budi datang.", "Dia pergi."])
        XCTAssertEqual(out[1]["sentences"] as? [String], ["Satu."])
    }

    func testUsersSRXFileReplacesTheBuiltInRules() throws {
        try write("semicolon.srx", """
            <?xml version="1.0" encoding="UTF-8"?>
            <srx xmlns="http://www.lisa.org/srx20" version="2.0">
              <header segmentsubflows="yes" cascade="no"/>
              <body>
                <languagerules>
                  <languagerule languagerulename="semi">
                    <rule break="yes"><beforebreak>;</beforebreak><afterbreak>\\s</afterbreak></rule>
                  </languagerule>
                </languagerules>
                <maprules><languagemap languagepattern=".*" languagerulename="semi"/></maprules>
              </body>
            </srx>
            """)
        try write("a.txt", "Satu; dua. Tiga\n")
        let r = try selaras(["segment", "--rules", "semicolon.srx", "a.txt"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "Satu;\ndua. Tiga\n", "only the user's rule breaks")
    }

    func testBadInputIsNamed() throws {
        try write("bad.txt", Data([0x61, 0x62, 0xFF, 0x63, 0x2E, 0x20, 0x45, 0x66, 0x2E, 0x0A]))
        var r = try selaras(["segment", "bad.txt"])
        XCTAssertEqual(r.status, 0, "invalid UTF-8 is replaced with a warning")
        XCTAssertTrue(r.stderr.contains("bad.txt") && r.stderr.contains("byte offset 2"), r.stderr)
        XCTAssertEqual(r.stdout, "ab\u{FFFD}c.\nEf.\n")

        r = try selaras(["segment", "missing.txt"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("missing.txt"), r.stderr)

        try write("broken.srx", "<srx><bad")
        r = try selaras(["segment", "--rules", "broken.srx", "bad.txt"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("broken.srx:1:"), r.stderr)
    }
}
