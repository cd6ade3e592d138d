import Foundation
import XCTest

/// `selaras align` and the TM maintenance commands as a user runs them, on texts written for the test.
final class AlignCommandTests: CLITestCase {
    let indonesian = """
        Presiden Joko Widodo membuka sidang kabinet di Jakarta pada Senin. Rapat membahas anggaran negara 2027 senilai Rp3.600 triliun.

        Menteri Keuangan Sri Mulyani hadir dalam rapat itu. Wartawan tidak diizinkan masuk.
        """
    let english = """
        President Joko Widodo opened a cabinet meeting in Jakarta on Monday. The meeting discussed the 2027 state budget \
        worth Rp3,600 trillion.

        Finance Minister Sri Mulyani attended the meeting.
        """

    func testJSONLinesPutsEverySentenceInOneBead() throws {
        let input = #"{"id": 7, "source": ["Presiden membuka sidang.", "Sidang berlangsung 3 jam.", "Wartawan dilarang masuk."], "target": ["The President opened the session.", "The session lasted 3 hours."]}"# + "\n"
            + #"{"id": "b", "source": [], "target": ["Only English."]}"# + "\n" + "not json\n"
        let r = try selaras(["align", "--jsonl", "--no-dictionary"], stdin: input)
        XCTAssertEqual(r.status, 1, "a bad line: " + r.stderr)
        XCTAssertTrue(r.stderr.contains("<stdin>:3"), r.stderr)
        let lines = r.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines[0]["id"] as? Int, 7)
        let beads = lines[0]["alignment"] as! [[[Int]]]
        XCTAssertEqual(beads, [[[0], [0]], [[1], [1]], [[2], []]])
        XCTAssertEqual((lines[0]["confidence"] as! [Double]).count, 3)
        XCTAssertEqual(lines[1]["alignment"] as! [[[Int]]], [[[], [0]]])
    }

    func testRawTextsToTMXAndReview() throws {
        try write("a.id.txt", indonesian)
        try write("a.en.txt", english)
        let r = try selaras(["align", "a.id.txt", "a.en.txt", "--output", "pairs.tmx", "--min-confidence", "0.5", "--review", "review.xlf"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("4 + 3 sentences"), r.stderr)
        let tmx = try String(contentsOf: dir.appendingPathComponent("pairs.tmx"), encoding: .utf8)
        XCTAssertTrue(tmx.contains("<seg>Menteri Keuangan Sri Mulyani hadir dalam rapat itu.</seg>"), tmx)
        XCTAssertTrue(tmx.contains("x-selaras-alignment-confidence"))
        let review = try String(contentsOf: dir.appendingPathComponent("review.xlf"), encoding: .utf8)
        XCTAssertFalse(review.contains("Menteri Keuangan"), "a sure pair is not for review")
        let tsv = try selaras(["align", "a.id.txt", "a.en.txt"])
        XCTAssertEqual(tsv.stdout.split(separator: "\n").first, "confidence\tsource\ttarget")
        XCTAssertTrue(tsv.stdout.contains("\tWartawan tidak diizinkan masuk.\t\n"), "the dropped sentence is listed: " + tsv.stdout)
        XCTAssertEqual(try selaras(["align", "a.id.txt"]).status, 2)
    }

    func testConcordanceRemoveDedupeAndExportFilter() throws {
        try write("tm.tmx", """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" srclang="id" o-tmf="t"/>
            <body>
            <tu tuid="1"><tuv xml:lang="id"><seg>Perundingan damai dilanjutkan di Jenewa.</seg></tuv><tuv xml:lang="en"><seg>Peace talks resumed in Geneva.</seg></tuv></tu>
            <tu tuid="2"><tuv xml:lang="id"><seg>Kedua pihak berunding selama dua hari.</seg></tuv><tuv xml:lang="en"><seg>The two sides negotiated for two days.</seg></tuv></tu>
            <tu tuid="3"><tuv xml:lang="id"><seg>Perundingan-perundingan damai itu gagal.</seg></tuv><tuv xml:lang="en"><seg>The peace talks failed.</seg></tuv></tu>
            <tu tuid="4"><tuv xml:lang="id"><seg>Perundingan damai dilanjutkan di Jenewa.</seg></tuv><tuv xml:lang="en"><seg>Peace talks resumed in Geneva.</seg></tuv></tu>
            <tu tuid="5"><tuv xml:lang="id"><seg>Kedua pihak berunding selama dua hari.</seg></tuv><tuv xml:lang="en"><seg>Both sides held talks for two days.</seg></tuv></tu>
            </body></tmx>
            """)
        XCTAssertEqual(try selaras(["tm", "import", "tm.tmx", "--store", "s.sqlite"]).status, 0)
        var r = try selaras(["tm", "concordance", "perundingan damai", "--store", "s.sqlite"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("3 units with \"perundingan damai\" in the sources"), r.stdout)
        XCTAssertTrue(r.stdout.contains("**Perundingan-perundingan damai** itu gagal."), r.stdout)
        r = try selaras(["tm", "concordance", "talk", "--target", "--store", "s.sqlite"])
        XCTAssertTrue(r.stdout.hasPrefix("4 units"), r.stdout)
        XCTAssertEqual(try selaras(["tm", "concordance", "gempa", "--store", "s.sqlite"]).status, 1, "nothing found")

        r = try selaras(["tm", "dedupe", "--store", "s.sqlite"])
        XCTAssertTrue(r.stderr.contains("1 duplicate removed, 1 source with conflicting targets"), r.stderr)
        XCTAssertTrue(r.stdout.contains("Kedua pihak berunding selama dua hari.\n  → The two sides negotiated for two days.\n  → Both sides held talks"), r.stdout)
        r = try selaras(["tm", "remove", "--store", "s.sqlite", "--filter", "target~failed"])
        XCTAssertTrue(r.stderr.contains("1 unit removed"), r.stderr)
        // The index follows: the removed unit is no longer found, by lookup or concordance.
        XCTAssertTrue(try selaras(["tm", "concordance", "perundingan damai", "--store", "s.sqlite"]).stdout.hasPrefix("1 unit "))
        r = try selaras(["tm", "export", "--store", "s.sqlite", "--output", "x.tmx", "--filter", "source~berunding"])
        XCTAssertTrue(r.stderr.contains("2 units written"), r.stderr)
        XCTAssertEqual(try selaras(["tm", "remove", "--store", "s.sqlite", "--filter", "colour=red"]).status, 2)
    }
}
