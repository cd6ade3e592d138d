import Foundation
import XCTest
import SelarasFormats
@testable import SelarasPipeline
import SelarasCore

final class BatchRunnerTests: XCTestCase {
    var ws: TestWorkspace!

    override func setUpWithError() throws {
        ws = try TestWorkspace()
        try ws.writeArticles()
    }

    func runner(_ config: URL, force: Bool = false, inputs: [String]? = nil, events: EventLog? = nil) throws -> BatchRunner {
        let c = try ConfigLoader(checkInputs: inputs == nil).load(config)
        let log = events ?? EventLog()
        return BatchRunner(config: c, options: .init(inputs: inputs, jobs: 2, force: force)) { log.add($0) }
    }

    func testGoodArticlesAreWrittenWithAReport() throws {
        let report = try runner(ws.writeConfig()).run()
        XCTAssertEqual(report.totals.articles, 2)
        XCTAssertEqual(report.totals.ok, 2)
        XCTAssertEqual(ws.files(in: "out"), ["dua.json", "index.html", "run.json", "run.tmx", "satu.json"])
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: ws.url("out/run.json"))) as! [String: Any]
        let articles = run["articles"] as! [[String: Any]]
        XCTAssertEqual(articles.map { $0["id"] as! String }, ["dua", "satu"])
        let timings = articles[0]["timings"] as! [[String: Any]]
        XCTAssertEqual(timings.map { $0["stage"] as! String }, ["segment", "match", "summarize", "translate", "write"])
        let counts = articles[1]["counts"] as! [String: Int]
        XCTAssertEqual(counts["segments"], 4)
        XCTAssertEqual(counts["exact_matches"], 1)
        XCTAssertEqual(counts["translated"], 1)
        XCTAssertEqual(counts["summary_sentences"], 1)
    }

    func testDocumentCarriesEveryLayer() throws {
        _ = try runner(ws.writeConfig()).run()
        let doc = try JSONDecoder().decode(Document.self, from: Data(contentsOf: ws.url("out/satu.json")))
        XCTAssertEqual(doc.article.title, "Presiden Buka Sidang Kabinet")
        XCTAssertEqual(doc.segments?.first?.role, .headline)
        XCTAssertEqual(doc.matches?.count, doc.segments?.count)
        XCTAssertEqual(doc.targets?[1].text, "The President opened the cabinet meeting in Jakarta.")
        XCTAssertEqual(doc.targets?[1].provenance, .exactTM)
        XCTAssertEqual(doc.targets?[2].provenance, .untranslated)
        XCTAssertEqual(doc.summary?.sentences.map(\.segment), [1])
    }

    /// A saved page goes through the whole pipeline: body found, caption and credit kept as
    /// furniture (in the document, out of the summary), metadata carried, a gzipped page read too.
    func testSavedPagesAreArticles() throws {
        let page = """
            <!DOCTYPE html><html lang="id"><head><meta charset="windows-1252">
            <title>Sidang Kabinet | Warta</title>
            <meta property="og:title" content="Presiden Buka Sidang Kabinet">
            <meta name="author" content="Rina Kartika">
            <meta property="article:published_time" content="2025-05-12T09:00:00+07:00">
            <link rel="canonical" href="https://warta.example/sidang-kabinet"></head>
            <body><nav><a href="/">Beranda</a> <a href="/politik">Politik</a></nav>
            <article><h1>Presiden Buka Sidang Kabinet</h1>
            <figure><img src="a.jpg"><figcaption>Presiden memimpin sidang di Jakarta. (Foto: Dok. Setpres)</figcaption></figure>
            <p>Presiden membuka sidang kabinet di Jakarta. Para menteri hadir sejak pagi.</p>
            <p>\u{201C}Kami siap. Anggaran sudah disusun,\u{201D} kata Menteri Keuangan di Istana.</p>
            <p>Sidang membahas anggaran tahun depan dan rencana pembangunan caf\u{E9} rakyat.</p>
            </article><footer>Hak cipta Warta</footer></body></html>
            """
        // Windows-1252 bytes, as the page declares (é is 0xE9, the quotes 0x93/0x94).
        var bytes: [UInt8] = []
        for scalar in page.unicodeScalars {
            switch scalar.value {
            case 0x201C: bytes.append(0x93)
            case 0x201D: bytes.append(0x94)
            case 0..<0x100: bytes.append(UInt8(scalar.value))
            default: XCTFail("not in Windows-1252: \(scalar)")
            }
        }
        try FileManager.default.removeItem(at: ws.url("articles/satu.txt"))
        try FileManager.default.removeItem(at: ws.url("articles/dua.txt"))
        try ws.write("articles/sidang.html", Data(bytes))
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "gzip -c sidang.html > salinan.html.gz"]
        gzip.currentDirectoryURL = ws.url("articles")
        try gzip.run(); gzip.waitUntilExit()
        let report = try runner(ws.writeConfig()).run()
        XCTAssertEqual(report.totals.ok, 2, "\(report.articles.map { $0.error ?? "" })")
        XCTAssertEqual(ws.files(in: "out"), ["index.html", "run.json", "run.tmx", "salinan.json", "sidang.json"])
        for name in ["sidang", "salinan"] {
            let doc = try JSONDecoder().decode(Document.self, from: Data(contentsOf: ws.url("out/\(name).json")))
            XCTAssertEqual(doc.article.title, "Presiden Buka Sidang Kabinet")
            XCTAssertEqual(doc.article.metadata["author"], "Rina Kartika")
            XCTAssertEqual(doc.article.metadata["url"], "https://warta.example/sidang-kabinet")
            XCTAssertEqual(doc.article.metadata["encoding"], "windows-1252")
            let segments = try XCTUnwrap(doc.segments)
            XCTAssertFalse(segments.contains { $0.text.contains("Beranda") || $0.text.contains("Hak cipta") })
            let caption = try XCTUnwrap(segments.first { $0.text.hasPrefix("Presiden memimpin") })
            XCTAssertEqual(caption.text, "Presiden memimpin sidang di Jakarta. (Foto: Dok. Setpres)")
            XCTAssertEqual(caption.role, .furniture)
            XCTAssertTrue(segments.contains { $0.text == "\u{201C}Kami siap. Anggaran sudah disusun,\u{201D} kata Menteri Keuangan di Istana." })
            XCTAssertTrue(segments.contains { $0.text.contains("caf\u{E9} rakyat") })
            let summary = try XCTUnwrap(doc.summary).sentences.map(\.segment)
            XCTAssertFalse(summary.contains { segments[$0].role == .furniture })
        }
        // The segment stage's quotes: split cuts the quotation into its sentences.
        let split = try ws.write("split.yaml", """
            version: 1
            inputs: [articles]
            output: out-split
            stages:
              - segment: {quotes: split}
              - write: {formats: [json]}
            """)
        XCTAssertEqual(try runner(split).run().totals.ok, 2)
        let doc = try JSONDecoder().decode(Document.self, from: Data(contentsOf: ws.url("out-split/sidang.json")))
        let texts = try XCTUnwrap(doc.segments).map(\.text)
        XCTAssertTrue(texts.contains("\u{201C}Kami siap."), "\(texts)")
        XCTAssertTrue(texts.contains("Anggaran sudah disusun,\u{201D} kata Menteri Keuangan di Istana."), "\(texts)")
    }

    func testBadArticlesAreReportedAndTheRestWritten() throws {
        try ws.write("articles/gambar.png", Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]))
        try ws.write("articles/kosong.txt", "")
        try ws.write("articles/rusak.txt", Data([0x41, 0xFF, 0x41]))
        let log = EventLog()
        let report = try runner(ws.writeConfig(), events: log).run()
        XCTAssertEqual(report.totals.ok, 2)
        XCTAssertEqual(report.totals.failed, 3)
        let failed = report.articles.filter { $0.status == .failed }
        XCTAssertEqual(Set(failed.map { $0.reason ?? "" }), ["binary", "empty", "invalid-encoding"])
        for f in failed { XCTAssertTrue(f.error!.contains(f.source), f.error!) }
        XCTAssertEqual(ws.files(in: "out"), ["dua.json", "index.html", "run.json", "run.tmx", "satu.json"])
        XCTAssertEqual(log.finished.count, 5)
    }

    func testSecondRunSkipsUnchangedArticlesAndRewritesNothing() throws {
        let config = try ws.writeConfig()
        _ = try runner(config).run()
        let before = ws.modificationDate("out/satu.json")
        Thread.sleep(forTimeInterval: 0.05)
        let report = try runner(config).run()
        XCTAssertEqual(report.totals.skipped, 2)
        XCTAssertEqual(report.totals.ok, 0)
        XCTAssertEqual(report.summaryLine.contains("2 skipped"), true)
        XCTAssertEqual(ws.modificationDate("out/satu.json"), before)
    }

    func testChangedInputConfigOrResourceIsProcessedAgain() throws {
        let config = try ws.writeConfig()
        _ = try runner(config).run()
        try ws.write("articles/dua.txt", "DPR Sahkan\n\nTeks yang berubah.")
        var report = try runner(config).run()
        XCTAssertEqual(report.articles.first { $0.id == "dua" }?.status, .ok)
        XCTAssertEqual(report.articles.first { $0.id == "satu" }?.status, .skipped)
        // A resource (the TMX) changes: everything runs again.
        try ws.write("tm.tmx", TestWorkspace.tmx.replacingOccurrences(of: "Tuesday", with: "Tuesday."))
        report = try runner(config).run()
        XCTAssertEqual(report.totals.ok, 2)
        // The config changes: everything runs again.
        try ws.writeConfig(extra: "name: changed")
        report = try runner(config).run()
        XCTAssertEqual(report.totals.ok, 2)
    }

    func testForceAndDeletedOutputsReprocess() throws {
        let config = try ws.writeConfig()
        _ = try runner(config).run()
        XCTAssertEqual(try runner(config, force: true).run().totals.ok, 2)
        try FileManager.default.removeItem(at: ws.url("out/satu.json"))
        let report = try runner(config).run()
        XCTAssertEqual(report.articles.first { $0.id == "satu" }?.status, .ok)
        XCTAssertEqual(report.articles.first { $0.id == "dua" }?.status, .skipped)
    }

    func testFailedArticleIsRetriedNextRun() throws {
        let config = try ws.writeConfig()
        try ws.write("articles/kosong.txt", "")
        _ = try runner(config).run()
        let report = try runner(config).run()
        XCTAssertEqual(report.articles.first { $0.id == "kosong" }?.status, .failed)
    }

    func testAtomicWritesLeaveNoTemporaryFilesAndCleanStaleOnes() throws {
        let config = try ws.writeConfig()
        try ws.write("out/.satu.json.999\(AtomicFile.temporarySuffix)", "half-written")
        _ = try runner(config).run()
        XCTAssertFalse(ws.files(in: "out", hidden: true).contains { $0.hasSuffix(AtomicFile.temporarySuffix) })
    }

    func testInterruptedRunStopsTakingArticles() throws {
        let r = try runner(ws.writeConfig())
        r.cancel()
        let report = try r.run()
        XCTAssertTrue(report.interrupted)
        XCTAssertEqual(report.totals.notRun, 2)
        XCTAssertEqual(ws.files(in: "out"), ["run.json"])
    }

    func testInputsOverrideAndDuplicateIDs() throws {
        try ws.write("other/satu.txt", "Judul Lain\n\nIsi lain.")
        let report = try runner(ws.writeConfig(), inputs: [ws.url("articles/satu.txt").path, ws.url("other/satu.txt").path]).run()
        XCTAssertEqual(report.articles.map(\.id), ["satu", "satu-2"])
    }

    func testMissingInputIsASetupError() throws {
        XCTAssertThrowsError(try runner(ws.writeConfig(), inputs: [ws.url("nope").path]).run()) { error in
            XCTAssertTrue(error is RunSetupError)
            XCTAssertTrue("\(error)".contains("nope"))
        }
    }

    func testJSONLinesBatch() throws {
        try ws.write("batch/b.jsonl", """
            {"id": "j1", "title": "Satu", "text": "Presiden membuka sidang kabinet di Jakarta."}
            {"id": "j2", "text": ""}
            """)
        let report = try runner(ws.writeConfig(), inputs: [ws.url("batch").path]).run()
        XCTAssertEqual(report.articles.map(\.status), [.ok, .failed])
        XCTAssertTrue(report.articles[1].error!.contains("b.jsonl:2"), report.articles[1].error!)
    }
}

/// Collects run events from the runner's threads.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var events: [RunEvent] = []
    func add(_ e: RunEvent) { lock.lock(); events.append(e); lock.unlock() }
    var finished: [RunReport.Article] {
        lock.lock(); defer { lock.unlock() }
        return events.compactMap { if case let .finished(a, _, _) = $0 { return a } else { return nil } }
    }
}

/// The whole default set of outputs, batch files included.
final class WriteStageTests: XCTestCase {
    func testEveryFormatIndexAndRunTMX() throws {
        let ws = try TestWorkspace()
        try ws.writeArticles()
        let config = try ConfigLoader().load(ws.writeConfig(formats: "[xlf, xlf2, tmx, tsv, md, json, html]"))
        let report = try BatchRunner(config: config).run()
        XCTAssertEqual(report.totals.ok, 2)
        let files = Set(ws.files(in: "out"))
        for id in ["satu", "dua"] {
            for ext in ["xlf", "xlf2.xlf", "tmx", "tsv", "md", "json", "html"] {
                XCTAssertTrue(files.contains("\(id).\(ext)"), "\(id).\(ext) missing in \(files)")
            }
        }
        XCTAssertTrue(files.contains("index.html") && files.contains("run.tmx"))
        let runTMX = try String(contentsOf: ws.url("out/run.tmx"), encoding: .utf8)
        XCTAssertTrue(runTMX.contains("The President opened the cabinet meeting in Jakarta."))
        let index = try String(contentsOf: ws.url("out/index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("Presiden Buka Sidang Kabinet") && index.contains("satu.xlf"))

        // One article changes: the index still lists both, the unchanged one from its earlier files.
        try ws.write("articles/dua.txt", "DPR Sahkan\n\nTeks yang berubah sama sekali.")
        let second = try BatchRunner(config: config).run()
        XCTAssertEqual(second.totals.skipped, 1)
        let index2 = try String(contentsOf: ws.url("out/index.html"), encoding: .utf8)
        XCTAssertTrue(index2.contains("Presiden Buka Sidang Kabinet") && index2.contains("satu.html"), index2)
        XCTAssertTrue(try String(contentsOf: ws.url("out/run.tmx"), encoding: .utf8)
            .contains("The President opened the cabinet meeting in Jakarta."))
    }

    func testProviderOptionsAreCheckedAtValidation() throws {
        let ws = try TestWorkspace()
        try ws.writeArticles()
        let url = try ws.write("p.yaml", "stages:\n  - segment\n  - translate: {provider: command}\n  - write\n")
        XCTAssertThrowsError(try ConfigLoader().load(url)) { error in
            let e = (error as? Diagnostics)?.list ?? []
            XCTAssertEqual(e.map(\.code), [.configInvalidValue])
            XCTAssertEqual(e.first?.location?.line, 3)
            XCTAssertTrue(e.first?.message.contains("command") ?? false, "\(e)")
        }
    }

    func testCommandProviderFillsWhatTheTMCannotAsMachineTranslation() throws {
        let ws = try TestWorkspace()
        try ws.writeArticles()
        let url = try ws.write("p.yaml", """
            inputs: [articles]
            stages:
              - segment
              - translate: {provider: command, command: "sed 's/^/EN: /'"}
              - write: {formats: [json]}
            """)
        _ = try BatchRunner(config: ConfigLoader().load(url)).run()
        let doc = try JSONDecoder().decode(Document.self, from: Data(contentsOf: ws.url("out/satu.json")))
        XCTAssertEqual(doc.targets?[1].provenance, .machine)
        XCTAssertEqual(doc.targets?[1].text, "EN: Presiden membuka sidang kabinet di Jakarta.")
    }
}
