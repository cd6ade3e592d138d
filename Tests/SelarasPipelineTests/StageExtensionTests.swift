import Foundation
import SelarasCore
import XCTest
@testable import SelarasPipeline

// A stage as a newcomer adds one: this file is all of it (layer, options, resource, stage); the
// registry line is `StageRegistry.standard.adding([WordCountStage.self])`.

/// The number of content words of each segment.
enum WordCountLayer: LayerKey {
    static let name = "word_counts"
    typealias Value = [Int]
}

/// A list of words not to count, one per line, named under `resources:`.
struct StopwordListResource: Resource {
    struct Options: Settings {
        @Setting("Words the word-count stage leaves out, one per line.", mustExist: true)
        var stopwordList: URL? = nil
        init() {}
    }
    static let name = "stopword list"
    let words: Set<String>

    static func load(_ options: Options, context: RunContext) throws -> StopwordListResource {
        guard let url = options.stopwordList else { return StopwordListResource(words: []) }
        let text = try String(contentsOf: url, encoding: .utf8)
        return StopwordListResource(words: Set(text.split(whereSeparator: \.isNewline).map { $0.lowercased() }))
    }
}

struct WordCountStage: Stage {
    struct Options: Settings {
        @Setting("Shortest word counted, in letters.", range: 1...20)
        var minLength: Int = 3
        init() {}
    }
    static let name = "count_words"
    static let doc = "Count the content words of every segment."
    static let requires: [any LayerKey.Type] = [SegmentsLayer.self]
    static let provides: [any LayerKey.Type] = [WordCountLayer.self]
    static let resources: [any Resource.Type] = [StopwordListResource.self]

    let minLength: Int
    let stopwords: Set<String>

    init(options: Options, context: RunContext) throws {
        minLength = options.minLength
        stopwords = try context.resource(StopwordListResource.self).words
    }

    func process(_ document: inout Document, run: ArticleRun) throws {
        document[WordCountLayer.self] = (document.segments ?? []).map { segment in
            segment.text.split { !$0.isLetter }.filter { $0.count >= minLength && !stopwords.contains($0.lowercased()) }.count
        }
    }
}

final class StageExtensionTests: XCTestCase {
    let registry = StageRegistry.standard.adding([WordCountStage.self])

    func testTheNewStageIsValidatedDocumentedRunAndFingerprinted() throws {
        let ws = try TestWorkspace()
        try ws.write("articles/satu.txt", "Judul\n\nPresiden membuka sidang di Jakarta. Dan ini.\n")
        try ws.write("stop.txt", "presiden\n")
        let yaml = """
            inputs: [articles]
            resources:
              stopword_list: stop.txt
            stages:
              - segment
              - count_words: {min_length: 4}
              - write: {formats: [json]}
            """
        let url = try ws.write("p.yaml", yaml)
        let loader = ConfigLoader(registry: registry)

        // Validation: its option, typed and ranged, with the nearest key for a typo; its resource key.
        let config = try loader.load(url)
        XCTAssertEqual(config.options(ofStage: WordCountStage.self)?.minLength, 4)
        try ws.write("bad.yaml", yaml.replacingOccurrences(of: "min_length: 4", with: "min_lenght: 40")
                                     .replacingOccurrences(of: "stop.txt", with: "nowhere.txt"))
        XCTAssertThrowsError(try loader.load(ws.url("bad.yaml"))) { error in
            let list = (error as? Diagnostics)?.list ?? []
            XCTAssertEqual(list.map(\.code), [.configMissingFile, .configUnknownKey], "\(list)")
            XCTAssertTrue(list[1].message.contains("did you mean 'min_length'"), list[1].message)
        }
        try ws.write("order.yaml", "stages:\n  - count_words\n  - segment\n")
        XCTAssertThrowsError(try loader.load(ws.url("order.yaml"))) { error in
            XCTAssertEqual((error as? Diagnostics)?.list.map(\.code), [.configStageOrder])
        }

        // The reference documents it from the same declarations.
        let md = ConfigReference.markdown(registry: registry)
        XCTAssertTrue(md.contains("#### `count_words`\n\nCount the content words of every segment. Needs: segments. Adds: word_counts. Reads: stopword list."), md)
        XCTAssertTrue(md.contains("| `min_length` | an integer from 1 to 20 | `3` | Shortest word counted, in letters. |"), md)
        XCTAssertTrue(md.contains("| `stopword_list` | a path (a string) | — | Words the word-count stage leaves out, one per line. |"), md)

        // JSON output carries the layer.
        let first = try BatchRunner(config: config).run()
        XCTAssertEqual(first.totals.ok, 1)
        let json = try String(contentsOf: ws.url("out/satu.json"), encoding: .utf8)
        XCTAssertTrue(json.contains("\"word_counts\" : [\n    1,\n    3,\n    0\n  ]"), json)

        // Skip fingerprint: unchanged → skipped; the resource's file changed → processed again.
        XCTAssertEqual(try BatchRunner(config: loader.load(url)).run().totals.skipped, 1)
        try ws.write("stop.txt", "presiden\njakarta\n")
        let third = try BatchRunner(config: loader.load(url)).run()
        XCTAssertEqual(third.totals.ok, 1, "a changed stopword list must re-run the article")
        XCTAssertTrue(try String(contentsOf: ws.url("out/satu.json"), encoding: .utf8).contains("\"word_counts\" : [\n    1,\n    2,\n    0\n  ]"))
    }

    func testTheStandardRegistryDoesNotKnowIt() throws {
        let ws = try TestWorkspace()
        let url = try ws.write("p.yaml", "stages: [segment, count_words]\n")
        XCTAssertThrowsError(try ConfigLoader(checkInputs: false).load(url)) { error in
            XCTAssertEqual((error as? Diagnostics)?.list.map(\.code), [.configUnknownStage])
        }
    }
}
