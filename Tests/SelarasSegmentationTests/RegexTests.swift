@testable import SelarasSegmentation
import XCTest

/// The regex machine: ICU/Java syntax, matched forwards from a position or backwards to one.
final class RegexTests: XCTestCase {
    /// Whether `pattern` matches some text starting at code point `at` of `text` (forwards) and
    /// some text ending there (backwards).
    func probe(_ pattern: String, _ text: String, at: Int) throws -> (forward: Bool, backward: Bool) {
        let regex = try Regex(pattern)
        var bytes = Array(text.utf8)
        let byteOffset = Array(text.unicodeScalars.prefix(at)).map { String($0).utf8.count }.reduce(0, +)
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buf in
            var m = RegexMachine(code: regex.code, text: buf.baseAddress!, count: bytes.count - 1)
            defer { m.release() }
            return (regex.matches(startingAt: byteOffset, in: &m), regex.matches(endingAt: byteOffset, in: &m))
        }
    }

    func testWholeMatch() throws {
        XCTAssertTrue(try Regex("id(-.*)?").matchesWhole("id-ID"))
        XCTAssertFalse(try Regex("id(-.*)?").matchesWhole("ind"))
        XCTAssertTrue(try Regex("(?i)ID").matchesWhole("id"))
        XCTAssertTrue(try Regex(".*").matchesWhole(""))
        XCTAssertTrue(try Regex("a{2,3}").matchesWhole("aaa"))
        XCTAssertFalse(try Regex("a{2,3}").matchesWhole("aaaa"))
        XCTAssertTrue(try Regex("[a-c&&[^b]]+").matchesWhole("acca"))
        XCTAssertFalse(try Regex("[a-c&&[^b]]+").matchesWhole("abc"))
        XCTAssertTrue(try Regex("[\\p{L}--[a-z]]+").matchesWhole("ÉÀB"))
        XCTAssertFalse(try Regex("[\\p{L}--[a-z]]+").matchesWhole("Éa"))
        XCTAssertTrue(try Regex("\\Qa.b\\E+").matchesWhole("a.bbb"))
        XCTAssertTrue(try Regex("(?x) a b  # comment\n c").matchesWhole("abc"))
        XCTAssertTrue(try Regex("[[:upper:]][[:lower:]]+").matchesWhole("Budi"))
        XCTAssertTrue(try Regex("\\x{1F600}|\\u00e9").matchesWhole("é"))
        XCTAssertTrue(try Regex("(?>a+)b").matchesWhole("aaab"))
        XCTAssertFalse(try Regex("(?>a+)ab").matchesWhole("aaab"), "an atomic group does not give back")
        XCTAssertFalse(try Regex("a++ab").matchesWhole("aaab"), "a possessive quantifier does not give back")
        XCTAssertTrue(try Regex("a+?ab").matchesWhole("aaab"))
    }

    func testForwardAndBackwardAnchoring() throws {
        let text = "Jl. Sudirman No. 5"
        // After "Jl." (code point 3): "Jl\." ends there, "\s\p{Lu}" starts there.
        XCTAssertEqual(try probe("Jl\\.", text, at: 3).backward, true)
        XCTAssertEqual(try probe("\\s\\p{Lu}", text, at: 3).forward, true)
        XCTAssertEqual(try probe("\\s\\p{Ll}", text, at: 3).forward, false)
        XCTAssertEqual(try probe("(?<![\\p{L}])(?:Dr|Jl|No)\\.", text, at: 3).backward, true)
        XCTAssertEqual(try probe("(?<![\\p{L}])(?:Dr|Jl|No)\\.", text, at: 16).backward, true)
        XCTAssertEqual(try probe("(?<![\\p{L}])(?:Dr|Jl|Xo)\\.", text, at: 16).backward, false)
        // Look-behind of any length.
        XCTAssertEqual(try probe("(?<=Sudirman\\s+No)\\.", text, at: 16).backward, true)
        // Anchors and word boundaries.
        XCTAssertEqual(try probe("\\AJl", text, at: 2).backward, true)
        XCTAssertEqual(try probe("5$", text, at: 17).forward, true)
        XCTAssertEqual(try probe("\\bNo\\b", text, at: 13).forward, true)
        XCTAssertEqual(try probe("\\bo", text, at: 14).forward, false)
    }

    func testUnicodeClassesAndCase() throws {
        let text = "“Apa?” tanyanya."
        XCTAssertEqual(try probe("[.?!]\\p{Pf}", text, at: 6).backward, true)
        XCTAssertEqual(try probe("\\s+\\p{Ll}", text, at: 6).forward, true)
        XCTAssertEqual(try probe("(?i)TANYA", text, at: 7).forward, true)
        XCTAssertEqual(try probe("TANYA", text, at: 7).forward, false)
        XCTAssertEqual(try probe("\\p{Pi}\\p{Lu}", text, at: 0).forward, true)
        XCTAssertEqual(try probe("[^\\S\\n]", " \n", at: 0).forward, true)
        XCTAssertEqual(try probe("[^\\S\\n]", " \n", at: 1).forward, false)
        XCTAssertEqual(try probe(".", "\n", at: 0).forward, false)
        XCTAssertEqual(try probe("(?s).", "\n", at: 0).forward, true)
    }

    func testAlternationDispatchAndCommonHeadKeepMeaning() throws {
        let abbreviations = "(?<![\\p{L}])(?:Dr|Drs|Dra|Prof|Ir|Hj|Jl|Jln|Kol|Brigjen|Jend|Sdr|Sdri)\\."
        for (word, expected) in [("Drs.", true), ("Dra.", true), ("Sdri.", true), ("XDr.", false), ("Dri.", false), ("Jln.", true)] {
            XCTAssertEqual(try probe(abbreviations, word + " x", at: word.count).backward, expected, word)
        }
        XCTAssertEqual(try probe("(?:ab|ac|ad)e", "ace", at: 0).forward, true)
        XCTAssertEqual(try probe("(?:ab|ac|ad)e", "aee", at: 0).forward, false)
    }

    func testPathologicalPatternsStayFast() throws {
        let text = String(repeating: "a", count: 5000) + "!"
        let start = Date()
        XCTAssertFalse(try probe("(a*)*b", text, at: 0).forward)
        XCTAssertFalse(try probe("(a|aa)*c", text, at: 0).forward)
        XCTAssertLessThan(Date().timeIntervalSince(start), 20, "memoisation keeps nested quantifiers polynomial")
    }

    func testSyntaxErrorsCarryTheirColumn() {
        let cases: [(String, Int, String)] = [
            ("[abc", 1, "missing ']'"), ("a(b", 2, "missing ')'"), ("ab)", 3, "unmatched ')'"),
            ("*a", 1, "nothing to repeat"), ("a{3,1}", 2, "m < n"), ("\\p{Klingon}", 1, "Unicode property"),
            ("(a)\\1", 4, "back-references"), ("\\q", 1, "unknown escape"), ("a\\", 2, "cannot end"),
        ]
        for (pattern, column, fragment) in cases {
            XCTAssertThrowsError(try Regex(pattern), pattern) { error in
                guard let e = error as? RegexSyntaxError else { return XCTFail("\(error)") }
                XCTAssertEqual(e.column, column, pattern)
                XCTAssertTrue(e.message.contains(fragment), "\(pattern): \(e.message)")
            }
        }
        XCTAssertThrowsError(try Regex("(?:a{1000}){1000}"), "expansion is bounded")
    }
}
