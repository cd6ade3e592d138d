import XCTest
@testable import SelarasGlossary

final class TerminologyCheckerTests: XCTestCase {
    let checker = TerminologyChecker(matcher: Support.matcher)

    func findings(_ file: String) throws -> [String: [String]] {
        let (segments, issues) = try BilingualFile.read(Support.fixture("check/\(file)"))
        XCTAssertEqual(issues, [])
        var out: [String: [String]] = [:]
        for s in segments {
            let r = checker.check(source: s.source, target: s.target)
            out[s.id] = r.untranslated ? ["untranslated"] : r.findings.map { "\($0.kind.rawValue) \($0.term)" }
        }
        return out
    }

    func testXLIFF12() throws {
        let (segments, _) = try BilingualFile.read(Support.fixture("check/review.xlf"))
        XCTAssertEqual(segments.map(\.id), ["s1", "s2", "s3", "s4", "s5/1"])
        XCTAssertEqual(segments[2].source, "Menteri Luar Negeri Retno Marsudi menyerukan perdamaian.", "g kept, ph dropped")
        XCTAssertEqual(try findings("review.xlf"), [
            "s1": [],
            "s2": ["missing gencatan senjata", "forbidden gencatan senjata"],
            "s3": ["missing perdamaian"],
            "s4": ["untranslated"],
            "s5/1": [],
        ])
    }

    func testXLIFF20() throws {
        XCTAssertEqual(try findings("review2.xlf"), [
            "u1/1": ["missing Kementerian Pertahanan"],
            "u1/2": [],
            "u2": [],
        ])
    }

    func testTSV() throws {
        XCTAssertEqual(try findings("review.tsv"), [
            "2": [],
            "3": ["missing Sekretaris Jenderal"],
            "4": ["untranslated"],
        ])
    }

    func testEnglishVariationThatIsAccepted() {
        func ok(_ source: String, _ target: String, file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertEqual(checker.check(source: source, target: target).findings.map(\.description), [], file: file, line: line)
        }
        ok("Menteri Pertahanan tiba.", "The defense minister arrived.")
        ok("Sanksi-sanksi itu berat.", "The sanctions are heavy.")
        ok("Presiden melantik menteri.", "The president swore in a minister.")
        ok("Sekjen PBB datang.", "The UN Secretary General came.")
        ok("Pemerintah memberlakukan jam malam.", "The government is imposing a curfew.")
        ok("Ia mengkritik kebijakan itu.", "She criticized the policy.")
        let us = checker.check(source: "AS menjatuhkan sanksi.", target: "Let us impose sanctions.")
        XCTAssertEqual(us.findings.map(\.term), ["Amerika Serikat"], "US is not us")
    }

    func testForbiddenInsideAnAcceptedTranslationIsNotReported() {
        let g = Glossary(entries: [GlossaryEntry(term: "perundingan damai", translations: ["peace talks"], forbidden: ["talks"])], origin: "g")
        let c = TerminologyChecker(matcher: TermMatcher(glossaries: [g]))
        XCTAssertEqual(c.check(source: "Perundingan damai dimulai.", target: "Peace talks began.").findings, [])
        XCTAssertEqual(c.check(source: "Perundingan damai dimulai.", target: "Peace talks began; talks will go on.").findings.map(\.kind), [.forbidden])
    }
}
