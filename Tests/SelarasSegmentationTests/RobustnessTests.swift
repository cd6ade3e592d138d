import SelarasSegmentation
import XCTest

/// Arbitrary text never crashes the segmenter, and its ranges are in order, inside the text,
/// trimmed and non-empty.
final class SegmenterRobustnessTests: XCTestCase {
    static let pieces = [
        "a", "Z", "1", ".", "...", "…", "?", "!", "\"", "“", "”", "’", "'", "(", ")", "[", "]", " ", "\n", "\n\n",
        "\r\n", "\t", "\u{2029}", "\u{200B}", "\u{00A0}", "é", "🎉", "Dr.", "No.", "Jl.", "Tbk.", "dll.", "a.n.",
        "M.", "1.", "Baca juga:", "(Baca: X)", "Kab.", "iPhone", "e-KTP", "Rp2,1", "13/2", "kata", "Ia", "-", "—",
    ]

    func testArbitraryText() {
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let segmenter = IndonesianSegmenter()
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<(1 + next() % 40) { text += Self.pieces[next() % Self.pieces.count] }
            let scalars = Array(text.unicodeScalars)
            var last = 0
            for r in segmenter.segment(text) {
                XCTAssertGreaterThanOrEqual(r.lowerBound, last, text)
                XCTAssertLessThan(r.lowerBound, r.upperBound, text)
                XCTAssertLessThanOrEqual(r.upperBound, scalars.count, text)
                XCTAssertFalse(scalars[r.lowerBound].properties.isWhitespace, text)
                XCTAssertFalse(scalars[r.upperBound - 1].properties.isWhitespace, text)
                last = r.upperBound
            }
            _ = NewsFurniture.classify(text)
        }
    }
}
