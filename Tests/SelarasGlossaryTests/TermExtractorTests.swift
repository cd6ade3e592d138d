import XCTest
@testable import SelarasGlossary

final class TermExtractorTests: XCTestCase {
    /// The fixture articles, one sentence per line (headline first).
    func documents() -> [[String]] {
        (1...3).map { n in
            Support.read(Support.fixture("extract/artikel-\(n).txt")).split(separator: "\n").map(String.init)
        }
    }

    func known() throws -> TermMatcher {
        TermMatcher(glossaries: [try Glossary.load(contentsOf: Support.fixture("extract/glossary.tsv")).0])
    }

    func testCandidatesAreRankedNounPhrasesTheGlossaryLacks() throws {
        let candidates = TermExtractor(known: try known()).extract(documents())
        let terms = candidates.map(\.term)
        XCTAssertEqual(terms.first, "politik uang", "\(terms)")
        XCTAssertTrue(terms.contains("daftar pemilih tetap"), "\(terms)")
        XCTAssertTrue(terms.contains("pemilihan kepala daerah"), "\(terms)")
        // Mostly nested in 'daftar pemilih tetap': ranked below it.
        XCTAssertLessThan(terms.firstIndex(of: "daftar pemilih tetap")!, terms.firstIndex(of: "pemilih tetap") ?? terms.count)
        // Known to the glossary, verb phrases, Roman numerals.
        XCTAssertFalse(terms.contains("pemungutan suara"), "\(terms)")
        XCTAssertTrue(terms.contains("tempat pemungutan suara"), "a longer term around a known one is new")
        XCTAssertFalse(terms.contains { $0.hasPrefix("menemukan") || $0.hasPrefix("meminta") }, "\(terms)")
        XCTAssertFalse(terms.contains("II"), "\(terms)")
        let money = try XCTUnwrap(candidates.first { $0.term == "politik uang" })
        XCTAssertEqual(money.frequency, 7)
        XCTAssertEqual(money.documents, 3)
        XCTAssertEqual(money.examples.count, 2)
        XCTAssertGreaterThan(money.cValue, 0)
        XCTAssertLessThan(money.cValue, 7, "nested in longer candidates, so below log2(2) · 7")
        XCTAssertEqual(money.score, money.cValue * 2, accuracy: 1e-9, "× log2(1 + 3 articles)")
    }

    func testAcronymsWithExpansionsFoundInTheText() throws {
        let candidates = TermExtractor(known: try known()).extract(documents())
        let bawaslu = try XCTUnwrap(candidates.first { $0.variants == ["Bawaslu"] })
        XCTAssertEqual(bawaslu.term, "Badan Pengawas Pemilihan Umum")
        XCTAssertEqual(bawaslu.kind, .acronym)
        let gakkumdu = try XCTUnwrap(candidates.first { $0.variants == ["Gakkumdu"] })
        XCTAssertEqual(gakkumdu.term, "Penegakan Hukum Terpadu", "Gak-kum-du: syllables of the last three words")
        XCTAssertNil(TermExtractor.bestExpansion(["Menteri", "Retno", "Marsudi"], for: "Retno", anchoredAtStart: false),
                     "a name in brackets is not an acronym")
        XCTAssertFalse(candidates.contains { $0.term == "KPU" || $0.variants.contains("KPU") }, "KPU is in the glossary")
        XCTAssertEqual(TermExtractor.bestExpansion(["Ketua", "Komisi", "Pemilihan", "Umum"], for: "KPU", anchoredAtStart: false),
                       ["Komisi", "Pemilihan", "Umum"])
    }

    func testDiceProposesEnglishFromAlignedPairs() throws {
        let pairs = Support.read(Support.fixture("extract/tm.tsv")).split(separator: "\n").map { line -> EquivalentMiner.Pair in
            let f = line.split(separator: "\t")
            return EquivalentMiner.Pair(source: String(f[0]), target: String(f[1]))
        }
        let candidates = EquivalentMiner(pairs: pairs).propose(TermExtractor(known: try known()).extract(documents()))
        let money = try XCTUnwrap(candidates.first { $0.term == "politik uang" })
        XCTAssertEqual(money.translation?.lowercased(), "money politics")
        XCTAssertEqual(money.cooccurrences, 3)
        XCTAssertEqual(money.dice ?? 0, 2.0 * 3 / (3 + 3), accuracy: 1e-9)
        let list = try XCTUnwrap(candidates.first { $0.term == "daftar pemilih tetap" })
        XCTAssertEqual(list.translation, "final voter list")
        XCTAssertNil(candidates.first { $0.term == "pemilihan kepala daerah" }?.translation, "not in the TM")
    }
}
