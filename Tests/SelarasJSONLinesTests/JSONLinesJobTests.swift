import Foundation
import SelarasCore
import XCTest
@testable import SelarasJSONLines

final class JSONLinesJobTests: XCTestCase {
    /// Runs `job` over `input` through real pipes; returns stdout and the diagnostics.
    func run(_ input: String, workers: Int = 2, batchBytes: Int = 1 << 20,
             transform: @escaping JSONLinesJob.Transform) throws -> (output: String, diagnostics: [Diagnostic], outcome: JSONLinesJob.Outcome) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jsonl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let inURL = dir.appendingPathComponent("in.jsonl"), outURL = dir.appendingPathComponent("out.jsonl")
        try Data(input.utf8).write(to: inURL)
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        let inFD = open(inURL.path, O_RDONLY), outFD = open(outURL.path, O_WRONLY)
        defer { close(inFD) }
        let output = FileOutput(fd: outFD)
        let found = Locked<[Diagnostic]>([])
        var job = JSONLinesJob(schema: .text, workers: workers)
        job.batchBytes = batchBytes
        let outcome = job.run(fd: inFD, source: "in.jsonl", output: output, report: { d in found.withLock { $0.append(d) } }, transform: transform)
        close(outFD)
        return (try String(contentsOf: outURL, encoding: .utf8), found.value, outcome)
    }

    static let echo: JSONLinesJob.Transform = { record, out in
        out.beginRecord(id: record.id)
        out.key("text")
        record.withString(0) { out.string($0) }
        out.endRecord()
    }

    func testIdsComeBackExactlyAsGivenInOrder() throws {
        var lines: [String] = []
        for i in 0..<5000 {
            lines.append(i % 3 == 0 ? #"{"id": \#(i), "text": "teks \#(i)"}"# : #"{"text": "t\u00e9ks \#(i)", "id": "s\#(i)"}"#)
        }
        // Small batches and several workers: order must still be the input order.
        let r = try run(lines.joined(separator: "\n") + "\n", workers: 4, batchBytes: 4096, transform: Self.echo)
        let out = r.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(out.count, 5000)
        XCTAssertEqual(out[0], #"{"id":0,"text":"teks 0"}"#)
        XCTAssertEqual(out[1], #"{"id":"s1","text":"téks 1"}"#)
        XCTAssertEqual(out[4999], #"{"id":"s4999","text":"téks 4999"}"#)
        XCTAssertEqual(r.outcome.records, 5000)
        XCTAssertFalse(r.outcome.failed)
    }

    func testBadLinesAreReportedWithTheirPlaceAndTheRestWritten() throws {
        let input = "\u{FEFF}{\"id\":1,\"text\":\"a\"}\n\nnot json\n{\"id\":2}\n{\"id\":3,\"text\":\"c\"}\r\n"
        let r = try run(input, transform: Self.echo)
        XCTAssertEqual(r.output, "{\"id\":1,\"text\":\"a\"}\n{\"id\":3,\"text\":\"c\"}\n")
        XCTAssertEqual(r.diagnostics.map(\.description), [
            "in.jsonl:3:1: error[JSONL001]: not a {\"id\", \"text\"} record: expected '{' at the start of the record",
            "in.jsonl:4:1: error[JSONL001]: not a {\"id\", \"text\"} record: missing \"text\"",
        ])
        XCTAssertEqual(r.outcome.badLines, 2)
        XCTAssertTrue(r.outcome.failed)
    }

    func testATransformThatThrowsSkipsOnlyItsRecord() throws {
        let r = try run("{\"id\":1,\"text\":\"ok\"}\n{\"id\":2,\"text\":\"boom\"}\n{\"id\":3,\"text\":\"ok\"}\n") { (record, out) throws(Diagnostic) in
            out.beginRecord(id: record.id)
            out.key("n")
            if record.string(0) == "boom" {
                throw Diagnostic.error(.jsonlRecordFailed, at: record.location, "cannot do this one")
            }
            out.int(1)
            out.endRecord()
        }
        XCTAssertEqual(r.output, "{\"id\":1,\"n\":1}\n{\"id\":3,\"n\":1}\n")
        XCTAssertEqual(r.diagnostics.map(\.description), ["in.jsonl:2: error[JSONL004]: cannot do this one"])
    }

    func testALineLongerThanABatch() throws {
        let long = String(repeating: "kata ", count: 20_000)
        let r = try run("{\"id\":1,\"text\":\"\(long)\"}\n{\"id\":2,\"text\":\"b\"}", batchBytes: 1024, transform: Self.echo)
        XCTAssertEqual(r.output.split(separator: "\n").count, 2)
        XCTAssertTrue(r.output.hasSuffix("{\"id\":2,\"text\":\"b\"}\n"))
    }

    func testInMemoryLinesGiveTheSameRecordsAndMessages() {
        var ids: [String] = []
        var bad: [Diagnostic] = []
        JSONLines.forEach(in: Array("{\"id\":5,\"text\":\"a\"}\nx\n\n{\"id\":\"b\",\"text\":\"b\"}".utf8), schema: .text, source: "m.jsonl") {
            ids.append(String(decoding: $0.id.json, as: UTF8.self))
        } bad: { bad.append($0) }
        XCTAssertEqual(ids, ["5", "\"b\""])
        XCTAssertEqual(bad.map { $0.line }, [2])
    }
}
