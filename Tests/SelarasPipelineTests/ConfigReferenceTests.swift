import Foundation
import SelarasCore
import XCTest
@testable import SelarasPipeline

final class ConfigReferenceTests: XCTestCase {
    /// The README's config reference is the generated one: docs match the behaviour.
    func testReadmeCarriesTheGeneratedReference() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: repo.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "-->\n", range: readme.range(of: "<!-- reference:start")!.upperBound..<readme.endIndex),
              let end = readme.range(of: "<!-- reference:end -->") else {
            return XCTFail("README.md has no reference markers")
        }
        XCTAssertEqual(String(readme[start.upperBound..<end.lowerBound]), ConfigReference.markdown(),
                       "README's config reference is out of date: paste the output of `selaras stages`")
    }

    func testEveryStageAndOptionIsDocumented() {
        let md = ConfigReference.markdown()
        for stage in StageRegistry.standard.all {
            XCTAssertTrue(md.contains("#### `\(stage.name)`"))
            for option in stage.optionDeclarations {
                XCTAssertFalse(option.doc.isEmpty, "\(stage.name).\(option.key) has no doc")
                XCTAssertTrue(md.contains("| `\(option.key)` |"))
            }
        }
    }
}
