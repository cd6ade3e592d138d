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
        XCTAssertEqual(checks("Ini peringatan HUT ke-50 partai itu.", "This is the party's 50th anniversary."), [], "ordinal digits")
        XCTAssertEqual(checks("Ini peringatan HUT ke-50 partai itu.", "This is the party's 51st anniversary."), [.number])
        XCTAssertEqual(checks("Kedua negara menandatangani perjanjian itu.", "The countries signed the agreement."), [], "kedua is often 'both'")
        // Compounds, codes, ranges, decades, clock and zones (PANL-BPPT-style sentences written for this test).
        XCTAssertEqual(checks("Duapuluh-lima orang tewas dalam baku tembak.", "Twenty-five people were killed in the shootout."), [])
        XCTAssertEqual(checks("Tiga puluh sembilan persen warga menolak.", "Thirty-nine percent of residents refused."), [])
        XCTAssertEqual(checks("Sebanyak 31 orang tewas.", "Thirty-one people were killed."), [])
        XCTAssertEqual(checks("Virus H5N1 menyebar ke Eropa.", "The H5N1 virus spread to Europe."), [])
        XCTAssertEqual(checks("Virus H5N1 menyebar ke Eropa.", "The H6N1 virus spread to Europe."), [.number])
        XCTAssertEqual(checks("Perang Korea 1950-1953 berakhir.", "The 1950-53 Korean War ended."), [])
        XCTAssertEqual(checks("Program itu diluncurkan pada 2004 oleh empat menteri.", "The program was launched in 2005 by four ministers."), [.number])
        XCTAssertEqual(checks("Gerilyawan itu aktif sejak 1960-an.", "The guerrillas have been active since the 1960s."), [])
        XCTAssertEqual(checks("Gerilyawan itu aktif sejak 1960-an.", "The guerrillas have been active since the 1961s."), [.number])
        XCTAssertEqual(checks("Penggunaan aspirin selama 1 sampai 5 tahun membantu.", "Using aspirin for 2 to 5 years helps."), [.number])
        XCTAssertEqual(checks("Tugas itu meliputi 10 kali dua menit.", "The task consisted of 11 two-minute blocks."), [.number])
        XCTAssertEqual(checks("Kendaraan itu masuk sebelum pukul 21.00 WIB.", "The vehicles entered just before 1400 GMT."), [])
        XCTAssertEqual(checks("Jam malam berlaku pukul 08.30 malam.", "The curfew takes effect at 8:30 p.m."), [])
        XCTAssertEqual(checks("Sekitar 70,000 orang mengungsi.", "Some 70,000 people fled."), [])
        XCTAssertEqual(checks("Sekitar selusin orang cedera.", "About a dozen people were hurt."), [])
        let f = qa.check(source: "Harga naik 5 persen.", target: "Prices rose 6 percent.")
        XCTAssertEqual(f.first?.message, "'5 persen' of the source not in the target; '6 percent' in the target not in the source")
    }

    func testTerms() {
        let hit = TermHit(term: "Dewan Perwakilan Rakyat", start: 0, end: 23, text: "Dewan Perwakilan Rakyat",
                          translations: ["House of Representatives"], forbidden: ["People's Representative Council"], kind: .exact, origin: "g")
        let s = "Dewan Perwakilan Rakyat menggelar rapat paripurna."
        XCTAssertEqual(checks(s, "The House of Representatives held a plenary session.", terms: [hit]), [])
        XCTAssertEqual(checks(s, "The parliament held a plenary session.", terms: [hit]), [], "a rendering of its own is not flagged by default")
        XCTAssertEqual(checks(s, "The Dewan Perwakilan Rakyat held a plenary session.", terms: [hit]), [.term], "left in Indonesian")
        let kpu = TermHit(term: "Komisi Pemilihan Umum", start: 0, end: 3, text: "KPU", translations: ["General Elections Commission"],
                          forbidden: [], kind: .acronym, origin: "g")
        XCTAssertEqual(checks("KPU menetapkan jadwal.", "The KPU set the schedule.", terms: [kpu]), [], "an acronym kept as English news keeps it")
        var all = QAOptions()
        all.termCheck = .all
        XCTAssertEqual(TranslationQA(options: all).check(source: s, target: "The parliament held a plenary session.", terms: [hit]).map(\.check), [.term])
        XCTAssertEqual(TranslationQA(options: all).check(source: s, target: "The House held a plenary session.", terms: [hit]).map(\.check), [], "half the words")
        let us = TermHit(term: "Amerika Serikat", start: 0, end: 2, text: "AS", translations: ["United States", "US"], forbidden: [], kind: .acronym, origin: "g")
        XCTAssertEqual(TranslationQA(options: all).check(source: "Tentara AS tiba.", target: "U.S. troops arrived.", terms: [us]).map(\.check), [])
        XCTAssertEqual(TranslationQA(options: all).check(source: "Tentara AS tiba.", target: "American troops arrived.", terms: [us]).map(\.check), [])
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
