import Foundation
import SelarasFormats
import SelarasCore
import XCTest
@testable import SelarasPipeline

final class ConfigLoaderTests: XCTestCase {
    var ws: TestWorkspace!

    override func setUpWithError() throws {
        ws = try TestWorkspace()
        try ws.writeArticles()
        try ws.write("tm.tmx", TestWorkspace.tmx)
    }

    func load(_ yaml: String, checkInputs: Bool = true) throws -> PipelineConfig {
        let url = try ws.write("p.yaml", yaml)
        return try ConfigLoader(checkInputs: checkInputs).load(url)
    }

    /// The errors a config produces (fails the test when it loads).
    func errors(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        do {
            _ = try load(yaml)
            XCTFail("config loaded but should not", file: file, line: line)
            return []
        } catch let e as Diagnostics {
            return e.list
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return []
        }
    }

    func testMinimalConfigGetsDefaultsAndResolvesPathsAgainstTheConfigFolder() throws {
        let c = try load("stages: [segment]\ninputs: articles\n")
        XCTAssertEqual(c.version, 1)
        XCTAssertEqual(c.name, "p")
        XCTAssertEqual(c.sourceLanguage, "id")
        XCTAssertEqual(c.targetLanguage, "en")
        XCTAssertEqual(c.inputs, [ws.url("articles").standardizedFileURL.path])
        XCTAssertEqual(c.output.path, ws.url("out").standardizedFileURL.path)
        XCTAssertNil(c.jobs)
        XCTAssertEqual(c.stages.map(\.name), ["segment"])
        XCTAssertEqual((c.stages[0].options as? SegmentStage.Options)?.furniture, true)
    }

    func testStageOptionsAndDefaults() throws {
        let c = try load("""
            resources:
              translation_memories: tm.tmx
            stages:
              - segment
              - match: {threshold: 80}
              - write
            """)
        let match = try XCTUnwrap(c.stages[1].options as? MatchStage.Options)
        XCTAssertEqual(match.threshold, 80)
        XCTAssertEqual(match.max, 5)
        XCTAssertTrue(match.$threshold.isExplicit)
        XCTAssertEqual(match.$threshold.location?.line, 5)
        XCTAssertFalse(match.$max.isExplicit)
        XCTAssertEqual(c.options(ofStage: WriteStage.self)?.formats.map(\.rawValue), ["xlf", "tmx", "tsv", "md", "json", "html"])
        XCTAssertEqual(c.translationMemories.map(\.lastPathComponent), ["tm.tmx"])
    }

    func testMisspeltTopLevelKeyNamesKeyLineColumnAndSuggestion() {
        let e = errors("version: 1\nnmae: x\nstages: [segment]\n")
        XCTAssertEqual(e.count, 1)
        XCTAssertEqual(e[0].code, .configUnknownKey)
        XCTAssertEqual(e[0].location?.line, 2)
        XCTAssertEqual(e[0].location?.column, 1)
        XCTAssertTrue(e[0].message.contains("'nmae'"), e[0].message)
        XCTAssertTrue(e[0].message.contains("did you mean 'name'"), e[0].message)
        XCTAssertTrue(e[0].description.hasSuffix("p.yaml:2:1: error[E002]: " + e[0].message))
    }

    func testMisspeltStageOptionIsFoundInsideTheStage() {
        let e = errors("stages:\n  - segment\n  - summarize:\n      sentneces: 2\n")
        XCTAssertEqual(e.map(\.code), [.configUnknownKey])
        XCTAssertEqual(e[0].location?.line, 4)
        XCTAssertEqual(e[0].location?.column, 7)
        XCTAssertTrue(e[0].message.contains("did you mean 'sentences'"), e[0].message)
    }

    func testWrongTypeSaysWhatWasExpected() {
        let e = errors("jobs: many\nstages:\n  - segment\n  - match: {threshold: high}\n")
        XCTAssertEqual(e.map(\.code), [.configWrongType, .configWrongType])
        XCTAssertTrue(e[0].message.contains("must be an integer"), e[0].message)
        XCTAssertTrue(e[1].message.contains("option 'threshold' of stage 'match' must be a number from 0 to 100"), e[1].message)
        XCTAssertTrue(e[1].message.contains("\"high\""), e[1].message)
    }

    func testOutOfRangeAndBadChoice() {
        let e = errors("stages:\n  - segment\n  - match: {max: 0}\n  - write: {formats: [xlf, docx]}\n")
        XCTAssertEqual(e.map(\.code), [.configWrongType, .configInvalidValue])
        XCTAssertTrue(e[1].message.contains("'docx'"), e[1].message)
    }

    func testMissingTMXIsNamed() {
        let e = errors("resources:\n  translation_memories: [nowhere/missing.tmx]\nstages: [segment]\n")
        XCTAssertEqual(e.map(\.code), [.configMissingFile])
        XCTAssertTrue(e[0].message.contains("missing.tmx"), e[0].message)
        XCTAssertEqual(e[0].location?.line, 2)
    }

    func testMissingInputIsNamedUnlessInputsAreReplaced() throws {
        let yaml = "inputs: [no-such-folder]\nstages: [segment]\n"
        XCTAssertEqual(errors(yaml).map(\.code), [.configMissingFile])
        XCTAssertNoThrow(try load(yaml, checkInputs: false))
    }

    func testSummarizeBeforeSegmentIsRejectedWithTheFix() {
        let e = errors("stages:\n  - summarize\n  - segment\n")
        XCTAssertEqual(e.map(\.code), [.configStageOrder])
        XCTAssertEqual(e[0].location?.line, 2)
        XCTAssertTrue(e[0].message.contains("move 'segment' before 'summarize'"), e[0].message)
    }

    func testStageNeedingALayerNoStageProvides() {
        let e = errors("stages:\n  - write\n")
        XCTAssertEqual(e.map(\.code), [.configStageOrder])
        XCTAssertTrue(e[0].message.contains("add the 'segment' stage"), e[0].message)
    }

    func testUnknownAndDuplicateStages() {
        let e = errors("stages:\n  - segment\n  - sumarize\n  - segment\n")
        XCTAssertEqual(e.map(\.code), [.configUnknownStage, .configInvalidValue])
        XCTAssertTrue(e[0].message.contains("did you mean 'summarize'"), e[0].message)
        XCTAssertTrue(e[1].message.contains("twice"), e[1].message)
    }

    func testMissingStagesList() {
        XCTAssertEqual(errors("version: 1\n").map(\.code), [.configMissingKey])
        XCTAssertEqual(errors("").map(\.code), [.configMissingKey])
        XCTAssertEqual(errors("stages: []\n").map(\.code), [.configMissingKey])
    }

    func testYAMLSyntaxErrorHasLine() {
        let e = errors("stages:\n  - segment\n  - match: {threshold: 80\n")
        XCTAssertEqual(e.map(\.code), [.configSyntax])
        XCTAssertNotNil(e[0].location?.line)
    }

    func testEveryErrorIsReportedNotJustTheFirst() {
        let e = errors("nmae: x\nversoin: 1\nstages:\n  - summarize\n  - segment\n")
        XCTAssertEqual(e.count, 3)
        XCTAssertEqual(e.map { $0.location?.line ?? 0 }, [1, 2, 4])
    }

    func testUnsupportedVersion() {
        let e = errors("version: 2\nstages: [segment]\n")
        XCTAssertEqual(e.map(\.code), [.configWrongType])
        XCTAssertTrue(e[0].message.contains("'version'"), e[0].message)
    }

    func testUnreadableConfig() {
        XCTAssertThrowsError(try ConfigLoader().load(ws.url("none.yaml"))) { error in
            XCTAssertEqual((error as? Diagnostics)?.list.first?.code, .configUnreadable)
        }
    }

    func testShippedPipelinesValidate() throws {
        // The repository's own pipelines must always load (paths relative to the config file).
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = repo.appendingPathComponent("Pipelines")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        XCTAssertFalse(names.isEmpty)
        for name in names {
            XCTAssertNoThrow(try ConfigLoader().load(folder.appendingPathComponent(name)), name)
        }
    }

    func testSuggestion() {
        XCTAssertEqual(Suggestion.nearest(to: "tresholds", in: ["threshold", "max"]), "threshold")
        XCTAssertEqual(Suggestion.nearest(to: "segmnet", in: ["segment", "match"]), "segment")
        XCTAssertNil(Suggestion.nearest(to: "banana", in: ["threshold", "max"]))
        XCTAssertEqual(Suggestion.distance(Array("ab"), Array("ba")), 1)
    }
}
