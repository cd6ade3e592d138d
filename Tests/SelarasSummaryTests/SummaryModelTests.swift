import Foundation
import XCTest
@testable import SelarasSummary

final class SummaryModelTests: XCTestCase {
    func testBundledWeightsLoad() throws {
        let model = try SummaryModel.bundled.get()
        XCTAssertFalse(model.features.isEmpty)
        XCTAssertEqual(model.weights.count, model.features.count)
        XCTAssertTrue(model.features.contains(.position0))
        XCTAssertTrue(model.weights.contains { $0 != 0 })
        XCTAssertTrue((0...1).contains(model.redundancy))
    }

    func testLearnedPrefersTheLeadOnNews() throws {
        let s = LearnedSummarizer(model: try SummaryModel.bundled.get())
        let picked = s.summarize(SummarizerTests.flood, length: .sentences(1)).map(\.segment)
        XCTAssertEqual(picked, [1], "the opening body sentence of a news story")
    }

    static let valid = """
        {"format": "selaras-summary-model", "version": 1, "features": ["position_0", "log_words"],
         "mean": [0.1, 2.5], "scale": [0.3, 0.6], "weights": [1.5, 0.2], "intercept": -1,
         "selection": {"redundancy": 0.2, "length_exponent": 0.3}, "training": {"data": "x"}}
        """

    func testDecodesAModel() throws {
        let m = try SummaryModel.decode(Data(Self.valid.utf8), path: "m.json")
        XCTAssertEqual(m.features, [.position0, .logWords])
        XCTAssertEqual(m.redundancy, 0.2)
        XCTAssertEqual(m.lengthExponent, 0.3)
        XCTAssertFalse(m.stemming, "no \"analysis\": unstemmed")
        let stemmed = try SummaryModel.decode(Data(Self.valid.replacingOccurrences(of: "\"training\"", with: "\"analysis\": {\"stemming\": true}, \"training\"").utf8), path: "m.json")
        XCTAssertTrue(stemmed.stemming)
        let p = m.probabilities([[1, 2.5]])
        XCTAssertEqual(p[0], 1 / (1 + exp(-(-1 + 1.5 * 0.9 / 0.3))), accuracy: 1e-12)
    }

    func testBadModelsAreRejectedWithTheReason() {
        func error(_ json: String) -> String {
            do {
                _ = try SummaryModel.decode(Data(json.utf8), path: "bad.json")
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        XCTAssertTrue(error("{").contains("bad.json: not a valid summary model"))
        XCTAssertTrue(error(Self.valid.replacingOccurrences(of: "\"log_words\"", with: "\"log_wrods\"")).contains("unknown feature 'log_wrods'"))
        XCTAssertTrue(error(Self.valid.replacingOccurrences(of: "[1.5, 0.2]", with: "[1.5]")).contains("\"weights\" has 1 values for 2 features"))
        XCTAssertTrue(error(Self.valid.replacingOccurrences(of: "[0.3, 0.6]", with: "[0.3, 0]")).contains("\"scale\" for 'log_words' must be positive"))
        XCTAssertTrue(error(Self.valid.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 7")).contains("unsupported version 7"))
        XCTAssertTrue(error(Self.valid.replacingOccurrences(of: "\"intercept\": -1,", with: "")).contains("missing \"intercept\""))
        XCTAssertThrowsError(try SummaryModel.load(contentsOf: URL(fileURLWithPath: "/nonexistent/model.json"))) { e in
            XCTAssertTrue("\(e)".contains("/nonexistent/model.json: cannot read the summary model"))
        }
    }

    func testFeatureRowsCoverRankableSentences() {
        let (indices, rows) = LearnedSummarizer.featureRows(SummarizerTests.flood)
        XCTAssertEqual(indices, SummarizerTests.rankable)
        XCTAssertEqual(rows.count, indices.count)
        XCTAssertTrue(rows.allSatisfy { $0.count == SentenceFeature.allCases.count && $0.allSatisfy(\.isFinite) })
        let names = SentenceFeature.allCases
        XCTAssertEqual(rows[0][names.firstIndex(of: .position0)!], 1)
        XCTAssertEqual(rows[1][names.firstIndex(of: .position0)!], 0)
        XCTAssertEqual(rows[3][names.firstIndex(of: .startsWithQuote)!], 1)
        XCTAssertEqual(rows[3][names.firstIndex(of: .attribution)!], 1)
        XCTAssertEqual(rows[2][names.firstIndex(of: .paragraphStart)!], 1)
        XCTAssertEqual(rows[1][names.firstIndex(of: .paragraphStart)!], 0)
        XCTAssertEqual(rows[0][names.firstIndex(of: .firstParagraph)!], 1)
    }
}
