import Foundation
import XCTest

/// Runs the built `selaras` binary as a user would, in a temporary folder.
class CLITestCase: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    /// The folder SwiftPM builds products into (the test bundle sits there).
    static var binary: URL {
        Bundle.main.bundleURL.appendingPathComponent("selaras")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    func write(_ path: String, _ text: String) throws -> URL {
        try write(path, Data(text.utf8))
    }

    @discardableResult
    func write(_ path: String, _ data: Data) throws -> URL {
        let u = dir.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: u)
        return u
    }

    func selaras(_ args: [String], stdin: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = args
        p.currentDirectoryURL = dir
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static let tmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
        <header creationtool="test" creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" srclang="id" o-tmf="test"/>
        <body>
        <tu tuid="1"><tuv xml:lang="id"><seg>Presiden membuka sidang kabinet di Jakarta.</seg></tuv><tuv xml:lang="en"><seg>The President opened the cabinet meeting in Jakarta.</seg></tuv></tu>
        </body>
        </tmx>
        """

    /// A config and two articles: `pipeline.yaml`, `articles/`, `tm.tmx`.
    func writeProject(formats: String = "[json]") throws {
        try write("tm.tmx", Self.tmx)
        try write("articles/satu.txt", "Sidang Kabinet\n\nPresiden membuka sidang kabinet di Jakarta. Rapat berlangsung lama.\n")
        try write("articles/dua.txt", "Rapat DPR\n\nDPR menggelar rapat paripurna pada Selasa.\n")
        try write("pipeline.yaml", """
            version: 1
            inputs: [articles]
            output: out
            resources:
              translation_memories: [tm.tmx]
            stages:
              - segment
              - match
              - summarize
              - translate
              - write: {formats: \(formats)}
            """)
    }
}
