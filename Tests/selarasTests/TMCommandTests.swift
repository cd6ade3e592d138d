import Foundation
import XCTest

/// `selaras tm`: import's exit status and problem reports, the store's refresh, lookup's JSON lines
/// (with repair and penalties), stats and export.
final class TMCommandTests: CLITestCase {
    /// Units 1, 2 and 5 load (5 after its ESC is removed); 3 has no English, 4 is not closed.
    static let damaged = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
        <header creationtool="test" creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" srclang="id" o-tmf="test"/>
        <body>
        <tu tuid="1"><tuv xml:lang="id"><seg>Presiden membuka sidang kabinet di Jakarta.</seg></tuv><tuv xml:lang="en"><seg>The President opened the cabinet meeting in Jakarta.</seg></tuv></tu>
        <tu tuid="2"><tuv xml:lang="id"><seg>Anggaran naik 3,5 persen menjadi Rp2,1 triliun.</seg></tuv><tuv xml:lang="en"><seg>The budget rose 3.5 percent to Rp2.1 trillion.</seg></tuv></tu>
        <tu tuid="3"><tuv xml:lang="id"><seg>Tanpa terjemahan.</seg></tuv></tu>
        <tu tuid="4"><tuv xml:lang="id"><seg>Kabar</seg>
        <tu tuid="5"><tuv xml:lang="id"><seg>DPR menggelar rapat.\u{1B}</seg></tuv><tuv xml:lang="en"><seg>The House held a meeting.</seg></tuv></tu>
        </body>
        </tmx>

        """

    func testImportReportsEachProblemWithFileAndLineAndExits1() throws {
        try write("tm.tmx", Self.damaged)
        let r = try selaras(["tm", "import", "tm.tmx", "--store", "s.sqlite"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("tm.tmx:7: warning[TMX003]: (tuid 3)") && r.stderr.contains("[skipped]"), r.stderr)
        XCTAssertTrue(r.stderr.contains("tm.tmx:8: warning[TMX003]: (tuid 4)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("tm.tmx:9: warning[TMX004]: (tuid 5)") && r.stderr.contains("[repaired]"), r.stderr)
        XCTAssertTrue(r.stderr.contains("3 units"), r.stderr)

        let again = try selaras(["tm", "import", "tm.tmx", "--store", "s.sqlite"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("unchanged"), "an unchanged file is not read again: \(again.stderr)")

        let stats = try selaras(["tm", "stats", "--store", "s.sqlite"])
        XCTAssertEqual(stats.status, 0, stats.stderr)
        XCTAssertTrue(stats.stdout.contains("units: 3"), stats.stdout)
    }

    func testCleanImportExits0() throws {
        try write("tm.tmx", Self.tmx)
        let r = try selaras(["tm", "import", "tm.tmx", "--store", "s.sqlite"])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func testLookupJSONLinesWithRepairAndPenalties() throws {
        try write("tm.tmx", Self.damaged)
        _ = try selaras(["tm", "import", "tm.tmx", "--store", "s.sqlite"])
        let input = #"{"id":"q1","text":"Anggaran naik 4,2 persen menjadi Rp3,7 triliun."}"# + "\n"
            + #"{"id":"q2","text":"Presiden membuka sidang kabinet di Jakarta."}"# + "\n"
            + #"{"id":"q3","text":"Tidak ada yang mirip sama sekali."}"# + "\n"
        let r = try selaras(["tm", "lookup", "--store", "s.sqlite", "--jsonl"], stdin: input)
        XCTAssertEqual(r.status, 0, r.stderr)
        let out = try r.stdout.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertEqual(out.map { $0["id"] as? String }, ["q1", "q2", "q3"])

        let repaired = try XCTUnwrap((out[0]["matches"] as? [[String: Any]])?.first)
        XCTAssertEqual(repaired["kind"] as? String, "repaired-fuzzy")
        XCTAssertEqual(repaired["repaired_target"] as? String, "The budget rose 4.2 percent to Rp3.7 trillion.")
        XCTAssertEqual(repaired["target"] as? String, "The budget rose 3.5 percent to Rp2.1 trillion.")
        XCTAssertEqual(repaired["origin"] as? String, "tm.tmx#2")
        let score = try XCTUnwrap(repaired["score"] as? Int)
        XCTAssertTrue((75..<100).contains(score), "\(score)")
        XCTAssertEqual((repaired["penalties"] as? [[String: Any]])?.count, 2, "one penalty per differing number")

        let exact = try XCTUnwrap((out[1]["matches"] as? [[String: Any]])?.first)
        XCTAssertEqual(exact["score"] as? Int, 100)
        XCTAssertEqual(exact["kind"] as? String, "exact")
        XCTAssertEqual((out[2]["matches"] as? [Any])?.count, 0)

        let none = try selaras(["tm", "lookup", "--store", "s.sqlite"])
        XCTAssertEqual(none.status, 2, "neither a sentence nor --jsonl")
    }

    func testExportWritesEveryUnitBack() throws {
        try write("tm.tmx", Self.damaged)
        _ = try selaras(["tm", "import", "tm.tmx", "--store", "s.sqlite"])
        let r = try selaras(["tm", "export", "--store", "s.sqlite", "--output", "out.tmx"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let text = try String(contentsOf: dir.appendingPathComponent("out.tmx"), encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: "<tu ").count - 1, 3)
        XCTAssertTrue(text.contains("DPR menggelar rapat.</seg>"), "the forbidden character is gone")
        let reimport = try selaras(["tm", "import", "out.tmx", "--store", "again.sqlite"])
        XCTAssertEqual(reimport.status, 0, "an exported TMX loads without problems: \(reimport.stderr)")
    }
}
