@testable import SelarasSegmentation
import SelarasTestSupport
import XCTest

/// The optimised and plain compilations agree, on patterns the optimiser rewrites.
final class RegexDifferentialTests: XCTestCase {
    func testOptimiserAgreesOnRewrittenPatterns() {
        let patterns = [
            "(?i)(?:[k]a|[b]c|[d]e)", "(?:dr|drs|prof|ir)\\.", "x?y|xz", "(?>a|ab)c", "(a|ab)(c|bcd)(d*)",
            "\\b(?:Jl|Jln|No|Kec|Kab)\\.\\s", "[.?!]+[\"”’)]*", "(?<=\\d)\\.(?=\\d)", "(?i)(?:pukul|jam) \\d+",
            "a++b|a+c", "(?:a|b)*?c", "^\\s*\\d+\\.", "(?:\\p{Lu}\\.){2,}", "[^\\s]+@[^\\s]+",
            // Repetitions of alternations (one emitted copy, shifted) and stacked optionals.
            "(?:ab|ba|\\.){2,4}a", "(?:(?:a|b)(?:b|\\s)){1,3}", "(?:(?:a?)?)?b", "(?:[ab]?\\s?)?(?:x|a){0,2}b",
            "(?=(?:a|b){2})(?:ab|ba){1,2}", "(?:(?>a|ab)c|d){2}", "(?>a??a|z)a",
        ]
        let texts = ["aa", "Dr. Budi tiba. Rapat dimulai pukul 10.30 WIB.", "\u{212A}a Ka bc xz xy abcd aab aaac",
                     "Jl. Merdeka No. 5, Kec. Gambir. S.H. M.Si. budi@contoh.id 3.14", "1. Pertama\n2. Kedua"]
        for p in patterns {
            for t in texts {
                XCTAssertNil(RegexDifferential.disagreement(pattern: p, text: t), "\(p) on \(t)")
            }
        }
    }

    /// Seeded random patterns from a small grammar over the constructs the optimiser rewrites.
    func testOptimiserAgreesOnRandomPatterns() {
        var rng = SplitMix64(seed: 20261207)
        let atoms = ["a", "b", "ab", "[ab]", "[^a]", "\\s", "\\d", ".", "(?i)k", "K", "\\.", "(?:a|b)", "\\b", "$", "^"]
        let quantifiers = ["", "", "?", "*", "+", "??", "*?", "{1,2}", "++", "{2,3}", "{0,3}", "{2}"]
        func pattern(_ depth: Int) -> String {
            var out = ""
            for _ in 0...rng.next(upTo: 3) {
                let atom = depth > 0 && rng.next(upTo: 3) == 0
                    ? "(?:" + (0...rng.next(upTo: 3)).map { _ in pattern(depth - 1) }.joined(separator: "|") + ")"
                    : atoms[rng.next(upTo: atoms.count)]
                out += atom + quantifiers[rng.next(upTo: quantifiers.count)]
            }
            return out
        }
        let texts = ["ab ba. aab k\u{212A}K 12.5 b", "a.b\nab  abba", ""]
        for _ in 0..<300 {
            let p = pattern(2)
            for t in texts {
                XCTAssertNil(RegexDifferential.disagreement(pattern: p, text: t), "\(p) on \(t.debugDescription)")
            }
        }
    }
}
