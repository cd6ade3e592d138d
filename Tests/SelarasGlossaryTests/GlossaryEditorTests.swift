import SelarasCore
import XCTest
@testable import SelarasGlossary

final class GlossaryEditorTests: XCTestCase {
    let veto = GlossaryEntry(term: "hak veto", translations: ["veto power"], partOfSpeech: "noun", domain: "politics",
                             date: "2025-02-01")

    func testExtendedTSVKeepsBOMCommentsCRLFColumnOrderAndOrder() throws {
        let dir = Support.scratch()
        let text = "\u{FEFF}# kepala\r\nterm\ttranslations\tnote\tdomain\r\nsanksi\tsanction\t\tpolitics\r\n# tengah\r\nkudeta\tcoup\t\tmilitary\r\n"
        let url = Support.write(text, "g.tsv", in: dir)
        try GlossaryEditor.add(veto, to: url)
        XCTAssertEqual(Support.read(url), text + "hak veto\tveto power\t\tpolitics\r\n")
        XCTAssertThrowsError(try GlossaryEditor.add(veto, to: url)) { error in
            XCTAssertEqual((error as? Diagnostic)?.location?.line, 6)
        }
        var changed = veto
        changed.translations = ["right of veto"]
        XCTAssertEqual(try GlossaryEditor.add(changed, to: url, replace: true), .replaced(lines: [6]))
        XCTAssertTrue(Support.read(url).hasSuffix("hak veto\tright of veto\t\tpolitics\r\n"))
        XCTAssertEqual(try GlossaryEditor.remove(term: "SANKSI", from: url), .removed(lines: [3]))
        XCTAssertEqual(Support.read(url),
                       "\u{FEFF}# kepala\r\nterm\ttranslations\tnote\tdomain\r\n# tengah\r\nkudeta\tcoup\t\tmilitary\r\nhak veto\tright of veto\t\tpolitics\r\n")
        XCTAssertThrowsError(try GlossaryEditor.remove(term: "sanksi", from: url))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".selaras-tmp") }
        XCTAssertEqual(leftovers, [])
    }

    func testOmegaTRemovesAllRowsOfATermIncludingVariantRows() throws {
        let url = Support.write("# g\nDewan Perwakilan Rakyat\tHouse of Representatives\nDewan Perwakilan Rakyat\tparliament\nDPR\tHouse of Representatives\tvariant of Dewan Perwakilan Rakyat\nsanksi\tsanction\n",
                                "g.txt", in: Support.scratch())
        XCTAssertEqual(try GlossaryEditor.remove(term: "dewan perwakilan rakyat", from: url), .removed(lines: [2, 3, 4]))
        try GlossaryEditor.add(GlossaryEntry(term: "kudeta", variants: ["coup d'état"], translations: ["coup"], note: "n"), to: url)
        XCTAssertEqual(Support.read(url), "# g\nsanksi\tsanction\nkudeta\tcoup\tn\ncoup d'état\tcoup\tvariant of kudeta\n")
    }

    func testCSVMultiLineRecords() throws {
        let url = Support.write("term,translations,note\nsanksi,sanction,\"two\nlines\"\nkudeta,coup,\n", "g.csv", in: Support.scratch())
        XCTAssertEqual(try GlossaryEditor.remove(term: "sanksi", from: url), .removed(lines: [2, 3]))
        try GlossaryEditor.add(GlossaryEntry(term: "hak, veto", translations: ["veto"]), to: url)
        XCTAssertEqual(Support.read(url), "term,translations,note\nkudeta,coup,\n\"hak, veto\",veto,\n")
    }

    func testTBXKeepsCommentsAndStaysReadable() throws {
        for name in ["basic-v2.tbx", "basic-v3.tbx"] {
            let url = Support.scratch().appendingPathComponent(name)
            try FileManager.default.copyItem(at: Support.fixture("formats/\(name)"), to: url)
            let before = try Glossary.load(contentsOf: url).0.entries.map(\.term)
            try GlossaryEditor.add(veto, to: url)
            try GlossaryEditor.remove(term: before[0], from: url)
            let text = Support.read(url)
            XCTAssertTrue(text.contains("<!-- A TBX"), name)
            let after = try Glossary.load(contentsOf: url).0.entries
            XCTAssertEqual(after.map(\.term), Array(before.dropFirst()) + ["hak veto"], name)
            XCTAssertEqual(after.last?.withoutLine, veto.withoutLine, name)
        }
    }

    func testNewFileTakesTheFormatOfItsExtension() throws {
        let url = Support.scratch().appendingPathComponent("baru.tbx3")
        try GlossaryEditor.add(veto, to: url)
        XCTAssertEqual(try GlossaryFile.read(url).format, .tbx3)
        XCTAssertThrowsError(try GlossaryEditor.add(veto, to: Support.scratch().appendingPathComponent("x.docx")))
    }
}
