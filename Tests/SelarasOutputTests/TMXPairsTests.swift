import Foundation
import SelarasCore
import SelarasTM
import XCTest
@testable import SelarasOutput

final class TMXPairsTests: XCTestCase {
    func testOnlyTMAndReviewedPairs() {
        let units = TMXPairs.units(of: Fixtures.full, context: Fixtures.context)
        XCTAssertEqual(units.map(\.tuid), ["01-dpr-ruu-pemilu/s1", "01-dpr-ruu-pemilu/s3", "01-dpr-ruu-pemilu/s6"])
        XCTAssertEqual(units[1].target, "The decision was taken after eight factions agreed.")
        XCTAssertEqual(units[1].props.first { $0.type == "x-selaras-provenance" }?.value, "tm-repaired")
        XCTAssertEqual(units[1].props.first { $0.type == "x-selaras-score" }?.value, "96")
        XCTAssertEqual(units[2].props.first { $0.type == "x-selaras-provenance" }?.value, "reviewed")
        XCTAssertEqual(units[0].creationDate, "20240309T160000Z")
        let withMT = TMXPairs.units(of: Fixtures.full, context: Fixtures.context, includeMachine: true)
        XCTAssertEqual(withMT.count, 5)
        XCTAssertFalse(withMT[3].source.unicodeScalars.contains { $0.value == 1 }, "forbidden characters removed")
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
        // Per article: s1, s3, s6; s3 and s6 are identical pairs everywhere, s1 differs in odd articles.
        XCTAssertEqual(pairs.count, 1 + 2 + 20)
        XCTAssertEqual(pairs.prefix(3).map(\.tuid), ["a00/s1", "a00/s3", "a00/s6"])
        XCTAssertEqual(pairs[3].tuid, "a01/s1")
    }
}
