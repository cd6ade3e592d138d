import Foundation
import XCTest
@testable import SelarasAlign
import SelarasText

/// The aligner on documents written for these tests (news in both languages, in the style of
/// Indonesian wire copy and its English edition).
final class SentenceAlignerTests: XCTestCase {
    let source = [
        "Presiden Joko Widodo membuka sidang kabinet di Jakarta pada Senin.",
        "Rapat membahas anggaran negara tahun 2027 senilai Rp3.600 triliun.",
        "Menteri Keuangan Sri Mulyani hadir dalam rapat itu.",
        "Ia mengatakan defisit akan dijaga di bawah 3 persen.",
        "Sidang berlangsung selama tiga jam.",
        "Wartawan tidak diizinkan masuk ke ruang sidang.",
        "Presiden meminta para menteri bekerja lebih keras.",
    ]
    let target = [
        "President Joko Widodo opened a cabinet meeting in Jakarta on Monday.",
        "The meeting discussed the 2027 state budget worth Rp3,600 trillion.",
        "Finance Minister Sri Mulyani attended the meeting. She said the deficit would be kept below 3 percent.",
        "The session lasted three hours.",
        "The President asked the ministers to work harder.",
    ]

    func lexicon() -> TranslationLexicon {
        var l = TranslationLexicon(stemmer: IndonesianStemmer(lexicon: nil))
        for (id, en) in [("presiden", "president"), ("sidang", "session"), ("sidang", "meeting"), ("rapat", "meeting"),
                         ("anggaran", "budget"), ("menteri", "minister"), ("keuangan", "finance"), ("defisit", "deficit"),
                         ("jam", "hours"), ("tiga", "three"), ("bekerja", "work"), ("keras", "harder"), ("kabinet", "cabinet"),
                         ("membuka", "opened"), ("negara", "state"), ("hadir", "attended"), ("persen", "percent")] {
            l.add(indonesian: id, english: en)
        }
        return l
    }

    func testMergesAndDropsAreFound() {
        let beads = SentenceAligner(lexicon: lexicon()).align(source: source, target: target)
        XCTAssertEqual(beads.map { [Array($0.source), Array($0.target)] }, [
            [[0], [0]], [[1], [1]], [[2, 3], [2]], [[4], [3]], [[5], []], [[6], [4]],
        ])
        // Every sentence in exactly one bead, in order.
        XCTAssertEqual(beads.flatMap { Array($0.source) }, Array(0..<source.count))
        XCTAssertEqual(beads.flatMap { Array($0.target) }, Array(0..<target.count))
        for b in beads { XCTAssert((0...1).contains(b.confidence)) }
        XCTAssertLessThan(beads[4].confidence, beads[0].confidence, "the dropped sentence is the least sure")
    }

    func testEmptySides() {
        let a = SentenceAligner(lexicon: lexicon())
        XCTAssertEqual(a.align(source: [], target: []), [])
        XCTAssertEqual(a.align(source: ["Satu."], target: []).map(\.target), [0..<0])
        XCTAssertEqual(a.align(source: [], target: ["One.", "Two."]).count, 2)
    }

    func testLongDocumentsStayInTheBand() {
        // 600 sentence pairs with numbers that tell them apart; one drop in the middle.
        var s: [String] = [], t: [String] = []
        for k in 0..<600 {
            s.append("Laporan nomor \(k + 1000) menyebut \(k * 7 + 3) orang terdampak banjir.")
            if k != 300 { t.append("Report number \(k + 1000) said \(k * 7 + 3) people were affected by floods.") }
        }
        let beads = SentenceAligner(lexicon: lexicon()).align(source: s, target: t)
        XCTAssertEqual(beads.count, 600)
        XCTAssertEqual(beads[300].target.count, 0)
        XCTAssertEqual(beads[301].target, 300..<301)
    }

    func testModelOneLearnsPairsFromAlignedSentences() {
        var corpus: [([Int], [Int])] = []
        for _ in 0..<5 { corpus += [([1, 2], [10, 20]), ([1, 3], [10, 30]), ([2, 3], [20, 30])] }
        let pairs = Set(IBMModel1.pairs(corpus).map { "\($0.0)-\($0.1)" })
        XCTAssertTrue(pairs.isSuperset(of: ["1-10", "2-20", "3-30"]), "\(pairs)")
        XCTAssertFalse(pairs.contains("1-20"))
    }

    func testFreeDictEntries() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-dict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("test.dict")
        try """
            00-database-info
            A test dictionary written for Selaras.
            budget /ˈbʌdʒɪt/ <n>
            anggaran, APBN
            amount of money planned for a purpose
            talk /tɔːk/ <v>
            1. berbicara, bicara
            to speak
            2. perundingan
            a negotiation
            """.write(to: url, atomically: true, encoding: .utf8)
        let entries = try FreeDictReader.read(url)
        XCTAssertEqual(entries.map(\.english), ["budget", "talk"])
        XCTAssertEqual(entries[0].indonesian, ["anggaran", "APBN"])
        XCTAssertEqual(entries[1].indonesian, ["berbicara", "bicara", "perundingan"])
        XCTAssertThrowsError(try FreeDictReader.read(dir.appendingPathComponent("missing.dict.dz")))
    }
}
