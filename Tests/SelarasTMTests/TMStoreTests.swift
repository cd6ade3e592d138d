import Foundation
import XCTest
import SelarasFormats
import SelarasTestSupport
@testable import SelarasTM

final class TMStoreTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func tmx(_ name: String, _ pairs: [(String, String)], tuidPrefix: String = "") throws -> URL {
        let units = pairs.enumerated().map { TMUnit(tuid: "\(tuidPrefix)\($0.offset + 1)", source: $0.element.0, target: $0.element.1, origin: name) }
        let url = dir.appendingPathComponent(name)
        try TMXWriter(stampDates: false).write(units: units, to: url)
        return url
    }

    static let pairs: [(String, String)] = [
        ("Presiden membuka sidang kabinet.", "The president opened the cabinet meeting."),
        ("Harga beras naik 5 persen.", "Rice prices rose 5 percent."),
        ("Menteri Keuangan hadir dalam sidang itu.", "The finance minister attended the meeting."),
        ("***", "***"),
    ]

    func testImportThenLookupMatchesInMemory() throws {
        let a = try tmx("a.tmx", Self.pairs)
        let store = try TMStore(url: dir.appendingPathComponent("tm.sqlite"))
        let report = try store.sync(tmx: [a])
        XCTAssertEqual(report.loaded.map(\.units), [4])
        XCTAssertTrue(report.reindexed)
        let fromStore = try TranslationMemory(store: store)
        let (inMemory, _) = try TranslationMemory.load(tmx: [a])
        XCTAssertEqual(fromStore.count, 4)
        for q in ["Presiden membuka sidang kabinet baru.", "Harga beras naik 7 persen.", "***", "Sidang kabinet.", "Presiden membuka sidang kabinet."] {
            let x = fromStore.lookup(TMQuery(text: q, previous: "Sebelumnya."), threshold: 50, max: 5)
            let y = inMemory.lookup(TMQuery(text: q, previous: "Sebelumnya."), threshold: 50, max: 5)
            XCTAssertEqual(x, y, q)
        }
        XCTAssertEqual(fromStore.lookup(TMQuery(text: "***"), threshold: 75, max: 1).first?.kind, .exact)
        XCTAssertEqual(fromStore.lookup(TMQuery(text: "Harga beras naik 7 persen."), threshold: 75, max: 1).first?.repairedTarget,
                       "Rice prices rose 7 percent.")
    }

    func testRefreshByContentHash() throws {
        let a = try tmx("a.tmx", Self.pairs)
        let b = try tmx("b.tmx", [("Satu dua tiga.", "One two three.")], tuidPrefix: "b")
        let url = dir.appendingPathComponent("tm.sqlite")
        var store = try TMStore(url: url)
        XCTAssertEqual(try store.sync(tmx: [a, b]).loaded.count, 2)

        // Unchanged content, new modification time: not read again.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 3600)], ofItemAtPath: a.path)
        store = try TMStore(url: url)
        var report = try store.sync(tmx: [a, b])
        XCTAssertEqual(report.loaded.count, 0)
        XCTAssertEqual(Set(report.unchanged), ["a.tmx", "b.tmx"])
        XCTAssertFalse(report.reindexed)

        // Same size, different content: read again, its old units replaced.
        var text = try String(contentsOf: a, encoding: .utf8)
        text = text.replacingOccurrences(of: "kabinet", with: "kabinat")
        try text.write(to: a, atomically: true, encoding: .utf8)
        report = try store.sync(tmx: [a, b])
        XCTAssertEqual(report.loaded.map(\.name), ["a.tmx"])
        XCTAssertEqual(report.unitsRemoved, 4)
        XCTAssertEqual(report.unchanged, ["b.tmx"])
        let tm = try TranslationMemory(store: store)
        XCTAssertEqual(tm.count, 5)
        XCTAssertEqual(tm.lookup(TMQuery(text: "Presiden membuka sidang kabinat."), threshold: 100, max: 1).first?.kind, .exact)
        XCTAssertEqual(tm.lookup(TMQuery(text: "Satu dua tiga."), threshold: 100, max: 1).first?.origin, "b.tmx#b1")

        // Pruning a file no longer listed.
        report = try store.sync(tmx: [b], prune: true)
        XCTAssertEqual(report.removed, ["a.tmx"])
        XCTAssertEqual(try TranslationMemory(store: store).count, 1)
    }

    func testOpenBuildsTheStoreOnceThenReuses() throws {
        let a = try tmx("a.tmx", Self.pairs)
        let url = dir.appendingPathComponent("cache/tm.sqlite")
        let (first, issues) = try TranslationMemory.open(tmx: [a], store: url)
        XCTAssertEqual(issues, [])
        XCTAssertEqual(first.count, 4)
        let before = try TMStore(url: url).files()
        let (second, _) = try TranslationMemory.open(tmx: [a], store: url)
        XCTAssertEqual(second.count, 4)
        XCTAssertEqual(try TMStore(url: url).files(), before)
    }

    func testTwoWritersRefreshingTheSameStore() throws {
        let a = try tmx("a.tmx", Self.pairs)
        let url = dir.appendingPathComponent("tm.sqlite")
        _ = try TMStore(url: url)
        let errors = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                let s = try TMStore(url: url)
                try s.sync(tmx: [a], prune: true)
            } catch { errors.add(error) }
        }
        XCTAssertEqual(errors.all.map { "\($0)" }, [])
        XCTAssertEqual(try TranslationMemory(store: TMStore(url: url)).count, 4)
        XCTAssertEqual(try TMStore(url: url).files().count, 1)
    }

    func testAddSkipsPairsAlreadyPresent() throws {
        let a = try tmx("a.tmx", Self.pairs)
        let store = try TMStore(url: dir.appendingPathComponent("tm.sqlite"))
        try store.sync(tmx: [a])
        let reviewed = [
            TMUnit(source: "Presiden membuka sidang kabinet.", target: "The president opened the cabinet meeting.", origin: "x"),
            TMUnit(source: "Presiden membuka sidang kabinet.", target: "The President opened the cabinet session.", origin: "x"),
            TMUnit(source: "Rapat ditunda.", target: "The meeting was postponed.", origin: "x"),
            TMUnit(source: "Rapat ditunda.", target: "The meeting was postponed.", origin: "x"),
        ]
        let report = try store.add(units: reviewed, origin: "review.xlf")
        XCTAssertEqual(report.unitsAdded, 2)
        XCTAssertEqual(report.duplicates, 2)
        let tm = try TranslationMemory(store: store)
        XCTAssertEqual(tm.count, 6)
        let m = tm.lookup(TMQuery(text: "Presiden membuka sidang kabinet."), threshold: 100, max: 5)
        // Both translations; the newer (added, dated now) first among equals.
        XCTAssertEqual(m.map(\.target), ["The President opened the cabinet session.", "The president opened the cabinet meeting."])
        XCTAssertEqual(m.first?.origin, "review.xlf")
        // A later sync of the TMX keeps the added units.
        try store.sync(tmx: [a], prune: true)
        XCTAssertEqual(try TranslationMemory(store: store).count, 6)
        let stats = try TMStatistics(store: store)
        XCTAssertEqual(stats.units, 6)
        XCTAssertEqual(stats.conflictingSources, 1)
        XCTAssertEqual(stats.duplicates, 0)
        XCTAssertEqual(stats.files, ["a.tmx": 4, "review.xlf": 2])
    }

    func testExportRoundTrip() throws {
        let a = try tmx("a.tmx", Self.pairs)
        let store = try TMStore(url: dir.appendingPathComponent("tm.sqlite"))
        try store.sync(tmx: [a])
        let out = dir.appendingPathComponent("out.tmx")
        let writer = try TMXStreamWriter(url: out)
        try store.forEachUnit { try writer.write($0) }
        try writer.finish()
        var units: [TMUnit] = []
        XCTAssertEqual(try TMXReader().read(out) { units.append($0) }, [])
        XCTAssertEqual(units.map(\.source), Self.pairs.map(\.0))
        XCTAssertEqual(units.map(\.target), Self.pairs.map(\.1))
        XCTAssertEqual(units.map(\.tuid), ["1", "2", "3", "4"])
    }

    /// Everything a unit carries comes back out of the store: inline codes with their attributes and
    /// content, props and notes of the unit and of each variant, other attributes.
    func testStoreKeepsEverythingAUnitCarries() throws {
        var read: [TMUnit] = []
        for (name, text) in [("plain.tmx", TMXFixtures.plain), ("inline.tmx", TMXFixtures.inline)] {
            let url = dir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            XCTAssertEqual(try TMXReader().read(url) { read.append($0) }, [])
        }
        XCTAssertTrue(read.contains { $0.sourceVariant.markup.contains { !$0.attributes.isEmpty } })
        let store = try TMStore(url: dir.appendingPathComponent("tm.sqlite"))
        try store.sync(tmx: [dir.appendingPathComponent("plain.tmx"), dir.appendingPathComponent("inline.tmx")])
        var stored: [TMUnit] = []
        try store.forEachUnit { stored.append($0) }
        XCTAssertEqual(stored, read)
    }

    func testBrokenAndMissingFilesAreReportedAndTheRestLoads() throws {
        let a = try tmx("a.tmx", Self.pairs)
        let broken = dir.appendingPathComponent("broken.tmx")
        try TMXFixtures.brokenMiddle.write(to: broken, atomically: true, encoding: .utf8)
        let missing = dir.appendingPathComponent("missing.tmx")
        let store = try TMStore(url: dir.appendingPathComponent("tm.sqlite"))
        let report = try store.sync(tmx: [a, broken, missing])
        XCTAssertEqual(report.loaded.map(\.units), [4, 2])
        XCTAssertTrue(report.issues.contains { $0.action == .failed && ($0.file ?? "").hasSuffix("missing.tmx") })
        XCTAssertEqual(report.issues.filter { $0.action == .skipped }.count, 3)
        XCTAssertEqual(try TranslationMemory(store: store).count, 6)
    }

    func testLanguagePairIsChecked() throws {
        let url = dir.appendingPathComponent("tm.sqlite")
        // A store is created on first use (here an empty sync), not by opening it.
        let created = try TMStore(url: url)
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
        try created.sync(tmx: [])
        XCTAssertTrue(FileManager.default.fileExists(atPath: url.path))
        XCTAssertThrowsError(try TMStore(url: url, sourceLanguage: "ms", targetLanguage: "en")) { e in
            XCTAssertTrue("\(e)".contains("id→en"), "\(e)")
        }
        let junk = dir.appendingPathComponent("junk.sqlite")
        try "not a database".write(to: junk, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try TMStore(url: junk))
    }

    func testContentHashDoesNotDependOnChunking() throws {
        let bytes = (0..<100_003).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
        var one = ContentHasher()
        bytes.withUnsafeBytes { one.update($0) }
        var many = ContentHasher()
        var i = 0
        var step = 1
        while i < bytes.count {
            let j = min(bytes.count, i + step)
            bytes[i..<j].withUnsafeBytes { many.update($0) }
            i = j
            step = step % 13 + 1
        }
        XCTAssertEqual(one.hex, many.hex)
        let url = dir.appendingPathComponent("bytes.bin")
        try Data(bytes).write(to: url)
        XCTAssertEqual(try TMStore.contentHash(of: url).0, one.hex)
        var other = ContentHasher()
        var changed = bytes
        changed[50_000] ^= 1
        changed.withUnsafeBytes { other.update($0) }
        XCTAssertNotEqual(one.hex, other.hex)
    }
}

final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Error] = []
    func add(_ e: Error) { lock.lock(); errors.append(e); lock.unlock() }
    var all: [Error] { lock.lock(); defer { lock.unlock() }; return errors }
}
