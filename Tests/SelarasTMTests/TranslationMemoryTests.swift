import Foundation
import SelarasFormats
import SelarasCore
import XCTest
@testable import SelarasTM

final class TranslationMemoryTests: XCTestCase {
    static let units: [TMUnit] = [
        TMUnit(tuid: "a1", source: "Presiden membuka sidang kabinet di Istana Merdeka.", target: "The president opened the cabinet meeting at Merdeka Palace.", origin: "a.tmx"),
        TMUnit(tuid: "a2", source: "Sidang dimulai pukul 09.00 WIB.", target: "The meeting began at 09:00 WIB.", origin: "a.tmx"),
        TMUnit(tuid: "a3", source: "Menteri Keuangan hadir dalam sidang tersebut.", target: "The finance minister attended the meeting.", origin: "a.tmx"),
        TMUnit(tuid: "b1", source: "Harga beras naik 3,5 persen pada Januari.", target: "Rice prices rose 3.5 percent in January.", origin: "b.tmx"),
        TMUnit(tuid: "b2", source: "Pemerintah menyiapkan anggaran Rp2,1 triliun untuk bantuan sosial.", target: "The government has prepared Rp2.1 trillion for social assistance.", origin: "b.tmx"),
        TMUnit(tuid: "b3", source: "Sebanyak 2.375.000 warga menerima bantuan tersebut.", target: "A total of 2,375,000 residents received the assistance.", origin: "b.tmx"),
        TMUnit(tuid: "b4", source: "Rapat digelar pada Selasa (13/2) di Jakarta.", target: "The meeting was held on Tuesday (Feb 13) in Jakarta.", origin: "b.tmx"),
        TMUnit(tuid: "b5", source: "Pemilu akan digelar pada 14 Februari 2024.", target: "The election will be held on February 14, 2024.", origin: "b.tmx"),
        TMUnit(tuid: "b6", source: "Inflasi tahunan mencapai 2,61 persen.", target: "Annual inflation reached 2.61%.", origin: "b.tmx"),
        TMUnit(tuid: "b7", source: "DPR menyetujui rancangan undang-undang tersebut.", target: "The House of Representatives approved the bill.", origin: "b.tmx"),
        TMUnit(tuid: "b8", source: "Jumlah korban mencapai 15.086 orang pada 2004.", target: "The number of victims reached 15,086 in 2004.", origin: "b.tmx"),
        TMUnit(tuid: "b9", source: "Bank Indonesia menahan suku bunga acuan.", target: "Bank Indonesia held its benchmark rate.", origin: "b.tmx"),
    ]

    lazy var tm = TranslationMemory(units: Self.units)

    func best(_ text: String, previous: String? = nil, next: String? = nil, terms: [TermHit] = [], threshold: Double = 70) -> TMMatch? {
        tm.lookup(TMQuery(text: text, previous: previous, next: next, terms: terms), threshold: threshold, max: 5).first
    }

    // MARK: kinds and scores

    func testExactAndExactWithContext() throws {
        let plain = try XCTUnwrap(best("Sidang dimulai pukul 09.00 WIB."))
        XCTAssertEqual(plain.kind, .exact)
        XCTAssertEqual(plain.score, 100)
        XCTAssertEqual(plain.origin, "a.tmx#a2")
        let inContext = try XCTUnwrap(best("Sidang dimulai pukul 09.00 WIB.", previous: "Presiden membuka sidang kabinet di Istana Merdeka.",
                                           next: "Menteri Keuangan hadir dalam sidang tersebut."))
        XCTAssertEqual(inContext.kind, .exactWithContext)
        let wrongContext = try XCTUnwrap(best("Sidang dimulai pukul 09.00 WIB.", previous: "Sesuatu yang lain.", next: "Menteri Keuangan hadir dalam sidang tersebut."))
        XCTAssertEqual(wrongContext.kind, .exact)
        // The first unit of a file: no previous neighbour.
        let first = try XCTUnwrap(best("Presiden membuka sidang kabinet di Istana Merdeka.", previous: nil, next: "Sidang dimulai pukul 09.00 WIB."))
        XCTAssertEqual(first.kind, .exactWithContext)
    }

    func testExactTextOnlyWithCaseAndPunctuationPenalties() throws {
        let spacing = try XCTUnwrap(best("Sidang  dimulai pukul 09.00 WIB."))
        XCTAssertEqual(spacing.kind, .exactTextOnly)
        XCTAssertEqual(spacing.score, 100)
        XCTAssertEqual(spacing.penalties, [])
        let casePunct = try XCTUnwrap(best("sidang dimulai pukul 09.00 WIB!"))
        XCTAssertEqual(casePunct.kind, .exactTextOnly)
        XCTAssertEqual(casePunct.score, 98)
        XCTAssertEqual(Set(casePunct.penalties.map(\.reason)), ["case differs", "punctuation differs"])
    }

    func testFuzzyScoreIsTokenLevenshteinSimilarity() throws {
        // 8 tokens vs 7: one word added → 1 − 1/8 = 87.5 → 88.
        let m = try XCTUnwrap(best("Presiden membuka sidang kabinet baru di Istana Merdeka."))
        XCTAssertEqual(m.kind, .fuzzy)
        XCTAssertEqual(m.score, 88)
        XCTAssertEqual(m.target, "The president opened the cabinet meeting at Merdeka Palace.")
        // Two substitutions in 7 tokens → 71.4 → 71; below a threshold of 75 nothing comes back.
        XCTAssertNil(best("Presiden menutup rapat kabinet di Istana Merdeka.", threshold: 75))
        XCTAssertEqual(best("Presiden menutup rapat kabinet di Istana Merdeka.", threshold: 70)?.score, 71)
    }

    func testNumbersCostAPenaltyNotEditDistance() throws {
        // Only the number differs, but the target does not contain it in any notation we know: plain fuzzy.
        let tm2 = TranslationMemory(units: [TMUnit(source: "Ada 3 orang di sana.", target: "There were three people there.", origin: "x")])
        let m = try XCTUnwrap(tm2.lookup(TMQuery(text: "Ada 4 orang di sana."), threshold: 75, max: 1).first)
        XCTAssertEqual(m.kind, .fuzzy)
        XCTAssertEqual(m.score, 99)
        XCTAssertEqual(m.penalties.map(\.reason), ["number differs: 3 → 4"])
        XCTAssertNil(m.repairedTarget)
    }

    func testRankingKindBeforeScore() throws {
        let units = [
            TMUnit(tuid: "f", source: "Harga cabai naik 10 persen di pasar Jakarta hari ini.", target: "Chili prices rose 10 percent in Jakarta markets today.", origin: "r"),
            TMUnit(tuid: "e", source: "Harga cabai naik 12 persen di pasar Jakarta.", target: "Chili prices rose 12 percent in Jakarta markets.", origin: "r"),
            TMUnit(tuid: "t", source: "harga cabai naik 12 persen di pasar Jakarta", target: "chili prices rose 12 percent in Jakarta markets", origin: "r"),
            TMUnit(tuid: "x", source: "Harga cabai naik 12 persen di pasar Bogor.", target: "Chili prices rose 12 percent in Bogor markets.", origin: "r"),
        ]
        let tm = TranslationMemory(units: units)
        let matches = tm.lookup(TMQuery(text: "Harga cabai naik 12 persen di pasar Jakarta."), threshold: 50, max: 10)
        XCTAssertEqual(matches.map(\.kind), [.exact, .exactTextOnly, .fuzzy, .fuzzy])
        XCTAssertEqual(matches.map { $0.origin }, ["r#e", "r#t", "r#x", "r#f"])
        // With the number changed, the repaired match outranks a plain fuzzy one with a higher score.
        let changed = tm.lookup(TMQuery(text: "Harga cabai naik 15 persen di pasar Jakarta."), threshold: 50, max: 10)
        XCTAssertEqual(changed.first?.kind, .repairedFuzzy)
        XCTAssertEqual(changed.first?.repairedTarget, "Chili prices rose 15 percent in Jakarta markets.")
        XCTAssertTrue(changed.dropFirst().allSatisfy { $0.kind != .repairedFuzzy || $0.score <= changed[0].score })
    }

    func testDuplicatePairsAreReportedOnce() {
        let u = TMUnit(source: "Satu dua tiga empat.", target: "One two three four.", origin: "a")
        var v = u
        v.origin = "b"
        var w = u
        w.target = "One, two, three, four."
        let tm = TranslationMemory(units: [u, v, w])
        let m = tm.lookup(TMQuery(text: "Satu dua tiga empat."), threshold: 75, max: 5)
        XCTAssertEqual(m.map(\.target), ["One two three four.", "One, two, three, four."])
    }

    func testInlineTagsCostAPenalty() throws {
        var u = TMUnit(source: "Menteri berkata APBN sehat.", target: "The minister said the budget is healthy.", origin: "t")
        u.sourceVariant.markup = [TMInline(kind: .hiStart, offset: 15), TMInline(kind: .hiEnd, offset: 19)]
        let tm = TranslationMemory(units: [u])
        let m = try XCTUnwrap(tm.lookup(TMQuery(text: "Menteri berkata APBN sehat."), threshold: 75, max: 1).first)
        XCTAssertEqual(m.kind, .exact)
        XCTAssertEqual(m.score, 99)
        XCTAssertEqual(m.penalties.map(\.reason), ["inline tags differ"])
    }

    // MARK: repair, one case per placeable kind

    func repaired(_ text: String, terms: [TermHit] = [], file: StaticString = #filePath, line: UInt = #line) -> String? {
        let m = best(text, terms: terms)
        XCTAssertEqual(m?.kind, .repairedFuzzy, "\(String(describing: m))", file: file, line: line)
        return m?.repairedTarget
    }

    func testRepairGroupedNumber() {
        XCTAssertEqual(repaired("Sebanyak 2.400.500 warga menerima bantuan tersebut."), "A total of 2,400,500 residents received the assistance.")
        XCTAssertEqual(repaired("Jumlah korban mencapai 19.086 orang pada 2004."), "The number of victims reached 19,086 in 2004.")
    }

    func testRepairYearAndTwoNumbers() {
        XCTAssertEqual(repaired("Jumlah korban mencapai 15.090 orang pada 2006."), "The number of victims reached 15,090 in 2006.")
    }

    func testRepairPercentage() {
        XCTAssertEqual(repaired("Harga beras naik 4,25 persen pada Januari."), "Rice prices rose 4.25 percent in January.")
        XCTAssertEqual(repaired("Inflasi tahunan mencapai 3,1 persen."), "Annual inflation reached 3.1%.")
    }

    func testRepairAmountWithScaleWord() {
        XCTAssertEqual(repaired("Pemerintah menyiapkan anggaran Rp3,4 triliun untuk bantuan sosial."),
                       "The government has prepared Rp3.4 trillion for social assistance.")
        XCTAssertEqual(repaired("Pemerintah menyiapkan anggaran Rp900 miliar untuk bantuan sosial."),
                       "The government has prepared Rp900 billion for social assistance.")
    }

    func testRepairDates() {
        XCTAssertEqual(repaired("Rapat digelar pada Selasa (20/2) di Jakarta."), "The meeting was held on Tuesday (Feb 20) in Jakarta.")
        XCTAssertEqual(repaired("Rapat digelar pada Rabu (14/3) di Jakarta."), "The meeting was held on Wednesday (Mar 14) in Jakarta.")
        XCTAssertEqual(repaired("Pemilu akan digelar pada 27 November 2024."), "The election will be held on November 27, 2024.")
        XCTAssertEqual(repaired("Harga beras naik 3,5 persen pada Maret."), "Rice prices rose 3.5 percent in March.")
    }

    func testRepairTime() {
        XCTAssertEqual(repaired("Sidang dimulai pukul 13.30 WIB."), "The meeting began at 13:30 WIB.")
    }

    func testRepairFallsBackToSelarasTextPlaceables() throws {
        // The target writes the time on a 12-hour clock, which no notation of the source matches: the
        // value is found with SelarasText's placeable finder and written in its English notation.
        let tm = TranslationMemory(units: [TMUnit(source: "Rapat dimulai pukul 19.30 WIB.", target: "The meeting began at 7.30 pm.", origin: "t")])
        let m = try XCTUnwrap(tm.lookup(TMQuery(text: "Rapat dimulai pukul 20.15 WIB."), threshold: 75, max: 1).first)
        XCTAssertEqual(m.kind, .repairedFuzzy, "\(m)")
        XCTAssertEqual(m.repairedTarget, "The meeting began at 20:15 WIB.")
        XCTAssertEqual(m.repairs.count, 1)
    }

    func testRepairGlossaryTerm() {
        let dpd = TermHit(term: "DPD", start: 0, end: 3, text: "DPD", translations: ["Regional Representative Council"], kind: .acronym, origin: "g.tsv")
        let matcher: @Sendable (String) -> [TermHit] = { text in
            text.hasPrefix("DPR") ? [TermHit(term: "DPR", start: 0, end: 3, text: "DPR", translations: ["House of Representatives", "DPR"], kind: .acronym, origin: "g.tsv")] : []
        }
        let tm = TranslationMemory(units: Self.units, termMatcher: matcher)
        let m = tm.lookup(TMQuery(text: "DPD menyetujui rancangan undang-undang tersebut.", terms: [dpd]), threshold: 70, max: 1).first
        XCTAssertEqual(m?.kind, .repairedFuzzy)
        XCTAssertEqual(m?.repairedTarget, "The Regional Representative Council approved the bill.")
        XCTAssertEqual(m?.repairs.count, 1)
        // Without the matcher for TM sources the term cannot be verified: plain fuzzy.
        XCTAssertEqual(TranslationMemory(units: Self.units).lookup(TMQuery(text: "DPD menyetujui rancangan undang-undang tersebut.", terms: [dpd]), threshold: 70, max: 1).first?.kind, .fuzzy)
    }

    func testNoRepairWhenAWordAlsoChanged() throws {
        let m = try XCTUnwrap(best("Sebanyak 2.400.500 petani menerima bantuan tersebut."))
        XCTAssertEqual(m.kind, .fuzzy)
        XCTAssertNil(m.repairedTarget)
    }

    // MARK: index

    func testIndexAgreesWithExhaustiveScan() {
        var rng = SystemRandomNumberGenerator()
        let words = ["pemerintah", "presiden", "menteri", "harga", "naik", "turun", "pasar", "jakarta", "rapat", "sidang", "dpr",
                     "anggaran", "bantuan", "warga", "kota", "desa", "hari", "ini", "itu", "yang", "dan", "di", "ke", "dari"]
        var units: [TMUnit] = []
        for i in 0..<1500 {
            let n = Int.random(in: 3...14, using: &rng)
            var s = (0..<n).map { _ in words.randomElement(using: &rng)! }
            if i % 7 == 0 { s.append(String(Int.random(in: 1...99, using: &rng))) }
            units.append(TMUnit(tuid: "\(i)", source: s.joined(separator: " ") + ".", target: "t\(i)", origin: "gen"))
        }
        let tm = TranslationMemory(units: units)
        for q in 0..<150 {
            var s = units[Int.random(in: 0..<units.count, using: &rng)].source.dropLast().split(separator: " ").map(String.init)
            if !s.isEmpty && q % 2 == 0 { s.remove(at: Int.random(in: 0..<s.count, using: &rng)) }
            if q % 3 == 0 { s.insert(words.randomElement(using: &rng)!, at: Int.random(in: 0...s.count, using: &rng)) }
            let query = TMQuery(text: s.joined(separator: " "))
            for threshold in [50.0, 75, 90] {
                let a = tm.lookup(query, threshold: threshold, max: 20)
                let b = tm.lookup(query, threshold: threshold, max: 20, exhaustive: true)
                XCTAssertEqual(a, b, "query \(query.text) at \(threshold)")
            }
        }
    }

    func testConcurrentLookups() {
        let tm = self.tm
        let queries = Self.units.map { TMQuery(text: $0.source.replacingOccurrences(of: "di", with: "ke")) }
        let expected = queries.map { tm.lookup($0, threshold: 60, max: 3) }
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            let k = i % queries.count
            XCTAssertEqual(tm.lookup(queries[k], threshold: 60, max: 3), expected[k])
        }
    }
}
