import Foundation
import XCTest

/// The review loop: a translator finishes a unit in the XLIFF, `tm update` adds it to the store, and
/// the next run matches it exactly.
final class ReviewLoopTests: CLITestCase {
    func testEditedTargetIsMatchedExactlyOnTheNextRun() throws {
        try writeProject(formats: "[xlf, json]")
        // Point the pipeline at a store in the project, the one `tm update` writes to.
        let config = try String(contentsOf: dir.appendingPathComponent("pipeline.yaml"), encoding: .utf8)
        try write("pipeline.yaml", config.replacingOccurrences(of: "  translation_memories: [tm.tmx]",
                                                               with: "  translation_memories: [tm.tmx]\n  tm_store: tm.sqlite"))
        var r = try selaras(["run", "pipeline.yaml"])
        XCTAssertEqual(r.status, 0, r.stderr)

        // The translator writes the English of the second sentence and marks it translated.
        let xlf = dir.appendingPathComponent("out/satu.xlf")
        var xml = try String(contentsOf: xlf, encoding: .utf8)
        let source = "<source xml:lang=\"id\">Rapat berlangsung lama.</source>"
        XCTAssertTrue(xml.contains(source), xml)
        xml = xml.replacingOccurrences(of: source, with: source + "<target xml:lang=\"en\" state=\"translated\">The meeting went on for a long time.</target>")
        try write("out/satu.xlf", xml)

        r = try selaras(["tm", "update", "--store", "tm.sqlite", "--from", "out/satu.xlf"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("1 added"), r.stderr)

        // The store changed, so the articles run again and the sentence now has exact English.
        r = try selaras(["run", "pipeline.yaml"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("2 written"), r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out/satu.json"))) as! [String: Any]
        let segments = (json["segments"] as! [[String: Any]]).map { $0["text"] as! String }
        let i = try XCTUnwrap(segments.firstIndex(of: "Rapat berlangsung lama."))
        let target = (json["targets"] as! [[String: Any]])[i]
        XCTAssertEqual(target["text"] as? String, "The meeting went on for a long time.")
        XCTAssertEqual(target["provenance"] as? String, "tm-exact")
        XCTAssertEqual(target["score"] as? Double, 100)

        // Updating again adds nothing new.
        r = try selaras(["tm", "update", "--store", "tm.sqlite", "--from", "out/satu.xlf"])
        XCTAssertTrue(r.stderr.contains("0 added"), r.stderr)
    }

    func testUpdateFromBrokenFileExits1() throws {
        try write("broken.xlf", "<xliff version=\"1.2\"><file")
        let r = try selaras(["tm", "update", "--store", "tm.sqlite", "--from", "broken.xlf"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("broken.xlf"), r.stderr)
    }
}
