import Foundation
import SelarasCore
import XCTest
@testable import SelarasPipeline

/// The translate stage inside whole runs, against the loopback stand-in (`StandIn`): the MT cache,
/// failures that leave an article partial and retried, the key kept out of every file, and the
/// checks shown in every output.
final class TranslatePipelineTests: XCTestCase {
    var ws: TestWorkspace!
    static let keyVariable = "SELARAS_TEST_MT_KEY"

    override func setUpWithError() throws {
        ws = try TestWorkspace()
        try ws.writeArticles()
    }

    /// A pipeline with the openai provider at `base` and a TM store.
    @discardableResult
    func config(_ base: String, formats: String = "[json]") throws -> URL {
        try ws.write("tm.tmx", TestWorkspace.tmx)
        return try ws.write("pipeline.yaml", """
            version: 1
            inputs: [articles]
            output: out
            resources:
              translation_memories: [tm.tmx]
              tm_store: store/tm.sqlite
            stages:
              - segment
              - match
              - translate: {provider: openai, url: '\(base)', model: test-model, api_key_env: \(Self.keyVariable), retries: 0, retry_delay: 0, timeout: 5}
              - write: {formats: \(formats)}
            """)
    }

    func run(_ config: URL, force: Bool = false, key: String = "rahasia-\(UUID().uuidString.prefix(8))") throws -> RunReport {
        setenv(Self.keyVariable, key, 1)
        defer { unsetenv(Self.keyVariable) }
        let c = try ConfigLoader(checkInputs: true).load(config)
        return try BatchRunner(config: c, options: .init(inputs: nil, jobs: 2, force: force)) { _ in }.run()
    }

    func document(_ id: String) throws -> Document {
        try JSONDecoder().decode(Document.self, from: Data(contentsOf: ws.url("out/\(id).json")))
    }

    /// A mode of the stand-in no other test uses, so its request count is this test's alone.
    func uniqueMode() -> String { "m\(UUID().uuidString.prefix(8).lowercased())" }

    func testEverySentenceGetsEnglishAndAForcedRerunSendsNothing() throws {
        let mode = uniqueMode()
        let cfg = try config(try StandIn.shared.base(mode) + "/v1")
        let first = try run(cfg)
        XCTAssertEqual(first.totals.ok, 2)
        let sent = try StandIn.shared.count(mode)
        XCTAssertGreaterThan(sent, 0)
        let satu = try document("satu")
        XCTAssertEqual(satu.targets?[1].provenance, .exactTM, "the TM fills first")
        for (i, t) in (satu.targets ?? []).enumerated() where i != 1 {
            XCTAssertEqual(t.provenance, .machine, "segment \(i)")
            XCTAssertEqual(t.text, "EN: " + satu.segments![i].text)
        }
        let second = try run(cfg, force: true)
        XCTAssertEqual(second.totals.ok, 2)
        XCTAssertEqual(try StandIn.shared.count(mode), sent, "every sentence came from the MT cache")
        XCTAssertEqual(try document("satu").targets, satu.targets)
        for a in second.articles {
            XCTAssertEqual(a.machineTranslation?.sent, 0, a.id)
            XCTAssertGreaterThan(a.machineTranslation?.cached ?? 0, 0, a.id)
        }
    }

    func testAProviderThatFailsLeavesThePartialArticleToTheNextRun() throws {
        // Nothing listens on port 1: every request fails.
        let cfg = try config("http://127.0.0.1:1/v1")
        let first = try run(cfg)
        XCTAssertEqual(first.totals.partial, 2)
        let satu = try document("satu")
        XCTAssertEqual(satu.targets?[1].provenance, .exactTM)
        XCTAssertEqual(satu.targets?[2].provenance, .untranslated, "never the source as English")
        XCTAssertNil(satu.targets?[2].text)
        XCTAssertTrue(satu.targets?[2].origin?.contains("openai") == true, satu.targets?[2].origin ?? "")
        XCTAssertTrue(first.articles.allSatisfy { ($0.machineTranslation?.failed ?? 0) > 0 && $0.status == .partial })
        XCTAssertTrue(first.articles[0].warnings.contains { $0.hasPrefix("machine translation: ") }, "\(first.articles[0].warnings)")
        // The same config again: the articles are not skipped as unchanged.
        let second = try run(cfg)
        XCTAssertEqual(second.totals.skipped, 0)
        XCTAssertEqual(second.totals.partial, 2)
        // With the server back, they are completed.
        let third = try run(try config(try StandIn.shared.base(uniqueMode()) + "/v1"))
        XCTAssertEqual(third.totals.ok, 2)
        XCTAssertEqual(try document("satu").targets?[2].provenance, .machine)
    }

    func testTheKeyIsInNoFileTheRunWrites() throws {
        let formats = "[json, xlf, xlf2, tmx, tsv, md, html]"
        let cfg = try config(try StandIn.shared.base("key") + "/v1", formats: formats)
        // Refused: the server's message is kept, the key is not.
        let wrong = "wrong-\(UUID().uuidString)"
        let refused = try run(cfg, key: wrong)
        XCTAssertEqual(refused.totals.partial, 2)
        let messages = refused.articles.flatMap(\.warnings).joined(separator: "\n")
        XCTAssertTrue(messages.contains("403"), messages)
        // Accepted (the stand-in's "key" mode checks it): the partial articles are completed.
        let key = "rahasia-\(UUID().uuidString)"
        let ok = try run(cfg, key: key)
        XCTAssertEqual(ok.totals.ok, 2)
        for file in try allFiles(under: ws.root) {
            let data = try Data(contentsOf: file)
            XCTAssertNil(data.range(of: Data(key.utf8)), "\(file.lastPathComponent) holds the key")
            XCTAssertNil(data.range(of: Data(wrong.utf8)), "\(file.lastPathComponent) holds the refused key")
        }
    }

    func testChecksShowInEveryOutput() throws {
        // The "echo" stand-in sends the Indonesian back: every MT sentence is untranslated.
        try run(try config(try StandIn.shared.base("echo") + "/v1", formats: "[json, xlf, xlf2, md, html]"))
        let satu = try document("satu")
        XCTAssertEqual(satu.targets?[2].provenance, .machine)
        XCTAssertEqual(satu.targets?[2].qa?.map(\.check), [.untranslated])
        XCTAssertNil(satu.targets?[1].qa, "exact TM matches are not checked")
        let xlf = try String(contentsOf: ws.url("out/satu.xlf"), encoding: .utf8)
        XCTAssertTrue(xlf.contains(#"<note from="selaras-qa" annotates="target" priority="1">Check: untranslated: the target is the source</note>"#), xlf)
        XCTAssertTrue(try String(contentsOf: ws.url("out/satu.xlf2.xlf"), encoding: .utf8).contains(#"category="qa""#))
        XCTAssertTrue(try String(contentsOf: ws.url("out/satu.md"), encoding: .utf8).contains("⚠ **check:** untranslated"))
        XCTAssertTrue(try String(contentsOf: ws.url("out/satu.html"), encoding: .utf8).contains(#"<p class="qa">⚠ Check: untranslated"#))
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: ws.url("out/run.json"))) as! [String: Any]
        let counts = (run["articles"] as! [[String: Any]]).first { $0["id"] as? String == "satu" }?["counts"] as? [String: Int]
        XCTAssertEqual(counts?["flagged"], 3)
    }

    func allFiles(under root: URL) throws -> [URL] {
        let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        return (e?.allObjects as? [URL] ?? []).filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
    }
}
