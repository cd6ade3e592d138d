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

/// Case-insensitive matching of the scalars whose case mappings lead to ASCII letters or to other
/// scalars one way only (KELVIN SIGN, LONG S, final sigma), the same through every compiled path.
final class CaseVariantsTests: XCTestCase {
    /// `CaseVariants.reverse` is what the runtime's Unicode data gives, and `of` is symmetric.
    func testReverseTable() {
        var reverse: [UInt32: Set<UInt32>] = [:]
        var cased: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(v), s.properties.changesWhenCaseMapped else { continue }
            cased.append(v)
            for u in CaseVariants.forward(v) where u != v && !CaseVariants.forward(u).contains(v) {
                reverse[u, default: []].insert(v)
            }
        }
        XCTAssertEqual(reverse, CaseVariants.reverse.mapValues(Set.init))
        for v in cased {
            for w in CaseVariants.of(v) where !CaseVariants.of(w).contains(v) {
                XCTFail("U+\(String(w, radix: 16)) matches U+\(String(v, radix: 16)) but not the other way")
            }
        }
    }

    /// Text with KELVIN SIGN, LONG S or final sigma matched by folded patterns written in the
    /// ordinary letters, as a literal, a class, and in an alternation the compiler turns into a
    /// dispatch table (which once lost the class's non-ASCII members); the unoptimised program
    /// agrees on each.
    func testFoldedSpecialScalars() throws {
        let cases: [(String, String, Bool)] = [
            ("(?i)k", "\u{212A}", true), ("(?i)[k]", "\u{212A}", true), ("(?i)[k]a", "\u{212A}a", true),
            ("(?i)(?:[k]a|[b]c|[d]e)", "\u{212A}a", true), ("(?i)(?:ka|bc|de)", "\u{212A}A", true),
            ("(?i)s", "\u{17F}", true), ("(?i)[s]", "\u{17F}", true), ("(?i)(?:[s]x|[t]y|[u]z)", "\u{17F}x", true),
            ("(?i)\u{17F}", "s", true), ("(?i)[\u{212A}]", "K", true), ("(?i)σ", "ς", true), ("(?i)[ς]", "Σ", true),
            ("(?i)ss", "ß", false), ("k", "\u{212A}", false), ("[k]", "\u{212A}", false),
            ("(?i)(?:[k]a|[b]c|[d]e)", "xa", false), ("(?i)[^k]", "\u{212A}", false),
            // Folding applies to the class's ranges before the complement: `K` is not in `[^k]`.
            ("(?i)[^k]", "K", false), ("(?i)[^k]", "x", true), ("(?i)[^a]", "A", false),
            ("(?i)[a-z&&[^k]]", "K", false), ("(?i)[a-z--[k]]", "\u{212A}", false), ("(?i)[a-z--[k]]", "Q", true),
        ]
        for (pattern, text, expected) in cases {
            let regex = try SRXRegex(pattern)
            let plain = SRXRegex(node: try RegexParser.parse(pattern), pattern: pattern, optimize: false)
            XCTAssertEqual(regex.matchesWhole(text), expected, "\(pattern) on \(text)")
            XCTAssertEqual(plain.matchesWhole(text), expected, "\(pattern) on \(text), unoptimised")
        }
    }
}
