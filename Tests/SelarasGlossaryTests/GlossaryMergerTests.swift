import XCTest
@testable import SelarasGlossary

final class GlossaryMergerTests: XCTestCase {
    func testRuleAndConflicts() {
        let a = [
            GlossaryEntry(term: "Dewan Perwakilan Rakyat", variants: ["DPR"], translations: ["House of Representatives"],
                          domain: "politics", date: "2025-01-01", line: 2),
            GlossaryEntry(term: "perundingan damai", translations: ["peace talks"], date: "2025-01-01", line: 3),
            GlossaryEntry(term: "sanksi", translations: ["sanction"], partOfSpeech: "noun", line: 4),
        ]
        let b = [
            GlossaryEntry(term: "DPR", translations: ["parliament"], domain: "government", date: "2024-06-01", line: 2),
            GlossaryEntry(term: "Perundingan Damai", translations: ["peace negotiations", "peace talks"], forbidden: ["peace talk"],
                          note: "formal", date: "2025-03-01", line: 3),
            GlossaryEntry(term: "sanksi", translations: ["penalty", "sanction"], forbidden: ["sanction"], partOfSpeech: "verb", line: 4),
            GlossaryEntry(term: "kudeta", translations: ["coup"], line: 5),
        ]
        let r = GlossaryMerger().merge(a, b)
        XCTAssertEqual(r.entries.map(\.term), ["Dewan Perwakilan Rakyat", "perundingan damai", "sanksi", "kudeta"])
        XCTAssertEqual(r.added, 1)
        XCTAssertEqual(r.merged, 3)

        let dpr = r.entries[0]
        XCTAssertEqual(dpr.translations, ["House of Representatives", "parliament"], "A is later: its preferred stays first")
        XCTAssertEqual(dpr.domain, "politics")
        let talks = r.entries[1]
        XCTAssertEqual(talks.term, "perundingan damai", "A's spelling is kept")
        XCTAssertEqual(talks.translations, ["peace negotiations", "peace talks"], "B is later: its preferred comes first")
        XCTAssertEqual(talks.note, "formal", "an empty field is filled from the other side")
        XCTAssertEqual(talks.date, "2025-03-01")
        let sanksi = r.entries[2]
        XCTAssertEqual(sanksi.translations, ["penalty"], "B forbids 'sanction'")
        XCTAssertEqual(sanksi.partOfSpeech, "noun", "no dates: A wins")

        let lines = r.conflicts.map(\.description)
        XCTAssertTrue(lines.contains("Dewan Perwakilan Rakyat: term: A:2 'Dewan Perwakilan Rakyat' vs B:2 'DPR'; kept 'Dewan Perwakilan Rakyat' (B's term is a variant in A)"), "\(lines)")
        XCTAssertTrue(lines.contains("Dewan Perwakilan Rakyat: domain: A:2 'politics' vs B:2 'government'; kept 'politics' (later date in A)"), "\(lines)")
        XCTAssertTrue(lines.contains("perundingan damai: preferred translation: A:3 'peace talks' vs B:3 'peace negotiations'; kept 'peace negotiations' (later date in B)"), "\(lines)")
        XCTAssertTrue(lines.contains("sanksi: translation: A:4 'sanction' vs B:4 'sanction'; kept '(dropped)' (forbidden in B)"), "\(lines)")
        XCTAssertTrue(lines.contains("sanksi: pos: A:4 'noun' vs B:4 'verb'; kept 'noun' (A wins ties)"), "\(lines)")
    }

    func testMergingIsStableForIdenticalInput() {
        let r = GlossaryMerger().merge(Support.sample, Support.sample)
        XCTAssertEqual(r.entries.map(\.withoutLine), Support.sample.map(\.withoutLine))
        XCTAssertEqual(r.conflicts, [])
    }
}
