import Foundation
import XCTest
@testable import SelarasPipeline

/// The loopback stand-in of the translation APIs (Fixtures/mt_standin.py), started once per test
/// process with python3; tests that need it skip, saying why, when python3 or curl is missing.
final class StandIn: @unchecked Sendable {
    // @unchecked: set once, before any test reads it.
    static let shared = StandIn()
    private(set) var port: Int?
    private var process: Process?

    private init() {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile) else { return }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/mt_standin.py")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [script.path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return }
        process = p
        var line = Data()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line += byte
        }
        port = Int(String(decoding: line, as: UTF8.self))
    }

    /// `http://127.0.0.1:PORT/<mode>`, or a skip.
    func base(_ mode: String) throws -> String {
        guard let port else { throw XCTSkip("python3 is needed for the local stand-in server") }
        guard HTTPTransport.curlPath != nil else { throw XCTSkip("curl is needed (make deps installs it)") }
        return "http://127.0.0.1:\(port)/\(mode)"
    }

    /// What the server saw.
    func stats() throws -> [String: Any] {
        let curl = try XCTUnwrap(HTTPTransport.curlPath, "curl is needed")
        let run = ProcessRunner.run(curl, ["--disable", "--silent", "http://127.0.0.1:\(port!)/stats"], input: Data(), timeout: 10)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
    }

    func count(_ mode: String) throws -> Int {
        ((try stats()["counts"] as? [String: Any])?[mode] as? Int) ?? 0
    }

    /// The last request of a mode to an API: its body, headers and query.
    func last(_ mode: String, _ api: String) throws -> [String: Any] {
        try XCTUnwrap((try stats()["last"] as? [String: Any])?["\(mode)/\(api)"] as? [String: Any], "no \(api) request for \(mode)")
    }

    deinit {
        process?.terminate()
    }
}
