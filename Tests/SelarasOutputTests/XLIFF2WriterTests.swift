import Foundation
import SelarasCore
import XCTest
@testable import SelarasOutput

final class XLIFF2WriterTests: XCTestCase {
    func render(_ doc: Document) throws -> Data {
        try XLIFF2Writer().render(doc, context: Fixtures.context)
    }

    func testEveryFixtureIsValidAgainstCoreAndModules() throws {
        for (name, doc) in Fixtures.all {
            let data = try render(doc)
            // `try` outside the assertion: without the schemas the test is skipped, not failed.
            let problems = try Schemas.problems(data, schema: "xliff2-with-modules.xsd")
            XCTAssertNil(problems, "fixture \(name)")
        }
    }

    func testUnitsSegmentsAndStates() throws {
        let x = try XMLDoc(try render(Fixtures.full))
        XCTAssertEqual(x.strings("//x2:unit/@id"), ["s1", "s2", "s3", "s4", "s5", "s6", "s7"])
        XCTAssertEqual(x.string("//x2:unit[@id='s1']/@type"), "selaras:headline")
        XCTAssertEqual(x.string("//x2:unit[@id='s4']/@type"), "selaras:furniture")
        XCTAssertEqual(x.string("//x2:unit[@id='s1']/x2:segment/@subState"), "selaras:tm-exact")
        XCTAssertEqual(x.string("//x2:unit[@id='s2']/x2:segment/@subState"), "selaras:mt")
        XCTAssertEqual(x.string("//x2:unit[@id='s6']/x2:segment/@state"), "reviewed")
        XCTAssertEqual(x.count("//x2:unit[@id='s4']/x2:segment/x2:target"), 0)
        XCTAssertEqual(x.count("//x2:unit[@id='s4']/x2:segment/@state"), 0)
        XCTAssertEqual(x.count("//x2:segment[@state='translated' or @state='final']"), 0)
    }

    func testMatchesAndGlossaryModules() throws {
        let x = try XMLDoc(try render(Fixtures.full))
        XCTAssertEqual(x.strings("//x2:unit[@id='s2']/mtc:matches/mtc:match/@matchQuality"), ["87", "76"])
        XCTAssertEqual(x.strings("//x2:unit[@id='s2']/mtc:matches/mtc:match/@ref"), ["#s2", "#s2"])
        XCTAssertEqual(x.string("//x2:unit[@id='s3']/mtc:matches/mtc:match/@subType"), "selaras:repaired-fuzzy")
        XCTAssertEqual(x.string("//x2:unit[@id='s3']/mtc:matches/mtc:match/x2:target"),
                       "The decision was taken after eight factions agreed.")
        XCTAssertEqual(x.strings("//x2:unit[@id='s2']/gls:glossary/gls:glossEntry/gls:term"),
                       ["Dewan Perwakilan Rakyat", "DPR", "Rancangan Undang-Undang", "rapat paripurna"])
        XCTAssertEqual(x.strings("//x2:unit[@id='s1']/gls:glossary/gls:glossEntry[1]/gls:translation"),
                       ["House of Representatives", "DPR"])
        XCTAssertEqual(x.string("//x2:unit[@id='s5']//gls:glossEntry[2]//mda:meta[@type='forbidden-translation']"),
                       "campaign money")
        XCTAssertEqual(x.string("//x2:unit[@id='s7']//mda:meta[@type='provenance']"), "untranslated")
    }
}
