import Foundation
import XCTest

/// docs/diagnostics.md lists every diagnostic code the sources define (it is written by
/// scripts/diagnostics-doc.py; this keeps the two in step).
final class DiagnosticsDocTests: XCTestCase {
    func testEveryCodeIsDocumented() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: repo.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        let sources = repo.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        let pattern = try NSRegularExpression(pattern: #"(?:Self = |, )"((?:E0|GLO|TMX|XLF|SRX|JSONL|ART|MT|QA|ALN|HTML|PG)\d+)""#)
        var codes = Set<String>()
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                codes.insert(String(text[Range(m.range(at: 1), in: text)!]))
            }
        }
        XCTAssertGreaterThan(codes.count, 50)
        for code in codes.sorted() {
            XCTAssertTrue(doc.contains("| `\(code)` |"), "\(code) is not in docs/diagnostics.md: run scripts/diagnostics-doc.py")
        }
    }
}
