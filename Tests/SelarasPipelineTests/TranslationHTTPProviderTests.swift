import Foundation
import SelarasCore
import XCTest
@testable import SelarasPipeline

/// Runs `HTTPProvider` against a small LibreTranslate-like server on 127.0.0.1, written and
/// started by the test (Python's http.server). The server's base path picks its behaviour:
/// `/ok`, `/flaky…` (every other request answers 500), `/busy` (429 with Retry-After: 0, then ok),
/// `/slow` (answers after 3 s), `/key` (403 without api_key "rahasia"), `/short` (one translation
/// too few), `/garbage` (not JSON), `/bad` (400 with an error). `GET /stats` counts the requests
/// per path and records the last body. The server stops by itself after 120 s.
final class TranslationHTTPProviderTests: XCTestCase {
    static let script = #"""
import json, sys, threading, time, os
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

counts = {}
last = {}
lock = threading.Lock()

class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, status, obj, headers=()):
        body = json.dumps(obj).encode() if not isinstance(obj, bytes) else obj
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        with lock:
            self.send(200, {"counts": counts, "last": last})

    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        req = json.loads(self.rfile.read(n) or b"{}")
        mode = self.path.strip("/").split("/")[0]
        with lock:
            counts[mode] = counts.get(mode, 0) + 1
            last[mode] = req
            k = counts[mode]
        q = req.get("q", [])
        qs = q if isinstance(q, list) else [q]
        out = ["EN(%s>%s): %s" % (req.get("source"), req.get("target"), s) for s in qs]
        if mode.startswith("flaky") and k % 2 == 1:
            return self.send(500, {"error": "temporary failure"})
        if mode == "busy" and k == 1:
            return self.send(429, {"error": "Slowdown"}, [("Retry-After", "0")])
        if mode == "slow":
            time.sleep(3)
        if mode == "key" and req.get("api_key") != "rahasia":
            return self.send(403, {"error": "Invalid API key"})
        if mode == "short":
            out = out[:-1]
        if mode == "garbage":
            return self.send(200, b"<html>oops</html>")
        if mode == "bad":
            return self.send(400, {"error": "Invalid request: missing q parameter"})
        self.send(200, {"translatedText": out if isinstance(q, list) else out[0]})

server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
threading.Timer(120, lambda: os._exit(0)).start()
server.serve_forever()
"""#

    nonisolated(unsafe) static var server: Process?  // set in class setUp, before any test
    nonisolated(unsafe) static var port: Int?

    override class func setUp() {
        super.setUp()
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile)
            ?? which("python3") else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-http-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("server.py")
        try? script.write(to: file, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [file.path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return }
        server = p
        // The first line is the port.
        var line = Data()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line += byte
        }
        port = Int(String(decoding: line, as: UTF8.self))
    }

    override class func tearDown() {
        server?.terminate()
        server?.waitUntilExit()
        super.tearDown()
    }

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    func provider(_ mode: String, batchSize: Int = 25, retries: Int = 2, timeout: Double = 10,
                  apiKey: String? = nil) throws -> HTTPProvider {
        guard let port = Self.port else { throw XCTSkip("python3 is needed for the local test server") }
        guard HTTPProvider.curlPath != nil else { throw XCTSkip("curl is needed (make deps installs it)") }
        var o = TranslationSettings()
        o.provider = .http
        o.url = "http://127.0.0.1:\(port)/\(mode)"
        o.batchSize = batchSize
        o.retries = retries
        o.retryDelay = 0.05
        o.timeout = timeout
        o.apiKey = apiKey
        return HTTPProvider(options: o)
    }

    /// The server's request counts, fetched with curl as the provider does (Selaras links no HTTP
    /// library).
    func stats() throws -> [String: Any] {
        let curl = try XCTUnwrap(HTTPProvider.curlPath, "curl is needed")
        let run = ProcessRunner.run(curl, ["--disable", "--silent", "http://127.0.0.1:\(Self.port!)/stats"], input: Data(), timeout: 10)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
    }

    func count(_ mode: String) throws -> Int {
        ((try stats()["counts"] as? [String: Any])?[mode] as? Int) ?? 0
    }

    func requests(_ n: Int) -> [TranslationRequest] {
        (1...n).map { TranslationRequest(id: "s\($0)", text: "kalimat \($0)") }
    }

    func testBatchesInOrderWithLibreTranslateBody() throws {
        let p = try provider("ok", batchSize: 4)
        let out = p.translate(requests(10))
        XCTAssertEqual(out.map { try? $0.get() }, (1...10).map { "EN(id>en): kalimat \($0)" })
        XCTAssertEqual(try count("ok"), 3, "10 sentences in batches of 4")
        let last = (try stats()["last"] as! [String: Any])["ok"] as! [String: Any]
        XCTAssertEqual(last["q"] as? [String], ["kalimat 9", "kalimat 10"])
        XCTAssertEqual(last["format"] as? String, "text")
        XCTAssertNil(last["api_key"])
        XCTAssertEqual(p.name, "http:127.0.0.1:\(Self.port!)")
    }

    func testRetriesAfterA500() throws {
        let out = try provider("flaky-a", retries: 2).translate(requests(3))
        XCTAssertEqual(try? out[2].get(), "EN(id>en): kalimat 3")
        XCTAssertEqual(try count("flaky-a"), 2, "one 500, then success")
    }

    func testGivesUpAfterTheRetries() throws {
        // With no retries every odd request fails: the first batch fails, the second succeeds.
        let out = try provider("flaky-b", batchSize: 1, retries: 0).translate(requests(2))
        guard case let .failure(f) = out[0] else { return XCTFail("expected a failure") }
        XCTAssertEqual(f.message, "HTTP 500: temporary failure")
        XCTAssertEqual(try? out[1].get(), "EN(id>en): kalimat 2")
    }

    func testRetriesAfterA429() throws {
        let out = try provider("busy").translate(requests(1))
        XCTAssertEqual(try? out[0].get(), "EN(id>en): kalimat 1")
        XCTAssertEqual(try count("busy"), 2)
    }

    func testTimeout() throws {
        let start = Date()
        let out = try provider("slow", retries: 0, timeout: 1).translate(requests(2))
        XCTAssertLessThan(Date().timeIntervalSince(start), 2.9)
        for o in out {
            guard case let .failure(f) = o else { return XCTFail("expected a failure") }
            XCTAssertEqual(f.message, "timed out after 1 s")
        }
    }

    func testTimeoutIsRetried() throws {
        let out = try provider("slow", retries: 1, timeout: 0.5).translate(requests(1))
        guard case let .failure(f) = out[0] else { return XCTFail("expected a failure") }
        XCTAssertEqual(f.message, "timed out after 0.5 s (after 2 attempts)")
    }

    func testAPIKeyAndClientErrorsAreNotRetried() throws {
        let denied = try provider("key").translate(requests(1))
        guard case let .failure(f) = denied[0] else { return XCTFail("expected a failure") }
        XCTAssertEqual(f.message, "HTTP 403: Invalid API key")
        XCTAssertEqual(try count("key"), 1, "403 is not retried")
        let allowed = try provider("key", apiKey: "rahasia").translate(requests(1))
        XCTAssertEqual(try? allowed[0].get(), "EN(id>en): kalimat 1")
        let bad = try provider("bad").translate(requests(1))
        guard case let .failure(b) = bad[0] else { return XCTFail("expected a failure") }
        XCTAssertEqual(b.message, "HTTP 400: Invalid request: missing q parameter")
    }

    func testMalformedResponses() throws {
        let short = try provider("short").translate(requests(3))
        guard case let .failure(f) = short[0] else { return XCTFail("expected a failure") }
        XCTAssertEqual(f.message, "sent 3 sentences, got 2 translations")
        let garbage = try provider("garbage").translate(requests(1))
        guard case let .failure(g) = garbage[0] else { return XCTFail("expected a failure") }
        XCTAssertEqual(g.message, "the response is not a JSON object")
    }

    func testWithoutCurlEveryBatchFailsSayingSo() {
        var o = TranslationSettings()
        o.provider = .http
        o.url = "http://127.0.0.1:9"
        let out = HTTPProvider(options: o, curl: nil).translate(requests(2))
        for r in out {
            guard case let .failure(f) = r else { return XCTFail("expected a failure") }
            XCTAssertEqual(f.message, "the 'http' translation provider runs curl, which is not installed (Debian: apt-get install curl)")
        }
    }

    func testCurlExitStatusesBecomeMessages() {
        XCTAssertEqual(HTTPProvider.describe(curlExit: 28, message: nil, timeout: 1.5), "timed out after 1.5 s")
        XCTAssertEqual(HTTPProvider.describe(curlExit: 6, message: "curl: (6) Could not resolve host: x", timeout: 1), "unknown host")
        XCTAssertEqual(HTTPProvider.describe(curlExit: 60, message: "curl: (60) SSL certificate problem: self-signed certificate", timeout: 1),
                       "TLS error: SSL certificate problem: self-signed certificate")
        XCTAssertEqual(HTTPProvider.describe(curlExit: 56, message: nil, timeout: 1), "network error (curl exit status 56)")
    }

    func testNoServer() throws {
        guard Self.port != nil else { throw XCTSkip("python3 is needed for the local test server") }
        var o = TranslationSettings()
        o.provider = .http
        o.url = "http://127.0.0.1:9/translate"  // discard port: nothing listens
        o.retries = 0
        let out = HTTPProvider(options: o).translate(requests(1))
        guard case let .failure(f) = out[0] else { return XCTFail("expected a failure") }
        XCTAssertTrue(f.message.contains("connect") || f.message.contains("network"), f.message)
    }
}
