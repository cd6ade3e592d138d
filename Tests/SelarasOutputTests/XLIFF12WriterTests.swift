import Foundation
import SelarasCore
import XCTest
@testable import SelarasOutput

final class XLIFF12WriterTests: XCTestCase {
    func render(_ doc: Document) throws -> Data {
        try XLIFF12Writer().render(doc, context: Fixtures.context)
    }

    func testEveryFixtureIsValidAgainstTheStrictSchema() throws {
        for (name, doc) in Fixtures.all {
            let data = try render(doc)
            // `try` outside the assertion: without the schemas the test is skipped, not failed.
            let problems = try Schemas.problems(data, schema: "xliff-core-1.2-strict.xsd")
            XCTAssertNil(problems, "fixture \(name)")
        }
    }

    func testOneUnitPerSegmentWithStatesAndQualifiers() throws {
        let x = try XMLDoc(try render(Fixtures.full))
        XCTAssertEqual(x.strings("//x1:trans-unit/@id"), ["s1", "s2", "s3", "s4", "s5", "s6", "s7"])
        XCTAssertEqual(x.strings("//x1:group/@id"), ["p1", "p2", "p3", "p4", "p5"])
        XCTAssertEqual(x.string("//x1:trans-unit[@id='s1']/x1:target/@state-qualifier"), "exact-match")
        XCTAssertEqual(x.string("//x1:trans-unit[@id='s1']/x1:target/@state"), "needs-review-translation")
        XCTAssertEqual(x.string("//x1:trans-unit[@id='s2']/x1:target/@state-qualifier"), "leveraged-mt")
        XCTAssertEqual(x.string("//x1:trans-unit[@id='s3']/x1:target/@state-qualifier"), "leveraged-tm")
        XCTAssertEqual(x.string("//x1:trans-unit[@id='s6']/x1:target/@state"), "final")
        XCTAssertEqual(x.string("//x1:trans-unit[@id='s6']/@approved"), "yes")
        // Untranslated units have no target at all.
        XCTAssertEqual(x.count("//x1:trans-unit[@id='s4']/x1:target"), 0)
        XCTAssertEqual(x.count("//x1:trans-unit[@id='s7']/x1:target"), 0)
        // Selaras never claims a human confirmed machine or TM output.
        XCTAssertEqual(x.count("//x1:target[@state='translated' or @state='signed-off']"), 0)
    }

    func testRolesAltTransAndGlossaryNotes() throws {
        let x = try XMLDoc(try render(Fixtures.full))
        XCTAssertEqual(x.string("//x1:trans-unit[@id='s1']/@restype"), "x-headline")
        XCTAssertEqual(x.string("//x1:trans-unit[@id='s4']/@restype"), "x-furniture")
        XCTAssertEqual(x.count("//x1:trans-unit[@id='s2']/@restype"), 0)
        XCTAssertEqual(x.strings("//x1:trans-unit[@id='s2']/x1:alt-trans/@match-quality"), ["87", "76"])
        XCTAssertEqual(x.strings("//x1:trans-unit[@id='s2']/x1:alt-trans/@origin"), ["news.tmx#tu-3", "other.tmx"])
        // The repaired match offers the repaired target, the original in its note.
        XCTAssertEqual(x.string("//x1:trans-unit[@id='s3']/x1:alt-trans/x1:target"),
                       "The decision was taken after eight factions agreed.")
        XCTAssertTrue(x.string("//x1:trans-unit[@id='s3']/x1:alt-trans/x1:note")!.contains("seven factions"))
        let notes = x.strings("//x1:trans-unit[@id='s2']/x1:note[@from='glossary']")
        XCTAssertEqual(notes.count, 4)
        XCTAssertTrue(notes.contains { $0.hasPrefix("rapat paripurna → plenary session") })
        XCTAssertTrue(x.string("//x1:trans-unit[@id='s5']/x1:note[@from='glossary'][2]")!.contains("not: campaign money"))
        // The below-threshold match is offered, not used.
        XCTAssertEqual(x.string("//x1:trans-unit[@id='s7']/x1:alt-trans/@match-quality"), "70")
        XCTAssertTrue(x.string("//x1:trans-unit[@id='s7']/x1:note[@annotates='target']")!.contains("below 95"))
    }

    func testEscapingAndForbiddenCharacters() throws {
        let data = try render(Fixtures.full)
        let x = try XMLDoc(data)
        let src = x.string("//x1:trans-unit[@id='s5']/x1:source")!
        XCTAssertEqual(src, "Ketua DPR mengatakan aturan baru itu memperkuat Bawaslu & KPU <dalam> pengawasan \"dana kampanye\" serta\tpelaporan.")
        XCTAssertFalse(data.contains(0x01))
        XCTAssertFalse(data.contains(0x02))
        XCTAssertTrue(x.string("//x1:trans-unit[@id='s5']/x1:target")!.contains("<in> overseeing \"campaign money\" and\treporting"))
    }

    func testWithoutTargetsTheTMFillsAtTheThreshold() throws {
        var doc = Fixtures.full
        doc.targets = nil
        let x = try XMLDoc(try render(doc))
        XCTAssertEqual(x.string("//x1:trans-unit[@id='s1']/x1:target"), "House Passes Election Bill into Law")
        XCTAssertEqual(x.string("//x1:trans-unit[@id='s3']/x1:target"), "The decision was taken after eight factions agreed.")
        XCTAssertEqual(x.string("//x1:trans-unit[@id='s3']/x1:target/@state-qualifier"), "leveraged-tm")
        XCTAssertEqual(x.count("//x1:trans-unit[@id='s2']/x1:target"), 0, "87 is below the fill threshold of 95")
        let lower = try XLIFF12Writer().render(doc, context: WriterContext(date: Fixtures.date, fillThreshold: 85))
        let y = try XMLDoc(lower)
        XCTAssertEqual(y.string("//x1:trans-unit[@id='s2']/x1:target/@state-qualifier"), "fuzzy-match")
    }

    func testArticleOnlyGivesOneUnitPerParagraph() throws {
        let x = try XMLDoc(try render(Fixtures.articleOnly))
        XCTAssertEqual(x.count("//x1:trans-unit"), Fixtures.paragraphs.count)
        XCTAssertEqual(x.string("//x1:trans-unit[1]/@restype"), "x-headline")
        XCTAssertEqual(x.count("//x1:target"), 0)
    }

    func testDuplicateSegmentIDsAreMadeUnique() throws {
        let x = try XMLDoc(try render(Fixtures.inconsistent))
        let ids = x.strings("//x1:trans-unit/@id")
        XCTAssertEqual(ids.count, Set(ids).count)
        XCTAssertTrue(ids.contains("s2-2"))
    }
}
