import Foundation
import SelarasFormats
import SelarasCore
import SelarasQA
import XCTest
@testable import SelarasPipeline

final class TranslationSettingsTests: XCTestCase {
    /// The translate stage's options as a config gives them.
    func settings(_ options: String) throws -> TranslationSettings {
        let ws = try TestWorkspace()
        let url = try ws.write("p.yaml", "stages:\n  - segment\n  - translate: {\(options)}\n")
        let config = try ConfigLoader(checkInputs: false).load(url)
        return try XCTUnwrap(config.options(ofStage: TranslateStage.self))
    }

    /// The problems a translate stage's options give.
    func problems(_ options: String) throws -> [Diagnostic] {
        do {
            _ = try settings(options)
            return []
        } catch let e as Diagnostics {
            return e.list
        }
    }

    func testDefaultsAndParsing() throws {
        let d = TranslationSettings()
        XCTAssertEqual(d.provider, .none)
        XCTAssertEqual(d.batchSize, 25)
        XCTAssertEqual(d.fillThreshold, 95)
        let o = try settings("provider: http, url: 'http://127.0.0.1:5000', api_key_env: LT_KEY, batch_size: 8, retries: 3, timeout: 2.5")
        XCTAssertEqual(o.provider, .http)
        XCTAssertEqual(o.batchSize, 8)
        XCTAssertEqual(o.retries, 3)
        XCTAssertEqual(o.timeout, 2.5)
        XCTAssertEqual(o.apiKeyEnv, "LT_KEY")
        XCTAssertEqual(try o.apiKey(environment: ["LT_KEY": "k"]), "k")
        XCTAssertTrue(o.$batchSize.isExplicit)
        XCTAssertFalse(o.$retryDelay.isExplicit)
        XCTAssertTrue(try settings("provider: libretranslate, url: 'http://127.0.0.1:5000'").makeProvider() is LibreTranslateProvider)
        XCTAssertTrue(try TranslationSettings().makeProvider() is NoneProvider)
        XCTAssertTrue(try settings("provider: command, command: cat").makeProvider() is CommandProvider)
    }

    func testErrorsNameTheKeyAndItsPlace() throws {
        var p = try problems("batchsize: 3")
        XCTAssertEqual(p.map(\.code), [.configUnknownKey])
        XCTAssertTrue(p[0].message.contains("did you mean 'batch_size'"), p[0].message)
        XCTAssertEqual(p[0].location?.line, 3)
        p = try problems("provider: systran")
        XCTAssertEqual(p.map(\.code), [.configInvalidValue])
        XCTAssertTrue(p[0].message.contains("'systran' is not one of none, openai, deepl, google, azure, libretranslate, http, command"), p[0].message)
        p = try problems("provider: command")
        XCTAssertEqual(p.map(\.message), ["stage 'translate': the 'command' translation provider needs the 'command' option"])
        p = try problems("provider: http, url: 'ftp://x'")
        XCTAssertTrue(p[0].message.contains("'url'"), p[0].message)
        XCTAssertEqual(try problems("batch_size: 0").map(\.code), [.configWrongType])
        XCTAssertEqual(try problems("timeout: soon").map(\.code), [.configWrongType])
    }

    func testAKeyWrittenInTheConfigIsRefused() throws {
        var p = try problems("provider: deepl, api_key: 'abc123'")
        XCTAssertTrue(p.contains { $0.code == .configSecret && $0.message.contains("api_key_env") }, "\(p)")
        XCTAssertFalse(p.map(\.description).joined().contains("abc123"), "the key is not repeated")
        p = try problems("provider: libretranslate, url: 'http://127.0.0.1:5000/?key=abc'")
        XCTAssertEqual(p.map(\.code), [.configSecret])
        p = try problems("provider: deepl, api_key_env: 'sk-123 456'")
        XCTAssertTrue(p[0].message.contains("is the NAME of an environment variable"), p[0].message)
        p = try problems("provider: openai")
        XCTAssertEqual(p.map(\.message), ["stage 'translate': the 'openai' translation provider needs the 'model' option, e.g. model: gpt-4o-mini"])
    }

    func testReferenceListsEveryKeyWithItsDefault() {
        let md = ConfigReference.markdown()
        for d in TranslationSettings.declarations {
            XCTAssertTrue(md.contains("| `\(d.key)` |"), d.key)
        }
        XCTAssertTrue(md.contains("| `batch_size` | an integer from 1 to 10000 | `25` |"), md)
    }
}

final class TranslationCommandProviderTests: XCTestCase {
    func provider(_ command: String, format: TranslationSettings.LineFormat = .lines, timeout: Double = 10,
                  batchSize: Int = 25) -> CommandProvider {
        var o = TranslationSettings()
        o.provider = .command
        o.command = command
        o.format = format
        o.timeout = timeout
        o.batchSize = batchSize
        return CommandProvider(options: o)
    }

    func requests(_ texts: [String]) -> [TranslationRequest] {
        texts.enumerated().map { TranslationRequest(id: "s\($0.offset + 1)", text: $0.element) }
    }

    func testLinesInOrderAcrossBatches() {
        let p = provider("tr a-z A-Z", batchSize: 2)
        let out = p.translate(requests(["satu", "dua\nbaris", "tiga"]))
        XCTAssertEqual(out.map { try? $0.get() }, ["SATU", "DUA BARIS", "TIGA"])
        XCTAssertEqual(p.name, "command:tr")
    }

    func testWrongNumberOfLinesFailsTheBatchOnly() {
        let p = provider("head -n 1", batchSize: 2)
        let out = p.translate(requests(["a", "b", "c"]))
        guard case let .failure(f) = out[0] else { return XCTFail("expected a failure") }
        XCTAssertEqual(f.message, "expected 2 output lines, got 1")
        XCTAssertEqual(f.id, "s1")
        XCTAssertEqual(try? out[2].get(), "c")
    }

    func testJSONLinesMatchedByID() {
        // Reverse the order and rename "text" to "translation": ids must still line up.
        let p = provider("tac | sed 's/\"text\"/\"translation\"/'", format: .jsonl)
        let out = p.translate(requests(["satu", "dua \"kutip\"", "tiga"]))
        XCTAssertEqual(out.map { try? $0.get() }, ["satu", "dua \"kutip\"", "tiga"])
    }

    func testJSONLinesMissingIDAndGarbage() {
        let p = provider("grep -v '\"s2\"' | sed 's/\"text\"/\"translation\"/'; echo 'not json'", format: .jsonl)
        let out = p.translate(requests(["a", "b", "c"]))
        XCTAssertEqual(try? out[0].get(), "a")
        guard case let .failure(f) = out[1] else { return XCTFail("expected a failure") }
        XCTAssertTrue(f.message.hasPrefix("no translation in the output; output line 3 is not a JSON object"), f.message)
        XCTAssertEqual(try? out[2].get(), "c")
    }

    func testExitStatusAndStderrAreReported() {
        let out = provider("cat > /dev/null; echo 'model not found' >&2; exit 3").translate(requests(["a", "b"]))
        for o in out {
            guard case let .failure(f) = o else { return XCTFail("expected failures") }
            XCTAssertEqual(f.message, "exited with status 3: model not found")
        }
    }

    func testTimeoutKillsTheProgram() {
        let start = Date()
        let out = provider("sleep 20", timeout: 0.5).translate(requests(["a"]))
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        guard case let .failure(f) = out[0] else { return XCTFail("expected a failure") }
        XCTAssertEqual(f.message, "timed out after 0.5 s")
    }

    func testProgramThatIgnoresItsInputDoesNotKillUs() {
        let long = String(repeating: "kata ", count: 2000)
        let out = provider("true").translate(requests(Array(repeating: long, count: 50)))
        XCTAssertEqual(out.count, 50)
        guard case let .failure(f) = out[0] else { return XCTFail("expected a failure") }
        XCTAssertEqual(f.message, "expected 25 output lines, got 0")
    }

    func testLargeBatchThroughAPipeDoesNotDeadlock() {
        let texts = (0..<3000).map { "kalimat nomor \($0) " + String(repeating: "x", count: 60) }
        let out = provider("cat", batchSize: 3000).translate(requests(texts))
        XCTAssertEqual(out.compactMap { try? $0.get() }, texts.map { $0.trimmingCharacters(in: .whitespaces) })
    }

    func testConcurrentCallersGetTheirOwnAnswers() {
        let p = provider("sed 's/^/EN: /'", batchSize: 7)
        let results = ResultsBox()
        DispatchQueue.concurrentPerform(iterations: 8) { k in
            let texts = (0..<30).map { "artikel \(k) kalimat \($0)" }
            let out = p.translate(texts.enumerated().map { TranslationRequest(id: "\($0.offset)", text: $0.element) })
            results.set(k, out.map { (try? $0.get()) ?? "FAILED" } == texts.map { "EN: \($0)" })
        }
        XCTAssertEqual(results.all, Array(repeating: true, count: 8))
    }

    func testMissingProgram() {
        let out = provider("/nonexistent/mt-engine").translate(requests(["a"]))
        guard case let .failure(f) = out[0] else { return XCTFail("expected a failure") }
        XCTAssertTrue(f.message.hasPrefix("exited with status 127"), f.message)
    }
}

private final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: Bool] = [:]
    func set(_ k: Int, _ v: Bool) { lock.lock(); values[k] = v; lock.unlock() }
    var all: [Bool] { lock.lock(); defer { lock.unlock() }; return values.keys.sorted().map { values[$0]! } }
}

/// A provider for fill tests: uppercases, fails on sentences containing "GAGAL", counts calls.
private final class RecordingProvider: TranslationProvider, @unchecked Sendable {
    var seen: [TranslationRequest] = []
    var name: String { "stub" }
    func translate(_ requests: [TranslationRequest]) -> [TranslationOutcome] {
        seen += requests
        return requests.map { r in
            r.text.contains("GAGAL") ? .failure(TranslationFailure(provider: name, id: r.id, message: "engine refused"))
                : .success(r.text.uppercased())
        }
    }
}

final class TranslationFillTests: XCTestCase {
    func document() -> Document {
        let texts = ["Judul berita", "Kalimat pertama.", "Kalimat pertama.", "Baca juga: lainnya", "Ini GAGAL.", "Ada di TM.",
                     "Korban mencapai 8 orang."]
        var doc = Document(article: Article(id: "a1", paragraphs: [Paragraph(texts.joined(separator: " "))]))
        doc.segments = texts.enumerated().map { i, t in
            Segment(id: "s\(i + 1)", text: t, paragraph: 0, range: 0..<t.count, role: i == 3 ? .furniture : (i == 0 ? .headline : .body))
        }
        doc.matches = Array(repeating: [], count: texts.count)
        doc.matches![5] = [TMMatch(score: 100, kind: .exact, source: "Ada di TM.", target: "It is in the TM.", origin: "tm.tmx")]
        doc.matches![1] = [TMMatch(score: 80, kind: .fuzzy, source: "Kalimat kedua.", target: "Second sentence.", origin: "tm.tmx")]
        // A fuzzy match above the threshold whose number differs: not a fill.
        doc.matches![6] = [TMMatch(score: 97, kind: .fuzzy, source: "Korban mencapai 6 orang.", target: "The victims numbered 6.", origin: "tm.tmx")]
        return doc
    }

    func translation(_ provider: any TranslationProvider, qa: Bool = true) -> MachineTranslation {
        var s = TranslationSettings()
        s.cache = false
        return MachineTranslation(provider: provider, settings: s, memory: nil, cache: nil, qa: qa ? TranslationQA() : nil)
    }

    func testFillsOnlyWhatTheTMLeftAndMarksItMT() {
        var doc = document()
        let p = RecordingProvider()
        let run = ArticleRun()
        translation(p, qa: false).fill(&doc, run: run)
        XCTAssertEqual(p.seen.map(\.text), ["Judul berita", "Kalimat pertama.", "Ini GAGAL.", "Korban mencapai 8 orang."],
                       "deduplicated, no furniture, no TM, and the fuzzy fill with the wrong number goes to MT")
        XCTAssertEqual(p.seen.first?.id, "a1#s1")
        XCTAssertEqual(p.seen[1].previous, "Judul berita")
        XCTAssertEqual(run.machineTranslation?.sent, 4)
        XCTAssertEqual(run.machineTranslation?.failed, 1)
        XCTAssertTrue(run.incomplete, "a failed sentence makes the article incomplete")
        XCTAssertEqual(run.warnings, ["machine translation: stub: a1#s5: engine refused"])
        let t = doc.targets!
        XCTAssertEqual(t[1], Target(text: "KALIMAT PERTAMA.", provenance: .machine, origin: "stub"))
        XCTAssertEqual(t[2].provenance, .machine)
        XCTAssertEqual(t[3], .untranslated)
        XCTAssertEqual(t[4].provenance, .untranslated)
        XCTAssertNil(t[4].text, "never the source as a translation")
        XCTAssertEqual(t[4].origin, "stub failed: engine refused")
        XCTAssertEqual(t[5], Target(text: "It is in the TM.", provenance: .exactTM, score: 100, origin: "tm.tmx"))
        XCTAssertEqual(t[6].provenance, .machine)
    }

    func testGlossaryTermsGoWithTheirSentences() {
        var doc = document()
        doc.terms = Array(repeating: [], count: 7)
        doc.terms![1] = [TermHit(term: "kalimat", start: 0, end: 7, text: "Kalimat", translations: ["sentence", "clause"], kind: .exact, origin: "g.tsv")]
        let p = RecordingProvider()
        translation(p).fill(&doc, run: ArticleRun())
        XCTAssertEqual(p.seen[1].glossary, [GlossaryHint(text: "Kalimat", term: "kalimat", translation: "sentence", range: 0..<7)])
        XCTAssertEqual(p.seen[0].glossary, [])
    }

    func testChecksFlagWhatIsWrong() {
        var doc = document()
        translation(EchoProvider()).fill(&doc, run: ArticleRun())
        let t = doc.targets!
        XCTAssertEqual(t[1].qa?.map(\.check), [.untranslated], "the source sent back")
        XCTAssertNil(t[5].qa, "exact TM is not checked")
    }

    func testNoneProviderLeavesUntranslated() {
        var doc = document()
        let run = ArticleRun()
        translation(NoneProvider()).fill(&doc, run: run)
        XCTAssertNil(run.machineTranslation)
        XCTAssertFalse(run.incomplete, "no provider is not a failure")
        XCTAssertEqual(doc.targets!.filter { $0.provenance == .untranslated }.count, 6)
        XCTAssertEqual(doc.targets![5].provenance, .exactTM)
    }

    func testTheRunsCharacterBudget() {
        var s = TranslationSettings()
        s.cache = false
        s.maxCharacters = 30
        let p = RecordingProvider()
        let mt = MachineTranslation(provider: p, settings: s, memory: nil, cache: nil, qa: nil)
        var doc = document()
        let run = ArticleRun()
        mt.fill(&doc, run: run)
        XCTAssertEqual(p.seen.map(\.text), ["Judul berita", "Kalimat pertama."], "12 + 16 characters fit in 30; the rest not")
        XCTAssertEqual(run.machineTranslation?.notSent, 2)
        XCTAssertTrue(run.incomplete)
        XCTAssertEqual(doc.targets![4].origin, "not sent: the run's max_characters (30) was reached")
        XCTAssertEqual(run.warnings.count, 1)
        // The budget is for the whole run: the next article sends nothing.
        var next = document()
        let run2 = ArticleRun()
        mt.fill(&next, run: run2)
        XCTAssertEqual(run2.machineTranslation?.sent, 0)
        XCTAssertTrue(run2.warnings.isEmpty, "said once")
    }
}

/// Sends every sentence back unchanged.
private struct EchoProvider: TranslationProvider {
    var name: String { "echo" }
    func translate(_ requests: [TranslationRequest]) -> [TranslationOutcome] { requests.map { .success($0.text) } }
}

final class TranslationDocsTests: XCTestCase {
    /// docs/outputs.md lists every option with its default, as `TranslationSettings` declares them.
    func testOutputsDocListsEveryOptionWithItsDefault() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let doc = try String(contentsOf: repo.appendingPathComponent("docs/outputs.md"), encoding: .utf8)
        for d in TranslationSettings.declarations where d.key != "fill_threshold" {
            let cell = d.defaultValue.map { "`\($0)`" } ?? "—"
            XCTAssertTrue(doc.contains("| `\(d.key)` | \(cell) |"), "docs/outputs.md: option \(d.key) with default \(cell)")
        }
    }
}
