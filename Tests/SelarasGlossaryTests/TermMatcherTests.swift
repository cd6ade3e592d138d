import Foundation
import SelarasCore
import XCTest
@testable import SelarasGlossary

final class TermMatcherTests: XCTestCase {
    let matcher = Support.matcher

    func pairs(_ text: String) -> [String] {
        matcher.match(text).map { "\($0.term)=\($0.text)" }
    }

    func testTrapsNamedInTheIssue() {
        XCTAssertEqual(pairs("Kementerian Dalam Negeri menerbitkan edaran."), ["Kementerian=Kementerian"])
        XCTAssertEqual(pairs("Para menteri hadir."), ["Menteri=menteri"])
        XCTAssertEqual(pairs("Anggaran pertahanan naik."), ["pertahanan=pertahanan"])
        XCTAssertEqual(pairs("Ukraina bertekad mempertahankan wilayahnya."), ["mempertahankan=mempertahankan"])
        XCTAssertEqual(pairs("Perdamaian masih jauh."), ["perdamaian=Perdamaian"])
        XCTAssertEqual(pairs("Perundingan damai kembali buntu."), ["perundingan damai=Perundingan damai"])
        XCTAssertEqual(pairs("Mereka sepakat berdamai."), [])
        XCTAssertEqual(pairs("Kelompok itu menyerahkan senjata."), ["menyerahkan=menyerahkan"])
        XCTAssertEqual(pairs("Pasukan itu akhirnya menyerah."), ["menyerah=menyerah"])
        XCTAssertEqual(pairs("Terserah kepada rakyat."), [])
    }

    func testNounInflection() {
        XCTAssertEqual(pairs("Sanksi-sanksinya dicabut."), ["sanksi=Sanksi-sanksinya"])
        XCTAssertEqual(pairs("Perundingan-perundingan damai gagal."), ["perundingan damai=Perundingan-perundingan damai"])
        XCTAssertEqual(pairs("Koalisinyalah penentunya."), ["koalisi=Koalisinyalah"])
        XCTAssertEqual(pairs("Gencatan senjatanya rapuh."), ["gencatan senjata=Gencatan senjatanya"])
        XCTAssertEqual(pairs("Pemberontakan dipadamkan."), [], "nominalisation is a different word")
        XCTAssertEqual(pairs("Kepresidenan Prancis menjawab."), [])
    }

    func testVerbVoiceButNotOtherSuffixes() {
        XCTAssertEqual(pairs("Perjanjian itu ditandatangani."), ["perjanjian=Perjanjian", "menandatangani=ditandatangani"])
        XCTAssertEqual(pairs("Tandatangani sekarang!"), ["menandatangani=Tandatangani"])
        XCTAssertEqual(pairs("Kupertahankan kota ini."), ["mempertahankan=Kupertahankan"])
        XCTAssertEqual(pairs("RUU itu disahkannya."), ["Rancangan Undang-Undang=RUU", "mengesahkan=disahkannya"])
        XCTAssertEqual(pairs("Pelaku tertangkap kamera."), ["menangkap=tertangkap"])
        XCTAssertEqual(pairs("Senjata diserahkan."), ["menyerahkan=diserahkan"])
        XCTAssertEqual(pairs("Aturan itu berlaku."), [], "ber- is derivation")
        XCTAssertEqual(pairs("Ratifikasi tertunda."), [], "a loan root's bare form is the noun")
        XCTAssertEqual(pairs("Terdakwa membantah."), [], "ter- person nouns are not passives")
    }

    func testAcronymsOnlyInCapitals() {
        XCTAssertEqual(pairs("Osama bin Laden tewas."), [])
        XCTAssertEqual(pairs("Kepala BIN melapor."), ["Badan Intelijen Negara=BIN"])
        XCTAssertEqual(pairs("Keputusan KPU-nya digugat."), ["Komisi Pemilihan Umum=KPU-nya", "menggugat=digugat"])
        let hit = matcher.match("Putusan MK final.").first
        XCTAssertEqual(hit?.kind, .acronym)
        XCTAssertEqual(hit?.term, "Mahkamah Konstitusi")
        XCTAssertEqual(hit?.translations, ["Constitutional Court"])
    }

    func testLongestFirstAndKinds() {
        let hits = matcher.match("Komisi Pemilihan Umum (KPU) dan Menteri Luar Negeri bertemu Wakil Menteri Luar Negeri.")
        XCTAssertEqual(hits.map(\.text), ["Komisi Pemilihan Umum", "KPU", "Menteri Luar Negeri", "Menteri Luar Negeri"])
        XCTAssertEqual(hits.map(\.kind), [.exact, .acronym, .exact, .exact])
        XCTAssertEqual(matcher.match("Sanksinya berat.").first?.kind, .inflected)
        XCTAssertEqual(matcher.match("MENLU RI").first?.kind, .exact, "case alone is not inflection")
    }

    func testCodePointOffsetsAndTypography() {
        let text = "🇮🇩 Kata “Menteri” dan Gerakan Non\u{2011}Blok\u{00A0}…"
        let hits = matcher.match(text)
        XCTAssertEqual(hits.map(\.term), ["Menteri", "Gerakan Non-Blok"])
        for h in hits {
            XCTAssertEqual(text.codePointSlice(h.start..<h.end), h.text)
        }
        XCTAssertEqual(hits[0].start, 9, "the flag is two code points, then a space, Kata, a space and a quote")
        let soft = "Keduanya menandatan\u{00AD}gani perjanjian."
        XCTAssertEqual(pairs(soft).first, "menandatangani=menandatan\u{00AD}gani")
    }

    func testHyphenationVariantsAndParts() {
        XCTAssertEqual(pairs("Gerakan Nonblok bersidang."), ["Gerakan Non-Blok=Gerakan Nonblok"])
        XCTAssertEqual(pairs("Gerakan Non Blok bersidang."), ["Gerakan Non-Blok=Gerakan Non Blok"])
        XCTAssertEqual(pairs("Massa anti-NATO berkumpul."), ["NATO=NATO"])
        XCTAssertEqual(pairs("DK-PBB bersidang; DK PBB bersidang."), ["Dewan Keamanan PBB=DK-PBB", "Dewan Keamanan PBB=DK PBB"])
        XCTAssertEqual(pairs("Suasana pasca-pemilu tenang."), ["pemilihan umum=pemilu"])
    }

    func testPartOfSpeechFromTheEntry() {
        // The same word as a noun entry takes no verbal voice; as a verb entry it does.
        let noun = TermMatcher(glossaries: [Glossary(entries: [GlossaryEntry(term: "dinas", translations: ["agency"])], origin: "a")])
        XCTAssertEqual(noun.match("Kepala dinas-dinas itu").map(\.text), ["dinas-dinas"])
        let verb = TermMatcher(glossaries: [Glossary(entries: [
            GlossaryEntry(term: "mengawasi", translations: ["supervise"], partOfSpeech: "verb"),
        ], origin: "a")])
        XCTAssertEqual(verb.match("Pemilu diawasi ketat; mereka mengawasinya; pengawasan ketat.").map(\.text),
                       ["diawasi", "mengawasinya"])
        let root = TermMatcher(glossaries: [Glossary(entries: [
            GlossaryEntry(term: "caplok", translations: ["annex"], partOfSpeech: "v"),
        ], origin: "a")])
        XCTAssertEqual(root.match("Rusia mencaplok Krimea; Krimea dicaplok; pencaplokan itu ilegal.").map(\.text),
                       ["mencaplok", "dicaplok"])
        let propn = TermMatcher(glossaries: [Glossary(entries: [
            GlossaryEntry(term: "Demokrat", translations: ["Democratic Party"], partOfSpeech: "propn"),
        ], origin: "a")])
        XCTAssertEqual(propn.match("Partai Demokrat dan kaum demokrat").map(\.text), ["Demokrat"])
    }

    func testEarlierGlossaryWinsTies() {
        let a = Glossary(entries: [GlossaryEntry(term: "sanksi", translations: ["sanction"])], origin: "a.tsv")
        let b = Glossary(entries: [GlossaryEntry(term: "Sanksi", translations: ["penalty"])], origin: "b.tsv")
        let hit = TermMatcher(glossaries: [b, a]).match("sanksi").first
        XCTAssertEqual(hit?.origin, "b.tsv")
        XCTAssertEqual(hit?.term, "Sanksi")
    }

    func testConcurrentUseGivesTheSameHits() {
        let m = matcher
        let texts = (0..<64).map { "Kalimat \($0): Sanksi-sanksi DPR-nya ditandatangani Menteri Luar Negeri." }
        let expected = texts.map { m.match($0) }
        final class Box: @unchecked Sendable {
            var results: [[TermHit]]
            let lock = NSLock()
            init(_ n: Int) { results = Array(repeating: [], count: n) }
        }
        let box = Box(texts.count)
        DispatchQueue.concurrentPerform(iterations: texts.count) { i in
            let hits = m.match(texts[i])
            box.lock.lock()
            box.results[i] = hits
            box.lock.unlock()
        }
        XCTAssertEqual(box.results, expected)
    }

    /// The benchmark set (Fixtures/matching/cases.jsonl): every case must come out exactly.
    func testFixtureCases() throws {
        let data = try Data(contentsOf: Support.fixture("matching/cases.jsonl"))
        struct Case: Decodable {
            struct Hit: Decodable { var term: String; var text: String }
            var id: String
            var text: String
            var expected: [Hit]
        }
        var count = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let c = try JSONDecoder().decode(Case.self, from: Data(line.utf8))
            let got = matcher.match(c.text).map { "\($0.term)=\($0.text)" }.sorted()
            XCTAssertEqual(got, c.expected.map { "\($0.term)=\($0.text)" }.sorted(), "\(c.id): \(c.text)")
            count += 1
        }
        XCTAssertGreaterThanOrEqual(count, 120)
    }
}
