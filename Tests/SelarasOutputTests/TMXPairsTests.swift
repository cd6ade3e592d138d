import Foundation
import SelarasFormats
import SelarasCore
import XCTest
@testable import SelarasOutput

final class TMXPairsTests: XCTestCase {
    func testOnlyTMAndReviewedPairs() {
        let units = TMXPairs.units(of: Fixtures.full, context: Fixtures.context)
        // s3 is a repaired fuzzy fill nobody confirmed: not a pair.
        XCTAssertEqual(units.map(\.tuid), ["01-dpr-ruu-pemilu/s1", "01-dpr-ruu-pemilu/s6"])
        XCTAssertEqual(units[0].props.first { $0.type == "x-selaras-provenance" }?.value, "tm-exact")
        XCTAssertEqual(units[0].props.first { $0.type == "x-selaras-score" }?.value, "100")
        XCTAssertEqual(units[1].props.first { $0.type == "x-selaras-provenance" }?.value, "reviewed")
        XCTAssertEqual(units[0].creationDate, "20240309T160000Z")
        let withMT = TMXPairs.units(of: Fixtures.full, context: Fixtures.context, includeMachine: true)
        XCTAssertEqual(withMT.map(\.tuid), ["01-dpr-ruu-pemilu/s1", "01-dpr-ruu-pemilu/s2", "01-dpr-ruu-pemilu/s5", "01-dpr-ruu-pemilu/s6"])
        XCTAssertFalse(withMT[2].source.unicodeScalars.contains { $0.value == 1 }, "forbidden characters removed")
        XCTAssertEqual(TMXPairs.units(of: Fixtures.articleOnly, context: Fixtures.context), [])
        XCTAssertEqual(TMXPairs.units(of: Fixtures.empty, context: Fixtures.context), [])
    }

    func testRunCollectorIsOrderIndependentDeduplicatedAndThreadSafe() {
        let collector = RunTMXCollector(context: Fixtures.context)
        var docs: [Document] = []
        for i in 0..<40 {
            var d = Fixtures.full
            d.article.id = String(format: "a%02d", i)
            if i % 2 == 1 {  // a different English for s1 in odd articles: a distinct pair
                d.targets![0].text = "House passes election bill (\(i))"
            }
            docs.append(d)
        }
        let all = docs
        DispatchQueue.concurrentPerform(iterations: all.count) { i in
            collector.add(all[all.count - 1 - i])
        }
        let pairs = collector.pairs
        // Per article: s1, s6; s6 is the same pair everywhere, s1 differs in odd articles.
        XCTAssertEqual(pairs.count, 1 + 1 + 20)
        XCTAssertEqual(pairs.prefix(2).map(\.tuid), ["a00/s1", "a00/s6"])
        XCTAssertEqual(pairs[2].tuid, "a01/s1")
    }
}

final class TMXDocumentWriterTests: XCTestCase {
    func testEveryFixtureIsValidTMX14() throws {
        for (name, doc) in Fixtures.all {
            let data = try TMXDocumentWriter().render(doc, context: Fixtures.context)
            // `try` outside the assertion: without the schemas the test is skipped, not failed.
            let problems = try Schemas.problems(data, schema: "tmx14.dtd", dtd: true)
            XCTAssertNil(problems, "fixture \(name)")
        }
    }

    func testPairsReadBackWithSelarasReader() throws {
        let data = try TMXDocumentWriter().render(Fixtures.full, context: Fixtures.context)
        var units: [TMUnit] = []
        let issues = try TMXReader().read(data: data, name: "a.tmx") { units.append($0) }
        XCTAssertEqual(issues.map(\.description), [])
        XCTAssertEqual(units.map(\.tuid), ["01-dpr-ruu-pemilu/s1", "01-dpr-ruu-pemilu/s6"])
        XCTAssertEqual(units.map(\.target), ["House Passes Election Bill into Law", "The Minister of Home Affairs welcomed the decision."])
        XCTAssertEqual(units[1].props.first { $0.type == "x-selaras-provenance" }?.value, "reviewed")
        let x = try XMLDoc(data)
        XCTAssertEqual(x.string("/tmx/header/@srclang"), "id")
        XCTAssertEqual(x.string("/tmx/header/@creationtool"), "Selaras")
        XCTAssertEqual(x.count("//tuv[@xml:lang='en']"), 2)
    }

    func testRunTMXIncludesSkippedArticlesFromTheirTMX() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-runtmx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        // An earlier run wrote b.tmx; this run skips article b and processes a.
        var b = Fixtures.full
        b.article.id = "b"
        b.targets![2] = Target(text: "Another decision.", provenance: .reviewed, origin: "editor")
        try AtomicFile.write(try TMXDocumentWriter().render(b, context: Fixtures.context), to: dir.appendingPathComponent("b.tmx"))
        var a = Fixtures.full
        a.article.id = "a"
        let collector = RunTMXCollector(context: Fixtures.context)
        collector.add(a)
        XCTAssertEqual(try collector.addTMX(at: dir.appendingPathComponent("b.tmx")).map(\.description), [])
        let run = dir.appendingPathComponent(RunTMXCollector.fileName)
        try collector.write(to: run)
        let data = try Data(contentsOf: run)
        XCTAssertEqual(data, collector.render())
        if Schemas.available {
            XCTAssertNil(try Schemas.problems(data, schema: "tmx14.dtd", dtd: true))
        }
        var units: [TMUnit] = []
        _ = try TMXReader().read(run) { units.append($0) }
        // a's two pairs, then b's only new pair, its reviewed s3 (its s1 and s6 equal a's).
        XCTAssertEqual(units.map(\.tuid), ["a/s1", "a/s6", "b/s3"])
        XCTAssertEqual(units.last?.target, "Another decision.")
    }
}
