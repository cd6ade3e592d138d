import Foundation
import XCTest
@testable import SelarasCore

/// A layer defined outside SelarasCore, as a new stage would define it.
private enum WordCountLayer: LayerKey {
    static let name = "word_counts"
    typealias Value = [Int]
}

final class DocumentTests: XCTestCase {
    func document() -> Document {
        Document(article: Article(id: "a", paragraphs: [Paragraph("Teks satu. Teks dua.")]))
    }

    func testLayersArePresentOnceAdded() {
        var d = document()
        XCTAssertEqual(d.layers, [.article])
        d.segments = []
        d.summary = Summary(method: "lead", sentences: [])
        XCTAssertEqual(d.layers, [.article, SegmentsLayer.id, SummaryLayer.id])
        XCTAssertTrue(d.has(SummaryLayer.self))
        XCTAssertFalse(d.has(TermsLayer.self))
        d.summary = nil
        XCTAssertEqual(d.layers, [.article, SegmentsLayer.id])
    }

    func testAnyModuleCanAddALayer() throws {
        var d = document()
        d[WordCountLayer.self] = [2, 2]
        XCTAssertEqual(d[WordCountLayer.self], [2, 2])
        XCTAssertEqual(d.layers, [.article, "word_counts"])
        var other = d
        XCTAssertEqual(other, d)
        other[WordCountLayer.self] = [1]
        XCTAssertNotEqual(other, d)
    }

    func testJSONKeepsEveryLayerAndTypesTheKnownOnes() throws {
        var d = document()
        d.segments = [Segment(id: "s1", text: "Teks satu.", paragraph: 0, range: 0..<10)]
        d[WordCountLayer.self] = [2]
        let json = try JSONEncoder().encode(d)
        let text = String(decoding: json, as: UTF8.self)
        XCTAssertTrue(text.contains("\"word_counts\":[2]"), text)
        XCTAssertTrue(text.contains("\"segments\":["), text)

        // Decoded without knowing the layer: kept as JSON, equal after a round trip, typed on access.
        let plain = try JSONDecoder().decode(Document.self, from: json)
        XCTAssertEqual(plain.segments, d.segments)
        XCTAssertEqual(plain[WordCountLayer.self], [2])
        let again = try JSONDecoder().decode(Document.self, from: JSONEncoder().encode(plain))
        XCTAssertEqual(again[WordCountLayer.self], [2])

        // Decoded knowing it: typed from the start, equal to the original.
        let decoder = JSONDecoder()
        decoder.userInfo[Document.layerKeysKey] = Document.standardLayers + [WordCountLayer.self]
        XCTAssertEqual(try decoder.decode(Document.self, from: json), d)
    }
}
