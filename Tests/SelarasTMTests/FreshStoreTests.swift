import Foundation
import SelarasFormats
import SelarasCore
import XCTest
@testable import SelarasTM

/// The first import into a store that does not exist yet (`FreshStore`): built under a temporary
/// name and published whole, with the same content as the transactional refresh path.
final class FreshStoreTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-fresh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    /// A few hundred varied units: shared words (fuzzy matches), numbers (repairs), a prop, a
    /// duplicate source with another target, and a unit without word tokens.
    func corpus(_ name: String) throws -> URL {
        let subjects = ["Presiden", "Menteri Keuangan", "Gubernur Jakarta", "Ketua DPR", "Polisi", "Warga desa"]
        let verbs = ["membuka", "menutup", "meninjau", "membahas", "menolak"]
        let objects = ["sidang kabinet", "pasar baru", "jembatan tol", "anggaran negara", "rencana itu"]
        let english = ["Presiden": "The president", "Menteri Keuangan": "The finance minister", "Gubernur Jakarta": "The Jakarta governor",
                       "Ketua DPR": "The House speaker", "Polisi": "The police", "Warga desa": "The villagers",
                       "membuka": "opened", "menutup": "closed", "meninjau": "inspected", "membahas": "discussed", "menolak": "rejected",
                       "sidang kabinet": "the cabinet meeting", "pasar baru": "the new market", "jembatan tol": "the toll bridge",
                       "anggaran negara": "the state budget", "rencana itu": "the plan"]
        var units: [TMUnit] = []
        var n = 0
        for s in subjects {
            for v in verbs {
                for o in objects {
                    n += 1
                    let day = n % 28 + 1
                    var u = TMUnit(tuid: "u\(n)", source: "\(s) \(v) \(o) pada \(day) Maret dengan \(n * 125) peserta.",
                                   target: "\(english[s]!) \(english[v]!) \(english[o]!) on March \(day) with \(n * 125) participants.",
                                   origin: name)
                    if n % 7 == 0 { u.props = [TMUnit.Prop(type: "x-domain", value: "news")] }
                    units.append(u)
                }
            }
        }
        units.append(TMUnit(tuid: "dup", source: units[0].source, target: "Another translation.", origin: name))
        units.append(TMUnit(tuid: "stars", source: "***", target: "***", origin: name))
        let url = dir.appendingPathComponent(name)
        try TMXWriter(stampDates: false).write(units: units, to: url)
        return url
    }

    static let queries = [
        "Presiden membuka sidang kabinet pada 2 Maret dengan 125 peserta.",
        "Presiden membuka sidang kabinet pada 9 Maret dengan 125 peserta.",
        "Menteri Keuangan membahas anggaran negara pada 5 Maret dengan 4.000 peserta.",
        "Polisi menolak rencana itu.",
        "Gubernur Jakarta meninjau jembatan tol baru pada 20 Maret.",
        "***",
        "Sesuatu yang sama sekali lain.",
    ]

    func lookups(_ tm: TranslationMemory) -> [[TMMatch]] {
        Self.queries.map { tm.lookup(TMQuery(text: $0), threshold: 50, max: 5) }
    }

    func testFreshAndRefreshPathsGiveTheSameLookups() throws {
        let a = try corpus("a.tmx")
        // Fresh: the store does not exist, so it is built in one go.
        let freshURL = dir.appendingPathComponent("fresh.sqlite")
        let fresh = try TMStore(url: freshURL)
        let r1 = try fresh.sync(tmx: [a])
        XCTAssertEqual(r1.loaded.map(\.units), [152])
        XCTAssertEqual(r1.phases.map(\.name), ["read and store units", "store forward index", "build lists", "store lists", "commit", "publish"])
        XCTAssertTrue(r1.phases.allSatisfy { $0.seconds >= 0 })
        // Refresh: the store exists (built from another file), so the same file goes through the
        // transactional path, replacing the other file's units.
        let other = dir.appendingPathComponent("other.tmx")
        try TMXWriter(stampDates: false).write(units: [TMUnit(tuid: "x", source: "Satu dua tiga.", target: "One two three.", origin: "other.tmx")], to: other)
        let refreshURL = dir.appendingPathComponent("refresh.sqlite")
        try TMStore(url: refreshURL).sync(tmx: [other])
        let refreshed = try TMStore(url: refreshURL)
        let r2 = try refreshed.sync(tmx: [a], prune: true)
        XCTAssertEqual(r2.loaded.map(\.units), [152])
        XCTAssertEqual(r2.removed, ["other.tmx"])
        XCTAssertEqual(r2.phases.map(\.name), ["read and store units", "store forward index", "build lists", "store lists"])

        let x = lookups(try TranslationMemory(store: TMStore(url: freshURL, create: false)))
        let y = lookups(try TranslationMemory(store: TMStore(url: refreshURL, create: false)))
        let (memory, _) = try TranslationMemory.load(tmx: [a])
        let z = lookups(memory)
        XCTAssertEqual(x, y)
        XCTAssertEqual(x, z)
        XCTAssertTrue(x[0].contains { $0.kind == .exact })
        XCTAssertTrue(x[1].contains { $0.kind == .repairedFuzzy })
        XCTAssertEqual(x[6], [])

        var freshUnits: [TMUnit] = [], refreshedUnits: [TMUnit] = []
        try TMStore(url: freshURL, create: false).forEachUnit { freshUnits.append($0) }
        try TMStore(url: refreshURL, create: false).forEachUnit { refreshedUnits.append($0) }
        XCTAssertEqual(freshUnits, refreshedUnits)
        XCTAssertEqual(try TMStatistics(store: TMStore(url: freshURL)), try TMStatistics(store: TMStore(url: refreshURL)))
    }

    func testInterruptedFreshImportLeavesNoStore() throws {
        let a = try corpus("a.tmx")
        let url = dir.appendingPathComponent("tm.sqlite")
        struct Interrupted: Error {}
        let store = try TMStore(url: url)
        // Interrupted after every unit was written, just before indexing.
        XCTAssertThrowsError(try store.sync(tmx: [a]) { line in
            if line.hasPrefix("indexing") { throw Interrupted() }
        }) { XCTAssertTrue($0 is Interrupted, "\($0)") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["a.tmx"])
        // The next import builds it.
        XCTAssertEqual(try store.sync(tmx: [a]).loaded.map(\.units), [152])
        XCTAssertEqual(try TranslationMemory(store: TMStore(url: url, create: false)).count, 152)
    }

    func testInterruptedRefreshLeavesTheStoreAsItWas() throws {
        let a = try corpus("a.tmx")
        let url = dir.appendingPathComponent("tm.sqlite")
        try TMStore(url: url).sync(tmx: [])
        struct Interrupted: Error {}
        XCTAssertThrowsError(try TMStore(url: url).sync(tmx: [a]) { line in
            if line.hasPrefix("indexing") { throw Interrupted() }
        })
        let store = try TMStore(url: url, create: false)
        XCTAssertEqual(try store.files(), [])
        XCTAssertEqual(try TranslationMemory(store: store).count, 0)
    }

    func testAbandonedBuildsAreRemoved() throws {
        let a = try corpus("a.tmx")
        // A build whose process is gone (killed mid-import) and one whose process still runs.
        var dead: pid_t = 4_000_000
        while kill(dead, 0) == 0 || errno != ESRCH { dead -= 1 }
        let abandoned = dir.appendingPathComponent(".tm.sqlite.import-\(dead)-abc\(FreshStore.suffix)")
        let running = dir.appendingPathComponent(".tm.sqlite.import-1-abc\(FreshStore.suffix)")
        let unrelated = dir.appendingPathComponent(".other.sqlite.import-\(dead)-abc\(FreshStore.suffix)")
        for f in [abandoned, running, unrelated] { try Data("partial".utf8).write(to: f) }
        try TMStore(url: dir.appendingPathComponent("tm.sqlite")).sync(tmx: [a])
        XCTAssertFalse(FileManager.default.fileExists(atPath: abandoned.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: running.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: unrelated.path))
    }

    func testPublishNeverReplacesAStoreThatAppearedMeanwhile() throws {
        let a = try corpus("a.tmx")
        let url = dir.appendingPathComponent("tm.sqlite")
        let build = try FreshStore(destination: url)
        try build.queue!.inDatabase { db in try TMStore.createSchema(db, sourceLanguage: "id", targetLanguage: "en") }
        // Another writer creates the store first.
        try TMStore(url: url).sync(tmx: [a])
        XCTAssertFalse(try build.publish())
        XCTAssertFalse(FileManager.default.fileExists(atPath: build.temporary.path))
        XCTAssertEqual(try TranslationMemory(store: TMStore(url: url, create: false)).count, 152)
    }
}
