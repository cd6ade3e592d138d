import Foundation
import SelarasSegmentation
import XCTest

/// Segmenting is linear in the length of the text, even on one enormous line. These tests assert
/// only on growth (four times the text against one), never on absolute time.
final class LinearTimeTests: XCTestCase {
    static let paragraph = "JAKARTA, KOMPAS.com – Menurut Dr. H. M. Rahman, S.H., inflasi naik 3,5 persen menjadi Rp2,1 triliun pada Kamis (13/2). “Kami siap… Apa kabar?” tanyanya. Ia tinggal di Jl. Sudirman No. 5 (Baca: Harga Naik). "

    static func line(bytes: Int, unit: String = paragraph) -> String {
        let copies = bytes / unit.utf8.count + 1
        return String(repeating: unit, count: copies)
    }

    /// The fastest of three timings, in seconds.
    static func time(_ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    func assertLinear(_ unit: String, grows: Bool = true, bytes: Int = 128 << 10,
                      file: StaticString = #filePath, line: UInt = #line) {
        let seg = IndonesianSegmenter.rules
        var small = Self.line(bytes: bytes, unit: unit)
        var large = Self.line(bytes: 4 * bytes, unit: unit)
        var countSmall = 0, countLarge = 0
        let t1 = Self.time { countSmall = small.withUTF8 { seg.sentenceByteRanges(inUTF8: $0).count } }
        let t4 = Self.time { countLarge = large.withUTF8 { seg.sentenceByteRanges(inUTF8: $0).count } }
        if grows { XCTAssertGreaterThan(countLarge, countSmall, file: file, line: line) }
        // Linear growth is 4x; quadratic would be 16x. Allow generous noise.
        XCTAssertLessThan(t4 / max(t1, 1e-6), 8, "\(bytes) bytes: \(t1)s, four times as many: \(t4)s", file: file, line: line)
    }

    func testNewsTextGrowsLinearly() {
        assertLinear(Self.paragraph, bytes: 512 << 10)
    }

    func testPathologicalLinesGrowLinearly() {
        assertLinear("Ya. ")                    // a sentence every four bytes
        assertLinear("a.", grows: false)        // a stop every two bytes, never a break
        assertLinear("(Baca: x) ")              // the bracket rule at every other token
        assertLinear("... ", grows: false)      // ellipses only
        assertLinear(")", grows: false)         // closing brackets only
        assertLinear(" ", grows: false)         // spaces only
    }

    func testOneStopBeforeMegabytesOfSpace() {
        // Every afterbreak pattern that scans white space stops at the rules' window.
        let text = "Satu." + String(repeating: " ", count: 1 << 20) + "Dua."
        let t = Self.time { XCTAssertEqual(IndonesianSegmenter().segment(text).count, 2) }
        XCTAssertLessThan(t, 60)
    }

    func testTenMegabytesOnOneLine() {
        let text = Self.line(bytes: 10 << 20)
        var copy = text
        let ranges = copy.withUTF8 { IndonesianSegmenter.rules.sentenceByteRanges(inUTF8: $0) }
        let perParagraph = IndonesianSegmenter().sentences(Self.paragraph).count
        XCTAssertEqual(perParagraph, 3)
        XCTAssertEqual(ranges.count, (text.utf8.count / Self.paragraph.utf8.count) * perParagraph)
    }
}
