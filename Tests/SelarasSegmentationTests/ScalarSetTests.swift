@testable import SelarasSegmentation
import SelarasTestSupport
import XCTest

/// The bitmaps `ScalarSet` computes from a class expression agree with the expression itself.
final class ScalarSetTests: XCTestCase {
    /// Every property, every general category, and random expressions over them (a fixed seed),
    /// with and without case folding: `contains` equals `ScalarSet.evaluate` on the tabulated windows
    /// (U+0000–U+00FF, U+2000–U+207F), on what lies around them, and on a few far scalars.
    func testTabulationAgrees() {
        var leaves: [ScalarSet.Node] = [
            .ranges([0x41...0x5A]), .ranges([0x30...0x39, 0x2E...0x2E]), .ranges([0xC0...0x2010]),
            .ranges([0x7F...0x81, 0x2070...0x2100]), .ranges([0xFF...0xFF]), .ranges([0x178...0x178]),
            .ranges([0x39C...0x39C]), .ranges([0x212A...0x212A]), .ranges([]),
        ]
        let named: [UnicodeProperty] = [.alphabetic, .uppercase, .lowercase, .whitespace, .word, .hexDigit,
                                        .ascii, .any, .blank, .graph, .print, .alnum]
        leaves += named.map { .property($0) }
        leaves += (0..<30).map { .property(.categories(1 << UInt32($0))) }
        leaves.append(.property(.categories(0b111 | 1 << 8 | 1 << 22)))
        var nodes = leaves
        var rng = SplitMix64(seed: 20261207)
        func pick() -> ScalarSet.Node { leaves[Int(rng.next() % UInt64(leaves.count))] }
        func tree(_ depth: Int) -> ScalarSet.Node {
            guard depth > 0 else { return pick() }
            switch rng.next() % 5 {
            case 0: return .union([tree(depth - 1), tree(depth - 1), pick()])
            case 1: return .intersection(tree(depth - 1), tree(depth - 1))
            case 2: return .subtraction(tree(depth - 1), tree(depth - 1))
            case 3: return .complement(tree(depth - 1))
            default: return pick()
            }
        }
        for _ in 0..<80 { nodes.append(tree(3)) }
        let scalars = Array(UInt32(0)..<0x200) + Array(UInt32(0x1F80)..<0x2100)
            + [0x39C, 0x212A, 0x3000, 0xFF21, 0x1F600, 0x10FFFF]
        for node in nodes {
            for ci in [false, true] {
                for tableNonASCII in [true, false] {
                    let set = ScalarSet(node, caseInsensitive: ci, tableNonASCII: tableNonASCII)
                    for v in scalars where set.contains(v) != ScalarSet.evaluate(node, v, ci) {
                        XCTFail("\(node.key) ci=\(ci) table=\(tableNonASCII) U+\(String(v, radix: 16))")
                        break
                    }
                }
            }
        }
    }

    /// Case folding reaches mappings outside the windows: ÿ (U+00FF) is in a class of Ÿ (U+0178).
    func testCaseVariantsOutsideTheWindows() {
        let set = ScalarSet(.ranges([0x178...0x178]), caseInsensitive: true)
        XCTAssertTrue(set.contains(0xFF))
        XCTAssertTrue(set.contains(0x178))
        XCTAssertFalse(set.contains(0xFE))
        let micro = ScalarSet(.ranges([0x39C...0x39C]), caseInsensitive: true)
        XCTAssertTrue(micro.contains(0xB5))
    }
}
