import Foundation
import SelarasCore
import XCTest
@testable import SelarasPipeline

final class YAMLShapeCheckTests: XCTestCase {
    func testPlainConfigsHaveNoProblem() {
        XCTAssertNil(YAMLShapeCheck.firstProblem(in: ""))
        XCTAssertNil(YAMLShapeCheck.firstProblem(in: "stages: [segment]\ninputs: articles\n"))
        // Collections as values, sequences of mappings, anchors and aliases, block scalars with `?`.
        let yaml = """
            stages:
              - segment
              - {name: summarize, sentences: 3}
            base: &base {quotes: keep}
            segment: *base
            description: |
              ? not a key, text of a block scalar
            """
        XCTAssertNil(YAMLShapeCheck.firstProblem(in: yaml))
        // Not YAML: left to Yams, which reports the syntax error with its place.
        XCTAssertNil(YAMLShapeCheck.firstProblem(in: "a: [b\n"))
    }

    func testComplexKeysAreFoundWithTheirPlace() {
        let explicit = YAMLShapeCheck.firstProblem(in: "name: x\n? [a, b]\n: c\n")
        XCTAssertEqual(explicit?.line, 2)
        XCTAssertEqual(explicit?.column, 3)
        XCTAssertEqual(explicit?.message.contains("sequence"), true)
        let flow = YAMLShapeCheck.firstProblem(in: "stages: {{a: 1}: 2}\n")
        XCTAssertEqual(flow?.line, 1)
        XCTAssertEqual(flow?.column, 10)
        XCTAssertEqual(flow?.message.contains("mapping"), true)
        // A key nested inside a value is found too.
        XCTAssertEqual(YAMLShapeCheck.firstProblem(in: "a:\n  b:\n    ? {c: d}\n    : e\n")?.line, 3)
    }

    /// The `yaml` fuzz target's finding, rebuilt: duplicated mapping keys whose own keys nest
    /// mappings 22 deep. Yams's duplicate check sorts them in time exponential in the depth;
    /// the config is refused, naming the key's line and column, before Yams composes it.
    func testNestedDuplicateComplexKeysAreRefusedBeforeYams() throws {
        var nested = "a"
        for _ in 0..<22 { nested = "{\(nested): 1, b: 1}" }
        let yaml = "name: x\nstages: [segment]\n? {\(nested): 1, p: 1}\n: 1\n? {\(nested): 1, p: 1}\n: 2\n"
            + "? {\(nested): 1, q: 1}\n: 3\n? {\(nested): 1, q: 1}\n: 4\n"
        let url = URL(fileURLWithPath: "/nonexistent/bomb.yaml")
        XCTAssertThrowsError(try ConfigLoader(checkInputs: false).load(data: Data(yaml.utf8), url: url)) { error in
            let list = (error as? Diagnostics)?.list ?? []
            XCTAssertEqual(list.map(\.code), [.configSyntax])
            XCTAssertEqual(list.first?.line, 3)
            XCTAssertEqual(list.first?.location?.file, "/nonexistent/bomb.yaml")
            XCTAssertTrue(list.first?.message.contains("complex key") ?? false, "\(list)")
        }
    }
}
