import Foundation
import XCTest
@testable import SelarasPipeline
import SelarasCore

/// `--shard K/N`, `report merge` and the state journal, on the embedded store.
final class ShardTests: XCTestCase {
    var ws: TestWorkspace!

    override func setUpWithError() throws {
        ws = try TestWorkspace()
        for i in 0..<12 {
            try ws.write("articles/berita\(i).txt", "Berita Nomor \(i)\n\nPresiden membuka sidang kabinet di Jakarta. Rapat ke-\(i) dihadiri para menteri.")
        }
    }

    func run(_ config: URL, output: String, shard: Shard? = nil) throws -> RunReport {
        let c = try ConfigLoader().load(config)
        return try BatchRunner(config: c, options: .init(output: ws.url(output), jobs: 2, shard: shard)).run()
    }

    func testShardParsingAndStableBuckets() {
        XCTAssertEqual(Shard(parsing: "2/8")?.label, "2-of-8")
        XCTAssertNil(Shard(parsing: "0/8"))
        XCTAssertNil(Shard(parsing: "9/8"))
        XCTAssertNil(Shard(parsing: "1-8"))
        XCTAssertNil(Shard(parsing: "a/b"))
        // Every id falls in exactly one shard, the same one every time.
        for id in ["satu", "dua", "berita3", "09-dpr-hak-angket"] {
            let owners = (1...5).filter { Shard(index: $0, count: 5)!.contains(id) }
            XCTAssertEqual(owners.count, 1)
            XCTAssertEqual(Shard.bucket(of: id, count: 5), owners[0] - 1)
        }
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c.
        XCTAssertEqual(Shard.bucket(of: "a", count: 1 << 16), Int(UInt64(0xaf63dc4c8601ec8c) % (1 << 16)))
    }

    func testThreeShardsMergeToWhatOneRunWrites() throws {
        let config = try ws.writeConfig(formats: "[json, tmx, html]")
        let one = try run(config, output: "one")
        XCTAssertEqual(one.totals.ok, 12)
        var sizes: [Int] = []
        for k in 1...3 {
            let r = try run(config, output: "shards", shard: Shard(index: k, count: 3))
            XCTAssertEqual(r.shard, "\(k)/3")
            sizes.append(r.totals.articles)
        }
        XCTAssertEqual(sizes.reduce(0, +), 12)
        XCTAssertFalse(FileManager.default.fileExists(atPath: ws.url("shards/run.json").path), "a shard does not write run.json")
        XCTAssertFalse(FileManager.default.fileExists(atPath: ws.url("shards/index.html").path))
        let merged = try BatchRunner.merge(output: ws.url("shards"))
        XCTAssertEqual(merged.totals.articles, 12)
        XCTAssertEqual(merged.totals.ok, 12)
        XCTAssertNil(merged.shard)
        XCTAssertEqual(merged.articles.map(\.id), one.articles.map(\.id).sorted())
        for i in 0..<12 {
            XCTAssertEqual(try Data(contentsOf: ws.url("shards/berita\(i).json")), try Data(contentsOf: ws.url("one/berita\(i).json")), "berita\(i)")
        }
        for name in ["run.json", "index.html", "run.tmx"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: ws.url("shards/\(name)").path), name)
        }
        let index = try String(contentsOf: ws.url("shards/index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("Berita Nomor 11"))
    }

    func testMergeNamesMissingShardsAndMixedSplits() throws {
        let config = try ws.writeConfig()
        _ = try run(config, output: "out", shard: Shard(index: 1, count: 3))
        _ = try run(config, output: "out", shard: Shard(index: 3, count: 3))
        XCTAssertThrowsError(try BatchRunner.merge(output: ws.url("out"))) { XCTAssertTrue("\($0)".contains("run.2-of-3.json"), "\($0)") }
        _ = try run(config, output: "out", shard: Shard(index: 1, count: 2))
        XCTAssertThrowsError(try BatchRunner.merge(output: ws.url("out"))) { XCTAssertTrue("\($0)".contains("different splits"), "\($0)") }
        XCTAssertThrowsError(try BatchRunner.merge(output: ws.url("nothing"))) { XCTAssertTrue("\($0)".contains("no shard reports"), "\($0)") }
    }

    /// A run killed before it saved its state left a journal: the next run replays it and skips
    /// what was finished, and a torn last line costs nothing but that article.
    func testJournalOfAnInterruptedRunIsReplayed() throws {
        let config = try ws.writeConfig()
        _ = try run(config, output: "out")
        let output = ws.url("out")
        let state = RunState.load(from: output)
        XCTAssertEqual(state.articles.count, 12)
        // As a killed run leaves it: no state file, a journal with two whole lines and a torn one.
        try FileManager.default.removeItem(at: RunState.url(in: output))
        let journal = RunJournal(output: output, shard: nil)!
        journal.append("berita0", state.articles["berita0"]!)
        journal.append("berita1", state.articles["berita1"]!)
        let handle = try FileHandle(forWritingTo: RunState.journalURL(in: output))
        handle.seekToEndOfFile()
        handle.write(Data("{\"id\":\"berita2\",\"entry\":{\"finger".utf8))
        try handle.close()
        let replayed = RunState.load(from: output)
        XCTAssertEqual(Set(replayed.articles.keys), ["berita0", "berita1"])
        let report = try run(config, output: "out")
        XCTAssertEqual(report.totals.skipped, 2)
        XCTAssertEqual(report.totals.ok, 10)
        XCTAssertFalse(FileManager.default.fileExists(atPath: RunState.journalURL(in: output).path), "the journal is folded into the state")
        XCTAssertEqual(RunState.load(from: output).articles.count, 12)
    }
}
