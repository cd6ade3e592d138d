import SelarasCore
import XCTest
@testable import SelarasQA

final class TranslationQATests: XCTestCase {
    let qa = TranslationQA()

    func checks(_ source: String, _ target: String, terms: [TermHit] = []) -> [QAFinding.Check] {
        qa.check(source: source, target: target, terms: terms).map(\.check)
    }

    // Good translations (PANL-style news, written for this test) are not flagged.
    func testCleanTranslationsPass() {
        let pairs = [
            ("Jumlah korban tewas mencapai 2.375.000 orang pada 2004.", "The death toll reached 2,375,000 people in 2004."),
            ("Inflasi naik 3,5 persen pada Kamis (13/2).", "Inflation rose 3.5 percent on Thursday (13 February)."),
            ("Pemerintah menyiapkan anggaran Rp2,1 triliun untuk tiga provinsi.", "The government has prepared a budget of Rp2.1 trillion for three provinces."),
            ("Rapat dimulai pukul 19.30 WIB di gedung DPR.", "The meeting started at 19:30 WIB at the House building."),
            ("Presiden Joko Widodo membuka sidang kabinet di Jakarta, Senin.", "President Joko Widodo opened the cabinet meeting in Jakarta on Monday."),
            ("Salah satu anggota DPR menolak usulan itu.", "One of the House members rejected the proposal."),
        ]
        for (s, t) in pairs { XCTAssertEqual(checks(s, t), [], "\(s) → \(t)") }
    }

    func testNumbers() {
        XCTAssertEqual(checks("Jumlah korban mencapai 15.086 orang.", "The number of victims reached 19,086."), [.number])
        XCTAssertEqual(checks("Inflasi naik 0,31 persen pada Oktober.", "Inflation fell 0.12 percent in October."), [.number])
        XCTAssertEqual(checks("Delapan orang ditahan.", "Six people were detained."), [.number])
        XCTAssertEqual(checks("Polisi menahan delapan orang.", "Police detained six people."), [.number])
        XCTAssertEqual(checks("Polisi menahan delapan orang.", "Police detained eight people."), [])
        XCTAssertEqual(checks("Polisi menahan dua belas orang.", "Police detained 12 people."), [])
        XCTAssertEqual(checks("Sidang digelar 13/2.", "The hearing was held on 14 February."), [.number])
        let f = qa.check(source: "Harga naik 5 persen.", target: "Prices rose 6 percent.")
        XCTAssertEqual(f.first?.message, "'5 persen' of the source not in the target; '6 percent' in the target not in the source")
    }

    func testTerms() {
        let hit = TermHit(term: "Dewan Perwakilan Rakyat", start: 0, end: 23, text: "Dewan Perwakilan Rakyat",
                          translations: ["House of Representatives"], forbidden: ["People's Representative Council"], kind: .exact, origin: "g")
        let s = "Dewan Perwakilan Rakyat menggelar rapat paripurna."
        XCTAssertEqual(checks(s, "The House of Representatives held a plenary session.", terms: [hit]), [])
        XCTAssertEqual(checks(s, "The parliament held a plenary session.", terms: [hit]), [.term])
        let forbidden = qa.check(source: s, target: "The People's Representative Council held a plenary session.", terms: [hit])
        XCTAssertEqual(Set(forbidden.map(\.check)), [.term])
        XCTAssertTrue(forbidden.contains { $0.message.hasPrefix("forbidden:") }, "\(forbidden)")
    }

    func testUntranslated() {
        let s = "Pemerintah akan segera menyusun peraturan pelaksanaannya."
        XCTAssertEqual(checks(s, s), [.untranslated])
        XCTAssertEqual(checks(s, "The government akan segera menyusun peraturan pelaksanaannya."), [.untranslated])
        XCTAssertEqual(checks("Joko Widodo dan Prabowo Subianto bertemu.", "Joko Widodo and Prabowo Subianto met."), [], "names are copied")
    }

    func testLength() {
        let s = "Menteri Luar Negeri Retno Marsudi bertemu dengan para menteri luar negeri ASEAN di Jakarta untuk membahas krisis di Myanmar."
        let t = "Foreign Minister Retno Marsudi met ASEAN foreign ministers in Jakarta to discuss the crisis in Myanmar."
        XCTAssertEqual(checks(s, t), [])
        let half = t.split(separator: " ").prefix(8).joined(separator: " ")
        XCTAssertEqual(checks(s, half), [.omission])
        XCTAssertEqual(checks(s, t + " " + t + " The meeting lasted for many hours and ended without a joint statement, as had been feared by observers."), [.addition])
        XCTAssertEqual(checks("Ya.", "Yes, indeed, absolutely so."), [], "short sentences are not judged by length")
    }

    func testTags() {
        XCTAssertEqual(checks("Klik <b>di sini</b> untuk {1}.", "Click <b>here</b> for {1}."), [])
        XCTAssertEqual(checks("Klik <b>di sini</b> untuk {1}.", "Click here for {1}."), [.tags])
        XCTAssertEqual(qa.check(source: "Nilai {1} dan {2}.", target: "Value {1}.").first?.message, "missing {2}")
    }
}
