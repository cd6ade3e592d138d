import Foundation
import SelarasCore
import SelarasFormats
import XCTest
@testable import SelarasTM

/// Removing, deduplicating and searching units of a store (units written for the test).
final class MaintenanceTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-maint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func store() throws -> TMStore {
        let s = try TMStore(url: dir.appendingPathComponent("s.sqlite"))
        var units = [
            TMUnit(tuid: "1", source: "Perundingan damai dilanjutkan di Jenewa.", target: "Peace talks resumed in Geneva.", origin: "a"),
            TMUnit(tuid: "2", source: "Polisi menangkap dua tersangka.", target: "Police arrested two suspects.", origin: "a"),
            TMUnit(tuid: "3", source: "Polisi menangkap dua tersangka.", target: "The police detained two suspects.", origin: "a"),
            TMUnit(tuid: "4", source: "Mereka berunding selama tiga hari.", target: "They negotiated for three days.", origin: "a"),
        ]
        units[3].props = [.init(type: "x-domain", value: "politics")]
        units[3].changeDate = "20250102T000000Z"
        _ = try s.add(units: units, origin: "test.tmx")
        return s
    }

    func testFilters() throws {
        let s = try store()
        func ids(_ f: [String]) throws -> Int { try s.unitIDs(matching: try TMUnitFilter(parsing: f)).count }
        XCTAssertEqual(try ids(["source~polisi"]), 2)
        XCTAssertEqual(try ids(["source~polisi", "target~detained"]), 1)
        XCTAssertEqual(try ids(["prop:x-domain=politics"]), 1)
        // add() stamps the others with today's date.
        XCTAssertEqual(try ids(["date>=2025-01-01", "date<2025-02"]), 1)
        XCTAssertEqual(try ids(["tuid=2"]), 1)
        XCTAssertThrowsError(try TMUnitFilter(parsing: ["colour=red"])) { e in
            XCTAssertEqual((e as? Diagnostic)?.code, .tmFilter)
        }
    }

    func testRemoveKeepsTheIndexInStep() throws {
        let s = try store()
        let tm = try TranslationMemory(store: s)
        XCTAssertEqual(tm.lookup(TMQuery(text: "Polisi menangkap dua tersangka."), threshold: 100, max: 5).count, 2)
        let gone = try s.unitIDs(matching: TMUnitFilter([.targetContains("detained")]))
        XCTAssertEqual(try s.remove(ids: Set(gone)).unitsRemoved, 1)
        let after = try TranslationMemory(store: s)
        XCTAssertEqual(after.lookup(TMQuery(text: "Polisi menangkap dua tersangka."), threshold: 100, max: 5).map(\.target), ["Police arrested two suspects."])
    }

    func testDuplicatesAndConflicts() throws {
        let s = try store()
        _ = try s.add(units: [TMUnit(source: "Perundingan damai dilanjutkan di Jenewa.", target: "Peace talks resumed in Geneva.", origin: "b")],
                      origin: "more.tmx")
        let (dup, conflicts) = try s.duplicates()
        XCTAssertEqual(dup.count, 0, "add() already refuses an exact duplicate")
        XCTAssertEqual(conflicts.map(\.source), ["Polisi menangkap dua tersangka."])
        XCTAssertEqual(conflicts.first?.targets.count, 2)
    }

    func testConcordanceFindsInflectedForms() throws {
        let s = try store()
        let c = Concordance(store: s)
        XCTAssertFalse(try c.isCurrent())
        try c.prepare()
        XCTAssertTrue(try c.isCurrent())
        let (hits, total) = try c.search("perundingan", side: .source)
        XCTAssertEqual(total, 2, "perundingan and berunding share the stem runding")
        XCTAssertEqual(hits.map(\.tuid), ["1", "4"])
        XCTAssertEqual(hits[0].ranges, [0..<11])
        XCTAssertEqual(try c.search("talk", side: .target).total, 1)
        XCTAssertEqual(try c.search("Jenewa dilanjutkan", side: .source).total, 0, "the words in order")
        // A change of the units makes the index stale.
        _ = try s.remove(ids: Set(try s.unitIDs(matching: TMUnitFilter([.tuid("4")]))))
        XCTAssertFalse(try c.isCurrent())
        try c.prepare()
        XCTAssertEqual(try c.search("perundingan", side: .source).total, 1)
        XCTAssertEqual(Concordance.words("Perundingan-perundingan damai, é").map(\.word), ["Perundingan-perundingan", "damai", "é"])
    }
}
