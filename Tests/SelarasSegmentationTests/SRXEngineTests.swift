import Foundation
@testable import SelarasSegmentation
import SelarasCore
import XCTest

/// The SRX engine on small rule files written for these tests (Fixtures/).
final class SRXEngineTests: XCTestCase {
    static func fixture(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    }

    func sentences(_ srx: String, _ language: String, _ text: String) throws -> [String] {
        try SRXSegmenter(contentsOf: Self.fixture(srx), language: language).sentences(text)
    }

    func testCascadeAddsTheRulesOfEveryMatchingMap() throws {
        // Indonesian: its no-break rule, then the common break rule.
        XCTAssertEqual(try sentences("cascade.srx", "id", "Kata Dr. Budi sudah pulang. Dia lelah."),
                       ["Kata Dr. Budi sudah pulang.", "Dia lelah."])
        XCTAssertEqual(try sentences("cascade.srx", "id-ID", "Kata Dr. Budi pulang. Dia lelah!"),
                       ["Kata Dr. Budi pulang.", "Dia lelah!"])
        // Other languages get the common rules only.
        XCTAssertEqual(try sentences("cascade.srx", "en", "Ask Dr. Smith. He knows."), ["Ask Dr.", "Smith.", "He knows."])
    }

    func testWithoutCascadeOnlyTheFirstMatchingMapApplies() throws {
        // Only the Indonesian no-break rule: nothing breaks.
        XCTAssertEqual(try sentences("nocascade.srx", "id", "Kata Dr. Budi pulang. Dia lelah."),
                       ["Kata Dr. Budi pulang. Dia lelah."])
        XCTAssertEqual(try sentences("nocascade.srx", "en", "Dr. Smith. He knows."), ["Dr.", "Smith.", "He knows."])
    }

    func testTheFirstRuleThatMatchesDecides() throws {
        XCTAssertEqual(try sentences("order.srx", "bf", "Lihat No. 5. Selesai."), ["Lihat No.", "5.", "Selesai."])
        XCTAssertEqual(try sentences("order.srx", "nbf", "Lihat No. 5. Selesai."), ["Lihat No. 5.", "Selesai."])
    }

    func testEmptyBeforebreakMatchesEverywhere() throws {
        XCTAssertEqual(try sentences("order.srx", "digits", "ab1cd23"), ["ab", "1cd", "2", "3"])
    }

    func testLookBehindAndCaseInsensitiveLanguagePattern() throws {
        XCTAssertEqual(try sentences("order.srx", "lb", "Jaraknya 5 km. Lalu belok. Beratnya 3 kg. Sudah."),
                       ["Jaraknya 5 km. Lalu belok.", "Beratnya 3 kg. Sudah."])
        XCTAssertEqual(try sentences("order.srx", "LB-x", "Satu. Dua."), ["Satu.", "Dua."])
    }

    func testSRX10FileIsRead() throws {
        let doc = try SRXDocument(contentsOf: Self.fixture("srx10.srx"))
        XCTAssertEqual(doc.version, "1.0")
        XCTAssertFalse(doc.cascade)
        XCTAssertEqual(try sentences("srx10.srx", "id", "Kata Prof. Budi. Selesai."), ["Kata Prof. Budi.", "Selesai."])
    }

    func testMalformedXMLIsReportedWithLineAndColumn() {
        XCTAssertThrowsError(try SRXDocument(contentsOf: Self.fixture("malformed.srx"))) { error in
            guard let e = error as? Diagnostic else { return XCTFail("\(error)") }
            XCTAssertTrue(e.location?.file.hasSuffix("malformed.srx") ?? false)
            XCTAssertEqual(e.location?.line, 8)
            XCTAssertNotNil(e.location?.column)
            XCTAssertTrue(e.description.contains("malformed.srx:8:"), e.description)
            XCTAssertTrue(e.message.contains("not well-formed"), e.message)
        }
    }

    func testBadPatternIsReportedWithItsLineAndColumn() {
        XCTAssertThrowsError(try SRXDocument(contentsOf: Self.fixture("badpattern.srx"))) { error in
            guard let e = error as? Diagnostic else { return XCTFail("\(error)") }
            XCTAssertEqual(e.location?.line, 9)
            // <afterbreak> starts at column 11; its content at 23; "[" is the 4th character.
            XCTAssertEqual(e.location?.column, 26)
            XCTAssertTrue(e.message.contains("afterbreak"), e.message)
            XCTAssertTrue(e.message.contains("missing ']'"), e.message)
        }
    }

    func testUnknownRuleNameAndUnmatchedLanguage() {
        XCTAssertThrowsError(try SRXDocument(contentsOf: Self.fixture("unknownrule.srx"))) { error in
            XCTAssertTrue("\(error)".contains("'Missing'"), "\(error)")
            XCTAssertEqual((error as? Diagnostic)?.line, 11)
        }
        XCTAssertThrowsError(try SRXSegmenter(contentsOf: Self.fixture("order.srx"), language: "fr")) { error in
            XCTAssertTrue("\(error)".contains("no languagemap matches the language 'fr'"), "\(error)")
        }
    }

    func testMissingFileAndNotSRX() {
        XCTAssertThrowsError(try SRXDocument(contentsOf: Self.fixture("nope.srx"))) { error in
            XCTAssertTrue("\(error)".contains("cannot read"), "\(error)")
        }
        XCTAssertThrowsError(try SRXDocument(data: Data("<html/>".utf8), source: "x.srx")) { error in
            XCTAssertTrue("\(error)".contains("not <srx>"), "\(error)")
        }
        XCTAssertThrowsError(try SRXDocument(data: Data(), source: "empty.srx"))
    }

    func testBuiltInRulesAreAValidDocument() throws {
        let url = try XCTUnwrap(IndonesianSegmenter.rulesURL)
        let doc = try SRXDocument(contentsOf: url)
        XCTAssertTrue(doc.cascade)
        XCTAssertEqual(doc.languageRules.map(\.name), ["Indonesian", "Default"])
        XCTAssertGreaterThan(try doc.rules(forLanguage: "id").count, 20)
        // Other languages get only the default rules.
        XCTAssertEqual(try doc.rules(forLanguage: "en").count, doc.languageRules[1].rules.count)
    }

    func testMergedRulesKeepTheDecisionOfTheFirstMatch() throws {
        // Two no-break rules with the same afterbreak are merged; a break rule between them is not.
        let srx = """
        <?xml version="1.0"?>
        <srx xmlns="http://www.lisa.org/srx20" version="2.0"><header segmentsubflows="yes" cascade="no"/><body>
        <languagerules><languagerule languagerulename="R">
        <rule break="no"><beforebreak>\\bA\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
        <rule break="yes"><beforebreak>\\bB\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
        <rule break="no"><beforebreak>\\b[AB]\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
        <rule break="yes"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
        </languagerule></languagerules>
        <maprules><languagemap languagepattern=".*" languagerulename="R"/></maprules></body></srx>
        """
        let seg = try SRXSegmenter(document: SRXDocument(data: Data(srx.utf8), source: "inline.srx"), language: "x")
        XCTAssertEqual(seg.sentences("x A. y B. z C. w"), ["x A. y B.", "z C.", "w"])
    }

    func testByteAndCodePointRanges() throws {
        let seg = try SRXSegmenter(contentsOf: Self.fixture("cascade.srx"), language: "en")
        let text = "Émile a dit « oui ». Ça va? Très bien."
        let cps = seg.segment(text)
        XCTAssertEqual(cps, [0..<20, 21..<27, 28..<38])
        var copy = text
        let bytes = copy.withUTF8 { seg.sentenceByteRanges(inUTF8: $0) }
        XCTAssertEqual(bytes.count, 3)
        XCTAssertEqual(bytes[0].lowerBound, 0)
        XCTAssertEqual(bytes[0].upperBound, Array(text.utf8).count - " Ça va? Très bien.".utf8.count)
    }
}

/// The engine's shortcuts (candidate scan, pre-tests on one and two scalars, merged rules, shared
/// and cached programs) against the definition: at every position, try every rule in order.
final class SRXEngineDefinitionTests: XCTestCase {
    static let texts = [
        "Kata Dr. Budi, S.H., M.Si.: “Kami siap…” tanyanya. (Baca: Harga Naik) Jl. Sudirman No. 5. Ia pergi!",
        "1. Pantai Pandawa\n2. Kawah Putih\na. satu\niv. empat\n\n(Uu. H-RF/I015) Pte. Ltd. (Encore) Tbk. (BBNI) naik.",
        "Harga naik 13 Feb. 2025 pukul 19.30 WIB... iPhone baru. e-KTP dll. dan yg. lain a.n. Budi u.p. Ani Ph. D. dalam",
        "Émile « oui ». Ça va? — Très bien! ‘kutip’. “dua.” kata dia. Lalu…? Ya. \"Apa?\" Tidak.\r\n\r\nBaru",
        "JAKARTA, KOMPAS.com – Presiden tiba. Ia bilang: \"Siap.\" Kemudian (lihat tabel 2.) dan [Baca juga: X] Y. z.",
        "Ia menunggu.... Lalu menyerah. Gol!!! Skor 3-1. iPad? eBay! . , ; Kab. Bandung dan Kab. garut.\u{2029}Dua",
    ]

    func testShortcutsAgreeWithTryingEveryRuleEverywhere() throws {
        let url = try XCTUnwrap(IndonesianSegmenter.rulesURL)
        let doc = try SRXDocument(contentsOf: url)
        for language in ["id", "en"] {
            let rules = try doc.rules(forLanguage: language)
            let compiled = rules.map { (SRXRegex(node: $0.before, pattern: $0.beforeBreak), SRXRegex(node: $0.after, pattern: $0.afterBreak), $0.isBreak) }
            let segmenter = try SRXSegmenter(document: doc, language: language)
            for text in Self.texts {
                var bytes = Array(text.utf8)
                let n = bytes.count
                bytes.append(0)
                let expected: [Int] = bytes.withUnsafeBufferPointer { buf in
                    var out: [Int] = []
                    for pos in 1..<n where buf[pos] & 0xC0 != 0x80 {
                        for (before, after, isBreak) in compiled {
                            var m1 = RegexMachine(code: before.code, text: buf.baseAddress!, count: n)
                            var m2 = RegexMachine(code: after.code, text: buf.baseAddress!, count: n)
                            m1.window = SRXEngine.window
                            m2.window = SRXEngine.window
                            defer { m1.release(); m2.release() }
                            if before.matches(endingAt: pos, in: &m1) && after.matches(startingAt: pos, in: &m2) {
                                if isBreak { out.append(pos) }
                                break
                            }
                        }
                    }
                    return out
                }
                let got = bytes.withUnsafeBufferPointer { segmenter.breakOffsets(inUTF8: UnsafeBufferPointer(rebasing: $0[0..<n])) }
                XCTAssertFalse(expected.isEmpty)
                XCTAssertEqual(got, expected, "\(language): \(text)")
            }
        }
    }
}
