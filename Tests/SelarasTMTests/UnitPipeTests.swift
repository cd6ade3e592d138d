import Foundation
import XCTest
import SelarasFormats
@testable import SelarasTM

/// The import's reading thread (`UnitPipe`) and the batches it hands over (`UnitBatch`).
final class UnitPipeTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-pipe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    /// 400 units of inflected Indonesian words, numbers, percentages, long words and non-ASCII text.
    func units() -> [TMUnit] {
        let words = ["menyatakan", "dinyatakan", "pernyataan", "pemerintah", "memerintahkan", "anak-anak", "Jum'at", "harga", "naik",
                     "ketidakbertanggungjawaban", "Rp2,1", "3,5%", "2.375.000", "13/2", "énergie", "DPR", "Presiden", "membuka",
                     "sidang", "kabinet", "di", "yang", "dan", "pukul", "10.30"]
        var rng = SystemRandomNumberGenerator()
        return (0..<400).map { i in
            let n = Int.random(in: 1...14, using: &rng)
            let text = (0..<n).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ") + "."
            return TMUnit(tuid: "\(i)", source: text, target: "Target \(i).",
                          props: i % 3 == 0 ? [TMUnit.Prop(type: "x-domain", value: "news")] : [], origin: "p.tmx")
        }
    }

    /// Reads the file through a pipe and builds an index from its batches.
    func indexThroughPipe(_ url: URL, shareAt: Int) throws -> (FuzzyIndex, shared: Int, batches: Int) {
        var builder = FuzzyIndexBuilder()
        let readerInterner = KeyInterner()
        let pipe = UnitPipe.start(TMXReader(), url, interner: readerInterner, shareAt: shareAt, batchSize: 16)
        var shared = 0, batches = 0
        while var batch = pipe.next() {
            batches += 1
            if batch.termsComputed { shared += 1 }
            builder.add(&batch)
            pipe.recycle(batch)
        }
        XCTAssertEqual(try pipe.outcome().0, [])
        return (builder.build(), shared, batches)
    }

    /// The keys of every unit, as strings (key ids depend on the order keys were met).
    func keySequences(_ index: FuzzyIndex) -> [[String]] {
        (0..<index.unitCount).map { index.unitTokens($0).map { index.keys[Int($0)] } }
    }

    func testTermsComputedByEitherThreadGiveTheSameIndex() throws {
        let units = units()
        let url = dir.appendingPathComponent("p.tmx")
        try TMXWriter(stampDates: false).write(units: units, to: url)
        var direct = FuzzyIndexBuilder()
        for u in units { direct.add(text: u.source) }
        let expected = keySequences(direct.build())

        let (readerIndex, shared, batches) = try indexThroughPipe(url, shareAt: 0)
        XCTAssertEqual(shared, 400 / 16, "every full batch's terms computed by the reading thread")
        XCTAssertEqual(batches, 400 / 16)
        XCTAssertEqual(keySequences(readerIndex), expected)
        let (storeIndex, none, _) = try indexThroughPipe(url, shareAt: Int.max)
        XCTAssertEqual(none, 0)
        XCTAssertEqual(keySequences(storeIndex), expected)

        // The same candidates either way.
        let analyzer = MatchAnalyzer()
        for q in units.prefix(40) {
            let keys = analyzer.analyze(q.source).keys
            let a = readerIndex.search(readerIndex.ids(for: keys), minSimilarity: 0.5).map(\.ordinal).sorted()
            let b = storeIndex.search(storeIndex.ids(for: keys), minSimilarity: 0.5).map(\.ordinal).sorted()
            XCTAssertEqual(a, b)
            XCTAssertTrue(a.contains(Int(q.tuid!)!))
        }
    }

    func testBatchKeepsEveryField() throws {
        var u = TMUnit(tuid: "t1", source: "Satu dua.", target: "One two.", sourceLanguage: "id-ID", targetLanguage: "en-GB", origin: "x",
                       line: 7, creationDate: "20240101T000000Z", changeDate: nil)
        u.props = [TMUnit.Prop(type: "prev", value: "Sebelumnya."), TMUnit.Prop(type: "x-domain", value: "news")]
        var batch = UnitBatch()
        batch.append(u)
        batch.append(TMUnit(source: "", target: "Kosong.", origin: "x"))
        XCTAssertEqual(batch.count, 2)
        func text(_ s: UnitBatch.Span) -> String? {
            s.isAbsent ? nil : String(decoding: batch.bytes[Int(s.start)..<Int(s.start + s.count)], as: UTF8.self)
        }
        let r = batch.units[0]
        XCTAssertEqual([text(r.tuid), text(r.source), text(r.target), text(r.sourceLanguage), text(r.targetLanguage), text(r.created), text(r.changed)],
                       ["t1", "Satu dua.", "One two.", "id-ID", "en-GB", "20240101T000000Z", nil])
        XCTAssertEqual(r.line, 7)
        XCTAssertEqual(r.propsContext, TMUnitContext(previous: MatchAnalyzer.contextKey("Sebelumnya."), next: nil, known: true))
        var decoded = TMUnit(source: "", target: "", origin: "")
        UnitExtras.decode(Data(batch.bytes[Int(r.extra.start)..<Int(r.extra.start + r.extra.count)]), into: &decoded)
        XCTAssertEqual(decoded.props, u.props)
        XCTAssertNil(text(batch.units[1].tuid))
        XCTAssertEqual(text(batch.units[1].source), "")
        XCTAssertTrue(batch.units[1].extra.isAbsent)
        XCTAssertNil(batch.units[1].propsContext)
    }

    /// The two-thread index build gives the same lists as the one-thread build, sorted by (length, unit).
    func testIndexBuiltInPartsIsTheSame() {
        var rng = SystemRandomNumberGenerator()
        let keys = (0..<500).map { "k\($0)" }
        var tokenStart: [UInt32] = [0], tokens: [UInt32] = []
        for _ in 0..<6000 {
            for _ in 0..<Int.random(in: 0...30, using: &rng) { tokens.append(UInt32(Int.random(in: 0..<500, using: &rng) / Int.random(in: 1...20, using: &rng))) }
            tokenStart.append(UInt32(tokens.count))
        }
        let one = FuzzyIndexBuilder.index(keys: keys, tokenStart: tokenStart, tokens: tokens, parts: 1)
        for parts in [2, 3] {
            let many = FuzzyIndexBuilder.index(keys: keys, tokenStart: tokenStart, tokens: tokens, parts: parts)
            XCTAssertEqual(many.postingStart, one.postingStart)
            XCTAssertEqual(many.postings, one.postings)
        }
        for k in 0..<keys.count {
            let list = one.postings[Int(one.postingStart[k])..<Int(one.postingStart[k + 1])].map { Int($0) }
            let sorted = list.sorted { (one.length($0), $0) < (one.length($1), $1) }
            XCTAssertEqual(list, sorted)
            XCTAssertEqual(Set(list).count, list.count)
            XCTAssertEqual(Set(list), Set((0..<one.unitCount).filter { one.unitTokens($0).contains(UInt32(k)) }))
        }
    }
}
