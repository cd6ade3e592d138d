import Foundation
import SelarasFormats
import SelarasTM
import XCTest
@testable import SelarasPostgres

/// Against a real PostgreSQL server: `SELARAS_TEST_POSTGRES` names it (`.ci/run` starts one with
/// `scripts/pg-test-server.sh` and sets it). Without it, or when the server cannot be reached,
/// every test here is skipped with a message saying so. Each test works in a database of its own,
/// created and dropped here.
final class PostgresTMStoreTests: XCTestCase {
    var serverURL = ""
    var databaseURL = ""
    var databaseName = ""
    var dir: URL!

    override func setUpWithError() throws {
        guard let url = ProcessInfo.processInfo.environment["SELARAS_TEST_POSTGRES"], !url.isEmpty else {
            throw XCTSkip("no PostgreSQL server for the tests: set SELARAS_TEST_POSTGRES=postgres://… (scripts/pg-test-server.sh start prints one)")
        }
        let admin: PostgresConnection
        do { admin = try PostgresConnection(url: url) } catch {
            throw XCTSkip("the PostgreSQL server in SELARAS_TEST_POSTGRES cannot be reached: \(error)")
        }
        serverURL = url
        databaseName = "selaras_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        try admin.execute("CREATE DATABASE \(databaseName)")
        databaseURL = Self.url(url, database: databaseName)
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-pg-test-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let dir { try? FileManager.default.removeItem(at: dir) }
        guard !serverURL.isEmpty, let admin = try? PostgresConnection(url: serverURL) else { return }
        _ = try? admin.execute("DROP DATABASE IF EXISTS \(databaseName) WITH (FORCE)")
    }

    /// `url` with its database replaced.
    static func url(_ url: String, database: String) -> String {
        var base = url
        var query = ""
        if let q = base.firstIndex(of: "?") { query = String(base[q...]); base = String(base[..<q]) }
        let start = base.range(of: "://")!.upperBound
        if let slash = base[start...].firstIndex(of: "/") { base = String(base[..<slash]) }
        return base + "/" + database + query
    }

    /// A TMX file of `count` units whose texts carry `tag`, with one unit in common with every
    /// other file (the same pair), one unit with inline markup and one duplicated inside the file.
    func writeTMX(_ name: String, tag: String, count: Int) throws -> URL {
        var body = ""
        for i in 0..<count {
            body += "<tu tuid=\"\(tag)-\(i)\"><tuv xml:lang=\"id\"><seg>Kalimat \(tag) nomor \(i) tentang anggaran negara.</seg></tuv>"
                + "<tuv xml:lang=\"en\"><seg>Sentence \(tag) number \(i) about the state budget.</seg></tuv></tu>\n"
        }
        body += "<tu><tuv xml:lang=\"id\"><seg>Presiden membuka sidang kabinet.</seg></tuv><tuv xml:lang=\"en\"><seg>The President opened the cabinet meeting.</seg></tuv></tu>\n"
        body += "<tu><tuv xml:lang=\"id\"><seg>Lihat <bpt i=\"1\">&lt;b&gt;</bpt>pasal 5<ept i=\"1\">&lt;/b&gt;</ept>.</seg></tuv><tuv xml:lang=\"en\"><seg>See <bpt i=\"1\">&lt;b&gt;</bpt>article 5<ept i=\"1\">&lt;/b&gt;</ept>.</seg></tuv></tu>\n"
        body += "<tu><tuv xml:lang=\"id\"><seg>Kalimat \(tag) nomor 0 tentang anggaran negara.</seg></tuv><tuv xml:lang=\"en\"><seg>Sentence \(tag) number 0 about the state budget.</seg></tuv></tu>\n"
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="selaras-test" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="plaintext"/>
            <body>
            \(body)</body></tmx>
            """
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Every unit of a store as comparable text (origin, source, target, tuid), sorted.
    func units(_ store: TMStore) throws -> [String] {
        var out: [String] = []
        try store.forEachUnit { u in out.append("\(u.origin)\t\(u.source)\t\(u.target)\t\(u.tuid ?? "")\t\(u.sourceVariant.markup.count)") }
        return out.sorted()
    }

    func testFourConcurrentImportsHoldWhatSQLiteHolds() throws {
        let files = try (0..<4).map { try writeTMX("berkas\($0).tmx", tag: "f\($0)", count: 150) }
        let failures = Failures()
        let (databaseURL, dir) = (self.databaseURL, self.dir!)
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            do {
                let store = try PostgresTMStore(url: databaseURL, cacheDirectory: dir.appendingPathComponent("cache\(i)"))
                _ = try store.importTMX([files[i]])
            } catch { failures.add("\(error)") }
        }
        XCTAssertEqual(failures.all, [])
        let shared = try PostgresTMStore(url: databaseURL, cacheDirectory: dir.appendingPathComponent("reader"))
        let (replica, report) = try shared.replica()
        XCTAssertEqual(report.applied, 4)
        let sqlite = try TMStore(url: dir.appendingPathComponent("alone.sqlite"))
        try sqlite.sync(tmx: files)
        let expected = try units(sqlite)
        XCTAssertEqual(expected.count, 4 * 153)
        XCTAssertEqual(try units(replica), expected)
        // A second look applies nothing and keeps the same units.
        let (again, second) = try shared.replica()
        XCTAssertEqual(second.applied, 0)
        XCTAssertEqual(try units(again), expected)
    }

    func testReimportOfAnUnchangedFileDoesNothingAndAChangedOneReplacesIt() throws {
        let file = try writeTMX("politik.tmx", tag: "a", count: 5)
        let store = try PostgresTMStore(url: databaseURL, cacheDirectory: dir.appendingPathComponent("cache"))
        XCTAssertEqual(try store.importTMX([file]).imported.map(\.status), [.added])
        XCTAssertEqual(try store.importTMX([file]).imported.map(\.status), [.unchanged])
        XCTAssertEqual(try store.latestChange(), 1)
        XCTAssertEqual(try units(store.replica().store).count, 8)
        _ = try writeTMX("politik.tmx", tag: "b", count: 2)
        XCTAssertEqual(try store.importTMX([file]).imported.map(\.status), [.replaced])
        let after = try units(store.replica().store)
        XCTAssertEqual(after.count, 5)
        XCTAssertFalse(after.contains { $0.contains("Kalimat a ") })
        // A file that cannot be read is reported, the rest imported.
        let result = try store.importTMX([dir.appendingPathComponent("tidak-ada.tmx")])
        XCTAssertEqual(result.failed.count, 1)
        XCTAssertTrue("\(result.failed[0])".contains("tidak-ada.tmx"))
    }

    func testAReviewedUnitFromOneMachineIsMatchedOnAnother() throws {
        let file = try writeTMX("politik.tmx", tag: "a", count: 3)
        let machineA = try PostgresTMStore(url: databaseURL, cacheDirectory: dir.appendingPathComponent("a"))
        let machineB = try PostgresTMStore(url: databaseURL, cacheDirectory: dir.appendingPathComponent("b"))
        _ = try machineA.importTMX([file])
        _ = try machineB.replica()  // B has a replica from before the update
        let reviewed = TMUnit(tuid: "u7", source: "Sidang paripurna DPR ditunda hingga pekan depan.",
                              target: "The House plenary session was postponed until next week.",
                              sourceLanguage: "id", targetLanguage: "en", props: [.init(type: "x-selaras-state", value: "final")],
                              origin: "review.xlf", line: 12)
        let (added, duplicates) = try machineA.addReviewed([reviewed, reviewed], origin: "review.xlf")
        XCTAssertEqual(added, 1)
        XCTAssertEqual(duplicates, 1)
        XCTAssertEqual(try machineA.addReviewed([reviewed], origin: "review.xlf").added, 0)
        let (store, report) = try machineB.replica()
        XCTAssertEqual(report.reviewed, 1)
        let memory = try TranslationMemory(store: store)
        let best = try XCTUnwrap(memory.lookup(TMQuery(text: "Sidang paripurna DPR ditunda hingga pekan depan.")).first)
        XCTAssertEqual(best.score, 100)
        XCTAssertEqual(best.target, "The House plenary session was postponed until next week.")
    }

    func testConcurrentReviewsOfOnePairKeepOne() throws {
        let unit = TMUnit(tuid: nil, source: "Rapat dimulai pukul sembilan.", target: "The meeting started at nine.",
                          sourceLanguage: "id", targetLanguage: "en", props: [], origin: "r.xlf", line: 1)
        let failures = Failures()
        let total = Counter()
        let (databaseURL, dir) = (self.databaseURL, self.dir!)
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            do {
                let store = try PostgresTMStore(url: databaseURL, cacheDirectory: dir.appendingPathComponent("c\(i)"))
                total.add(try store.addReviewed([unit], origin: "r\(i).xlf").added)
            } catch { failures.add("\(error)") }
        }
        XCTAssertEqual(failures.all, [])
        XCTAssertEqual(total.value, 1)
    }

    func testTheMTCacheIsShared() throws {
        let a = try PostgresTMStore(url: databaseURL, cacheDirectory: dir.appendingPathComponent("a"))
        let b = try PostgresTMStore(url: databaseURL, cacheDirectory: dir.appendingPathComponent("b"))
        let key = MTCache.key(provider: "stand-in", source: "Rapat ditunda.", glossary: [], context: [])
        XCTAssertEqual(try b.cachedTranslations([key]), [:])
        try a.cacheTranslations([MTCache.Entry(key: key, provider: "stand-in", source: "Rapat ditunda.", target: "The meeting was postponed.")])
        XCTAssertEqual(try b.cachedTranslations([key, "0-1"]), [key: "The meeting was postponed."])
        try b.cacheTranslations([MTCache.Entry(key: key, provider: "stand-in", source: "Rapat ditunda.", target: "The meeting was adjourned.")])
        XCTAssertEqual(try a.cachedTranslations([key]), [key: "The meeting was adjourned."])
    }

    func testLanguagePairIsChecked() throws {
        _ = try PostgresTMStore(url: databaseURL, cacheDirectory: dir)
        XCTAssertThrowsError(try PostgresTMStore(url: databaseURL, sourceLanguage: "id", targetLanguage: "fr", cacheDirectory: dir)) {
            XCTAssertTrue("\($0)".contains("id-en"), "\($0)")
        }
    }

    func testPasswordsAreNeverInMessages() throws {
        XCTAssertEqual(PostgresURL.redacted("postgres://tim:rahasia@db.example:5432/tm"), "postgres://tim:***@db.example:5432/tm")
        XCTAssertEqual(PostgresURL.redacted("postgres://tim@db.example/tm"), "postgres://tim@db.example/tm")
        XCTAssertThrowsError(try PostgresConnection(url: "postgres://tim:rahasia@127.0.0.1:1/tm?connect_timeout=2")) {
            XCTAssertFalse("\($0)".contains("rahasia"), "\($0)")
            XCTAssertTrue("\($0)".contains("tim:***@127.0.0.1:1"), "\($0)")
        }
    }
}

/// Collects messages from concurrent work.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add(_ k: Int) { lock.lock(); n += k; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
