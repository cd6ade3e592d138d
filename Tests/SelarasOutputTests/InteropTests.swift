import Foundation
import SelarasFormats
import SelarasCore
import XCTest
@testable import SelarasOutput

/// The Swift side of `scripts/interop/check.sh` (Translate Toolkit interoperability). Skipped
/// unless `SELARAS_INTEROP_DIR` names the folder the script shares with its Python side:
/// - `testInteropExport` writes `selaras.xlf` (XLIFF 1.2), `selaras.tmx` (a run TMX) and
///   `selaras-expected.json` (the units they hold) for Translate Toolkit to load;
/// - `testInteropImport` reads `tt.xlf` and `tt.tmx`, written by Translate Toolkit, and checks that
///   Selaras's readers find what `tt-expected.json` lists.
final class InteropTests: XCTestCase {
    var folder: URL {
        get throws {
            guard let d = ProcessInfo.processInfo.environment["SELARAS_INTEROP_DIR"] else {
                throw XCTSkip("interoperability checks run from scripts/interop/check.sh (SELARAS_INTEROP_DIR)")
            }
            return URL(fileURLWithPath: d)
        }
    }

    func testInteropExport() throws {
        let dir = try folder
        let view = BilingualView(Fixtures.full, fillThreshold: Fixtures.context.fillThreshold)
        let xliff = try XLIFF12Writer().render(Fixtures.full, context: Fixtures.context)
        try AtomicFile.write(xliff, to: dir.appendingPathComponent("selaras.xlf"))
        let units: [[String: Any]] = view.rows.map { row in
            [
                "id": row.segment.id,
                "source": Markup.xmlSafe(row.segment.text),
                "target": row.target.text.map(Markup.xmlSafe) ?? NSNull(),
                "alt": row.matches.map { ["quality": Markup.score($0.score), "target": $0.bestTarget, "origin": $0.origin] },
                "notes": row.terms.count,
                "reviewed": row.target.provenance == .reviewed,
            ]
        }
        // A run TMX of two articles, as the pipeline writes it at the end of a run.
        let collector = RunTMXCollector(context: Fixtures.context)
        var second = Fixtures.full
        second.article.id = "02-second"
        second.targets![4] = Target(text: "Edited & <reviewed> \"English\".", provenance: .reviewed, origin: "editor")
        collector.add(Fixtures.full)
        collector.add(second)
        try collector.write(to: dir.appendingPathComponent("selaras.tmx"))
        let pairs = collector.pairs.map { ["tuid": $0.tuid ?? "", "source": $0.source, "target": $0.target] }
        let json = try JSONSerialization.data(withJSONObject: ["xliff": units, "tmx": pairs], options: [.prettyPrinted, .sortedKeys])
        try AtomicFile.write(json, to: dir.appendingPathComponent("selaras-expected.json"))
    }

    func testInteropImport() throws {
        let dir = try folder
        let expectedURL = dir.appendingPathComponent("tt-expected.json")
        guard FileManager.default.fileExists(atPath: expectedURL.path) else {
            throw XCTSkip("tt-expected.json not written yet (run the Python side first)")
        }
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: expectedURL)) as! [String: Any]
        let xliff = expected["xliff"] as! [String: Any]
        let (units, issues) = try XLIFFReader.units(in: dir.appendingPathComponent("tt.xlf"))
        XCTAssertEqual(issues, [], "Translate Toolkit's XLIFF reads without issues")
        let all = xliff["units"] as! [[String: Any]]
        XCTAssertEqual(units.map(\.id), all.map { $0["id"] as! String })
        XCTAssertEqual(units.map(\.source), all.map { $0["source"] as! String })
        XCTAssertEqual(units.map { $0.target ?? "" }, all.map { $0["target"] as? String ?? "" })
        let (reviewed, _) = try XLIFFReader.reviewedUnits(in: dir.appendingPathComponent("tt.xlf"))
        let want = xliff["reviewed"] as! [[String: String]]
        XCTAssertEqual(reviewed.map(\.id), want.map { $0["id"]! })
        XCTAssertEqual(reviewed.map(\.target), want.map { $0["target"]! })

        // Translate Toolkit's TMX in Selaras's TMX reader.
        var read: [TMUnit] = []
        let tmxIssues = try TMXReader().read(dir.appendingPathComponent("tt.tmx")) { read.append($0) }
        XCTAssertEqual(tmxIssues.map(\.description), [])
        let pairs = expected["tmx"] as! [[String: String]]
        XCTAssertEqual(read.map(\.source), pairs.map { $0["source"]! })
        XCTAssertEqual(read.map(\.target), pairs.map { $0["target"]! })
    }
}
