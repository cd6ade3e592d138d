import SelarasCore
import XCTest
@testable import SelarasGlossary

final class GlossaryFormatTests: XCTestCase {
    func entries(_ url: URL) throws -> [GlossaryEntry] {
        let (g, issues) = try Glossary.load(contentsOf: url)
        XCTAssertEqual(issues.filter { $0.severity == .error }, [], "\(url.lastPathComponent)")
        return g.entries.map(\.withoutLine)
    }

    func testFullModelRoundTripsThroughTSVCSVAndBothTBXVersions() throws {
        let dir = Support.scratch()
        let g = Glossary(entries: Support.sample, origin: "sample")
        for (name, format) in [("g.tsv", GlossaryFormat.tsv), ("g.csv", .csv), ("g.tbx", .tbx2), ("g.tbx3", .tbx3)] {
            let url = dir.appendingPathComponent(name)
            try g.write(to: url)
            let file = try GlossaryFile.read(url)
            XCTAssertEqual(file.format, format, name)
            XCTAssertEqual(try entries(url), Support.sample.map(\.withoutLine), name)
        }
    }

    func testNtigOutputRoundTrips() throws {
        let url = Support.scratch().appendingPathComponent("n.tbx")
        try Glossary(entries: Support.sample, origin: "sample").write(to: url, ntig: true)
        let text = Support.read(url)
        XCTAssertTrue(text.contains("<ntig>") && text.contains("<termGrp>") && !text.contains("<tig>"))
        XCTAssertEqual(try entries(url), Support.sample.map(\.withoutLine))
    }

    func testOmegaTKeepsTermsTranslationsVariantsAndNotes() throws {
        let dir = Support.scratch()
        let url = dir.appendingPathComponent("g.txt")
        try Glossary(entries: Support.sample, origin: "sample").write(to: url)
        let back = try entries(url)
        XCTAssertEqual(back.map(\.term), Support.sample.map(\.term))
        XCTAssertEqual(back.map(\.translations), Support.sample.map(\.translations))
        XCTAssertEqual(back.map(\.variants), Support.sample.map(\.variants))
        XCTAssertEqual(back.map(\.note), Support.sample.map(\.note))
        XCTAssertEqual(Glossary(entries: Support.sample, origin: "").losses(in: .omegaT).count, 6)
    }

    func testOmegaTWithBOMCommentsCRLFAndRepeatedSources() throws {
        let dir = Support.scratch()
        let text = "\u{FEFF}# komentar\r\nDPR\tHouse of Representatives\tthe lower house\r\n\r\n# lagi\r\nDPR\tparliament\r\nsanksi\tsanction\r\nkosong\r\n"
        let url = Support.write(text, "g.utf8", in: dir)
        let file = try GlossaryFile.read(url)
        XCTAssertEqual(file.format, .omegaT)
        XCTAssertTrue(file.hasBOM)
        XCTAssertEqual(file.comments.map(\.line), [1, 4])
        let (g, issues) = try Glossary.load(contentsOf: url)
        XCTAssertEqual(g.entries.map(\.term), ["DPR", "sanksi"])
        XCTAssertEqual(g.entries[0].translations, ["House of Representatives", "parliament"])
        XCTAssertEqual(g.entries[0].note, "the lower house")
        XCTAssertEqual(g.entries[0].line, 2)
        XCTAssertEqual(issues.map(\.description), ["g.utf8:7: error[GLO002]: no translation for 'kosong'"])
    }

    func testCSVQuotingCommasQuotesAndLineBreaks() throws {
        let dir = Support.scratch()
        let e = GlossaryEntry(term: "hak, veto", translations: ["\"veto\" right", "veto power"],
                              note: "two\nlines, and \"quotes\"", date: "2025-01-01")
        let url = dir.appendingPathComponent("q.csv")
        try Glossary(entries: [e, Support.sample[1]], origin: "").write(to: url)
        let text = Support.read(url)
        XCTAssertTrue(text.contains("\"hak, veto\""))
        XCTAssertTrue(text.contains("\"\"\"veto\"\" right|veto power\""))
        let back = try entries(url)
        XCTAssertEqual(back.first?.term, "hak, veto")
        XCTAssertEqual(back.first?.translations, ["\"veto\" right", "veto power"])
        // Reading cleans whitespace, so the line break in the note becomes a space.
        XCTAssertEqual(back.first?.note, "two lines, and \"quotes\"")
        XCTAssertEqual(try GlossaryFile.read(url).raw[1].line, 4, "the second record starts after the two-line one")
    }

    func testThreeColumnCSVWithAndWithoutHeader() throws {
        let dir = Support.scratch()
        let a = Support.write("source,target,comment\nDPR,House of Representatives,\"the House, in short\"\n", "a.csv", in: dir)
        let b = Support.write("DPR,House of Representatives\nDPR,parliament\n", "b.csv", in: dir)
        XCTAssertEqual(try entries(a).first?.note, "the House, in short")
        XCTAssertEqual(try entries(b).first?.translations, ["House of Representatives", "parliament"])
    }

    func testTBXv2ReadsTigAndNtigAndStatuses() throws {
        let url = Support.fixture("formats/basic-v2.tbx")
        let file = try GlossaryFile.read(url)
        XCTAssertEqual(file.format, .tbx2)
        let es = try entries(url)
        XCTAssertEqual(es.map(\.term), ["Komisi Pemilihan Umum", "gencatan senjata", "Departemen Luar Negeri"])
        XCTAssertEqual(es[0].variants, ["KPU"])
        XCTAssertEqual(es[0].translations, ["General Elections Commission", "Election Commission"])
        XCTAssertEqual(es[0].domain, "politics")
        XCTAssertEqual(es[0].partOfSpeech, "noun")
        XCTAssertEqual(es[1].forbidden, ["cease-fire"], "ntig with a deprecated English term")
        XCTAssertEqual(es[1].note, "one word in English")
        XCTAssertEqual(es[2].status, .deprecated)
        XCTAssertEqual(es[2].date, "2024-10-21")
        XCTAssertEqual(es[2].source, "Perpres 47/2009")
    }

    func testTBXv3Reads() throws {
        let es = try entries(Support.fixture("formats/basic-v3.tbx"))
        XCTAssertEqual(es.map(\.term), ["Mahkamah Konstitusi", "pencaplokan"])
        XCTAssertEqual(es[0].variants, ["MK"])
        XCTAssertEqual(es[0].translations, ["Constitutional Court"])
        XCTAssertEqual(es[1].partOfSpeech, "noun")
        XCTAssertEqual(es[1].forbidden, ["annexing"])
    }

    func testTBXNeverLoadsExternalEntitiesAndReportsBrokenXMLWithLine() throws {
        let dir = Support.scratch()
        _ = Support.write("SECRET-CONTENT", "secret.txt", in: dir)
        let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE martif [<!ENTITY ext SYSTEM "secret.txt">]>
        <martif type="TBX-Basic" xml:lang="id"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
        <text><body><termEntry><langSet xml:lang="id"><tig><term>sanksi &ext;</term></tig></langSet>
        <langSet xml:lang="en"><tig><term>sanction</term></tig></langSet></termEntry></body></text></martif>
        """
        let url = Support.write(xxe, "xxe.tbx", in: dir)
        let terms = (try? Glossary.load(contentsOf: url).0.entries.map(\.term)) ?? []
        XCTAssertFalse(terms.contains { $0.contains("SECRET") })

        let broken = Support.write("<martif type=\"TBX-Basic\" xml:lang=\"id\">\n<text>\n<body>\n</martif>\n", "broken.tbx", in: dir)
        XCTAssertThrowsError(try Glossary.load(contentsOf: broken)) { error in
            let issue = error as? Diagnostic
            XCTAssertEqual(issue?.location?.file, "broken.tbx")
            XCTAssertNotNil(issue?.location?.line)
            XCTAssertTrue(issue?.message.contains("not well-formed") == true)
        }
    }

    func testWrittenMartifIsValidAgainstTheSchemaWhenAvailable() throws {
        // ../shared/schemas beside the repository (CI has it); skipped without it.
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let schema = repo.deletingLastPathComponent().appendingPathComponent("shared/schemas/tbx.xsd").path
        let xmllint = ["/usr/bin/xmllint", "/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard FileManager.default.fileExists(atPath: schema), let xmllint else {
            throw XCTSkip("xmllint or the TBX schema is not available here")
        }
        for ntig in [false, true] {
            let url = Support.scratch().appendingPathComponent("g.tbx")
            try Support.glossary.write(to: url, ntig: ntig)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: xmllint)
            p.arguments = ["--noout", "--schema", schema, url.path]
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, ntig ? "ntig" : "tig")
        }
    }

    func testDetection() {
        let u = URL(fileURLWithPath: "/x/g.tsv")
        XCTAssertEqual(GlossaryFormat.detect(u, data: Data("term\tvariants\ttranslations\n".utf8)), .tsv)
        XCTAssertEqual(GlossaryFormat.detect(u, data: Data("# c\nDPR\tHouse\n".utf8)), .omegaT)
        XCTAssertEqual(GlossaryFormat.detect(URL(fileURLWithPath: "g.csv"), data: Data("DPR,House\n".utf8)), .csv)
        XCTAssertEqual(GlossaryFormat.detect(u, data: Data("\u{FEFF}<?xml version=\"1.0\"?><tbx xmlns=\"urn:iso:std:iso:30042:ed-2\">".utf8)), .tbx3)
        XCTAssertEqual(GlossaryFormat.detect(u, data: Data("<martif type=\"TBX\">".utf8)), .tbx2)
        XCTAssertEqual(GlossaryFormat.forWriting(URL(fileURLWithPath: "a.tbx3")), .tbx3)
        XCTAssertNil(GlossaryFormat.forWriting(URL(fileURLWithPath: "a.docx")))
    }

    func testExtendedTSVIssuesKeepTheRest() throws {
        let text = "term\tvariants\ttranslations\tstatus\n\tX\tfoo\n sanksi \t\tsanction | |sanctions\tadmitted\nkudeta\n"
        let url = Support.write(text, "g.tsv", in: Support.scratch())
        let (g, issues) = try Glossary.load(contentsOf: url)
        XCTAssertEqual(g.entries.map(\.term), ["sanksi"])
        XCTAssertEqual(g.entries[0].translations, ["sanction", "sanctions"])
        XCTAssertEqual(g.entries[0].status, .admitted)
        XCTAssertEqual(issues.map(\.description), ["g.tsv:2: error[GLO002]: no term", "g.tsv:4: error[GLO002]: no translation for 'kudeta'"])
    }
}
