import Foundation
import SelarasCore
import XCTest
@testable import SelarasPipeline

/// Every provider against the loopback stand-in of its API (Fixtures/mt_standin.py).
final class TranslationProvidersTests: XCTestCase {
    let standIn = StandIn.shared

    func settings(_ provider: TranslationSettings.Provider, _ mode: String, batchSize: Int = 25, retries: Int = 2,
                  timeout: Double = 10) throws -> TranslationSettings {
        var o = TranslationSettings()
        o.provider = provider
        o.url = try standIn.base(mode)
        o.batchSize = batchSize
        o.retries = retries
        o.retryDelay = 0.02
        o.timeout = timeout
        switch provider {
        case .openai: o.model = "test-model"
        case .google: o.project = "p"; o.apiKeyEnv = "SELARAS_TEST_KEY"
        case .deepl, .azure: o.apiKeyEnv = "SELARAS_TEST_KEY"
        default: break
        }
        return o
    }

    func requests(_ n: Int, glossary: Bool = false) -> [TranslationRequest] {
        (1...n).map { i in
            TranslationRequest(id: "s\(i)", text: "DPR kalimat \(i)",
                               glossary: glossary ? [GlossaryHint(text: "DPR", term: "DPR", translation: "House of Representatives", range: 0..<3)] : [],
                               examples: glossary ? [TranslationExample(source: "DPR bersidang.", target: "The House met.", score: 62)] : [],
                               previous: i == 1 ? "Sebelumnya." : nil, next: i == n ? "Sesudahnya." : nil)
        }
    }

    func texts(_ out: [TranslationOutcome]) -> [String?] { out.map { try? $0.get() } }

    override class func setUp() {
        super.setUp()
        setenv("SELARAS_TEST_KEY", "rahasia", 1)
    }

    func withKey<T>(_ body: () throws -> T) rethrows -> T { try body() }

    // MARK: each API

    func testOpenAIRequestCarriesGlossaryExamplesAndContext() throws {
        var o = try settings(.openai, "ok", batchSize: 3)
        o.apiKeyEnv = "SELARAS_TEST_KEY"
        let out = try withKey { try o.makeProvider().translate(requests(3, glossary: true)) }
        XCTAssertEqual(texts(out), ["EN: DPR kalimat 1", "EN: DPR kalimat 2", "EN: DPR kalimat 3"])
        let last = try standIn.last("ok", "openai")
        let body = try XCTUnwrap(last["body"] as? [String: Any])
        XCTAssertEqual(body["model"] as? String, "test-model")
        XCTAssertEqual((body["response_format"] as? [String: String])?["type"], "json_object")
        let messages = try XCTUnwrap(body["messages"] as? [[String: String]])
        XCTAssertEqual(messages.map { $0["role"] }, ["system", "user"])
        let user = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(messages[1]["content"]!.utf8)) as? [String: Any])
        XCTAssertEqual(user["sentences"] as? [String], ["DPR kalimat 1", "DPR kalimat 2", "DPR kalimat 3"])
        XCTAssertEqual(user["glossary"] as? [String: String], ["DPR": "House of Representatives"])
        XCTAssertEqual(user["examples"] as? [[String: String]], [["source": "DPR bersidang.", "target": "The House met."]])
        XCTAssertEqual(user["context"] as? String, "Sebelumnya. Sesudahnya.")
        XCTAssertEqual((last["headers"] as? [String: String])?["Authorization"], "Bearer rahasia")
    }

    func testDeepLMakesItsGlossaryOnceAndSendsContext() throws {
        var o = try settings(.deepl, "ok")
        o.apiKeyEnv = "SELARAS_TEST_KEY"
        let glossary = [("Dewan Perwakilan Rakyat", "House of Representatives"), ("DPR", "House of Representatives")]
        let first = try withKey { try o.makeProvider(glossary: glossary).translate(requests(2, glossary: true)) }
        XCTAssertEqual(texts(first), ["EN: DPR kalimat 1", "EN: DPR kalimat 2"])
        let made = try standIn.last("ok", "deepl-glossaries")["body"] as? [String: Any]
        let dictionary = try XCTUnwrap((made?["dictionaries"] as? [[String: String]])?.first)
        XCTAssertEqual(dictionary["entries_format"], "tsv")
        XCTAssertEqual(dictionary["entries"], "Dewan Perwakilan Rakyat\tHouse of Representatives\nDPR\tHouse of Representatives")
        let translate = try XCTUnwrap(try standIn.last("ok", "deepl")["body"] as? [String: Any])
        XCTAssertEqual(translate["glossary_id"] as? String, "g1")
        XCTAssertEqual(translate["source_lang"] as? String, "ID")
        XCTAssertEqual(translate["target_lang"] as? String, "EN-US")
        XCTAssertEqual(translate["context"] as? String, "Sebelumnya. Sesudahnya.")
        XCTAssertEqual((try standIn.last("ok", "deepl")["headers"] as? [String: String])?["Authorization"], "DeepL-Auth-Key rahasia")
        // A second run finds the glossary by its name instead of making another.
        let log = { (try self.standIn.stats()["log"] as? [String]) ?? [] }
        let before = try log().filter { $0 == "ok deepl-glossaries" }.count
        _ = try withKey { try o.makeProvider(glossary: glossary).translate(requests(1, glossary: true)) }
        XCTAssertEqual(try log().filter { $0 == "ok deepl-glossaries" }.count, before, "the glossary is found, not made again")
    }

    func testGoogleNamesItsGlossary() throws {
        var o = try settings(.google, "ok")
        o.apiKeyEnv = "SELARAS_TEST_KEY"
        o.glossary = "politik"
        let out = try withKey { try o.makeProvider().translate(requests(2)) }
        XCTAssertEqual(texts(out), ["EN: DPR kalimat 1", "EN: DPR kalimat 2"])
        let body = try XCTUnwrap(try standIn.last("ok", "google")["body"] as? [String: Any])
        XCTAssertEqual((body["glossaryConfig"] as? [String: Any])?["glossary"] as? String, "projects/p/locations/global/glossaries/politik")
        XCTAssertEqual(body["sourceLanguageCode"] as? String, "id")
    }

    func testAzureMarksTermsForItsDynamicDictionary() throws {
        var o = try settings(.azure, "ok")
        o.apiKeyEnv = "SELARAS_TEST_KEY"
        o.region = "southeastasia"
        let out = try withKey { try o.makeProvider().translate(requests(1, glossary: true)) }
        XCTAssertEqual(texts(out), ["EN: House of Representatives kalimat 1"])
        let last = try standIn.last("ok", "azure")
        XCTAssertEqual((last["body"] as? [[String: String]])?.first?["Text"],
                       "<mstrans:dictionary translation=\"House of Representatives\">DPR</mstrans:dictionary> kalimat 1")
        XCTAssertEqual((last["headers"] as? [String: String])?["Ocp-Apim-Subscription-Region"], "southeastasia")
        XCTAssertTrue((last["query"] as? String ?? "").contains("api-version=3.0"))
    }

    func testLibreTranslateAndItsOldNameHTTP() throws {
        for provider in [TranslationSettings.Provider.libretranslate, .http] {
            var o = try settings(provider, "ok", batchSize: 4)
            o.concurrency = 1  // the batches in order, so the last request is the second batch
            let p = try o.makeProvider()
            XCTAssertEqual(texts(p.translate(requests(5))), (1...5).map { "EN: DPR kalimat \($0)" })
            XCTAssertTrue(p.name.hasPrefix("libretranslate:127.0.0.1:"), p.name)
        }
        let body = try XCTUnwrap(try standIn.last("ok", "libretranslate")["body"] as? [String: Any])
        XCTAssertEqual(body["q"] as? [String], ["DPR kalimat 5"])
        XCTAssertNil(body["api_key"])
    }

    // MARK: failures: retried, then reported; never the source as a translation

    func testA429IsRetriedHonouringRetryAfter() throws {
        let out = try settings(.openai, "busy").makeProvider().translate(requests(1))
        XCTAssertEqual(texts(out), ["EN: DPR kalimat 1"])
        XCTAssertEqual(try standIn.count("busy"), 2)
    }

    func testA500IsRetriedThenReported() throws {
        let ok = try settings(.deepl, "flaky", retries: 2).makeProvider().translate(requests(1))
        XCTAssertEqual(texts(ok), ["EN: DPR kalimat 1"])
    }

    func testATimeoutIsRetriedThenReported() throws {
        let out = try settings(.openai, "slow", retries: 1, timeout: 0.5).makeProvider().translate(requests(1))
        guard case let .failure(f) = out[0] else { return XCTFail("expected a failure") }
        XCTAssertEqual(f.message, "timed out after 0.5 s (after 2 attempts)")
    }

    func testACountMismatchIsAskedAgainThenSplit() throws {
        // Once short, then fine: asked again.
        XCTAssertEqual(texts(try settings(.openai, "shortonce").makeProvider().translate(requests(3))),
                       ["EN: DPR kalimat 1", "EN: DPR kalimat 2", "EN: DPR kalimat 3"])
        // Always short: asked again, then split down to single sentences, each of which fails.
        let out = try settings(.openai, "short", retries: 1).makeProvider().translate(requests(2))
        for o in out {
            guard case let .failure(f) = o else { return XCTFail("expected a failure, got \(o)") }
            XCTAssertEqual(f.message, "sent 1 sentences, got 0 translations (after 2 attempts)")
        }
    }

    func testAnUnparsableReplyIsAFailureNeverTheSource() throws {
        for provider in [TranslationSettings.Provider.openai, .deepl, .google, .azure, .libretranslate] {
            let out = try settings(provider, "garbage", retries: 0).makeProvider().translate(requests(2))
            for o in out {
                guard case .failure = o else { return XCTFail("\(provider): expected a failure, got \(o)") }
            }
        }
    }

    func testAKeyTheServerRefusesIsReportedWithoutTheKey() throws {
        setenv("SELARAS_TEST_WRONG_KEY", "salah-kunci-123", 1)
        defer { unsetenv("SELARAS_TEST_WRONG_KEY") }
        var o = try settings(.openai, "key")
        o.apiKeyEnv = "SELARAS_TEST_WRONG_KEY"
        let before = try standIn.count("key")
        let out = try o.makeProvider().translate(requests(1))
        guard case let .failure(f) = out[0] else { return XCTFail("expected a failure") }
        XCTAssertEqual(f.message, "HTTP 403: Incorrect API key provided")
        XCTAssertFalse("\(f)".contains("salah-kunci-123"))
        XCTAssertEqual(try standIn.count("key") - before, 1, "403 is not retried")
    }

    func testAMissingKeyVariableStopsTheProviderNamingTheVariableOnly() throws {
        var o = try settings(.deepl, "ok")
        o.apiKeyEnv = "SELARAS_TEST_NO_SUCH_VARIABLE"
        XCTAssertThrowsError(try o.makeProvider()) { error in
            XCTAssertEqual((error as? Diagnostics)?.list.first?.message,
                           "the environment variable SELARAS_TEST_NO_SUCH_VARIABLE (api_key_env) is not set, so the 'deepl' provider has no key")
        }
    }

    func testKeysNeverGoOnTheCommandLine() {
        // The transport's command line is fixed; URL, headers and body go to curl on stdin.
        let args = HTTPTransport.arguments
        XCTAssertEqual(args, ["--disable", "--config", "-"])
        let config = HTTPTransport.config(for: HTTPRequest(url: URL(string: "http://x/y")!, headers: [("Authorization", "Bearer k\"1")], body: Data("{\"a\":\"b\\\"\"}".utf8)), timeout: 5)
        XCTAssertTrue(config.contains("header = \"Authorization: Bearer k\\\"1\""), config)
        XCTAssertTrue(config.contains("data-binary = \"{\\\"a\\\":\\\"b\\\\\\\"\\\"}\""), config)
    }

    func testNoServer() throws {
        _ = try standIn.base("ok")
        var o = TranslationSettings()
        o.provider = .libretranslate
        o.url = "http://127.0.0.1:9"  // the discard port: nothing listens
        o.retries = 0
        let out = try o.makeProvider().translate(requests(1))
        guard case let .failure(f) = out[0] else { return XCTFail("expected a failure") }
        XCTAssertEqual(f.message, "cannot connect to the server")
    }

    func testCurlExitStatusesBecomeMessages() {
        XCTAssertEqual(HTTPTransport.describe(curlExit: 28, message: nil, timeout: 1.5), "timed out after 1.5 s")
        XCTAssertEqual(HTTPTransport.describe(curlExit: 6, message: "curl: (6) Could not resolve host: x", timeout: 1), "unknown host")
        XCTAssertEqual(HTTPTransport.describe(curlExit: 60, message: "curl: (60) SSL certificate problem: self-signed certificate", timeout: 1),
                       "TLS error: SSL certificate problem: self-signed certificate")
        XCTAssertEqual(HTTPTransport.describe(curlExit: 56, message: nil, timeout: 1), "network error (curl exit status 56)")
    }
}
