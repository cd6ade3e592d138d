@testable import SelarasSegmentation
import XCTest

/// The regex machine: ICU/Java syntax, matched forwards from a position or backwards to one.
final class RegexTests: XCTestCase {
    /// Whether `pattern` matches some text starting at code point `at` of `text` (forwards) and
    /// some text ending there (backwards).
    func probe(_ pattern: String, _ text: String, at: Int) throws -> (forward: Bool, backward: Bool) {
        let regex = try SRXRegex(pattern)
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
        XCTAssertTrue(try SRXRegex("id(-.*)?").matchesWhole("id-ID"))
        XCTAssertFalse(try SRXRegex("id(-.*)?").matchesWhole("ind"))
        XCTAssertTrue(try SRXRegex("(?i)ID").matchesWhole("id"))
        XCTAssertTrue(try SRXRegex(".*").matchesWhole(""))
        XCTAssertTrue(try SRXRegex("a{2,3}").matchesWhole("aaa"))
        XCTAssertFalse(try SRXRegex("a{2,3}").matchesWhole("aaaa"))
        XCTAssertTrue(try SRXRegex("[a-c&&[^b]]+").matchesWhole("acca"))
        XCTAssertFalse(try SRXRegex("[a-c&&[^b]]+").matchesWhole("abc"))
        XCTAssertTrue(try SRXRegex("[\\p{L}--[a-z]]+").matchesWhole("ÉÀB"))
        XCTAssertFalse(try SRXRegex("[\\p{L}--[a-z]]+").matchesWhole("Éa"))
        XCTAssertTrue(try SRXRegex("\\Qa.b\\E+").matchesWhole("a.bbb"))
        XCTAssertTrue(try SRXRegex("(?x) a b  # comment\n c").matchesWhole("abc"))
        XCTAssertTrue(try SRXRegex("[[:upper:]][[:lower:]]+").matchesWhole("Budi"))
        XCTAssertTrue(try SRXRegex("\\x{1F600}|\\u00e9").matchesWhole("é"))
        XCTAssertTrue(try SRXRegex("(?>a+)b").matchesWhole("aaab"))
        XCTAssertFalse(try SRXRegex("(?>a+)ab").matchesWhole("aaab"), "an atomic group does not give back")
        XCTAssertFalse(try SRXRegex("a++ab").matchesWhole("aaab"), "a possessive quantifier does not give back")
        XCTAssertTrue(try SRXRegex("a+?ab").matchesWhole("aaab"))
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
            XCTAssertThrowsError(try SRXRegex(pattern), pattern) { error in
                guard let e = error as? RegexSyntaxError else { return XCTFail("\(error)") }
                XCTAssertEqual(e.column, column, pattern)
                XCTAssertTrue(e.message.contains(fragment), "\(pattern): \(e.message)")
            }
        }
        XCTAssertThrowsError(try SRXRegex("(?:a{1000}){1000}"), "expansion is bounded")
    }
}

/// The compiler's rewriting of alternations (flattening, hoisting, dispatch) must not change what
/// a pattern matches: compare with the plain compilation at every position of varied texts.
final class RegexOptimizationTests: XCTestCase {
    static let texts = [
        "Kata Dr. Budi, S.H., M.Si.: “Kami siap…” tanyanya. (Baca: Harga Naik) Jl. Sudirman No. 5.",
        "1. Pantai Pandawa\n2. Kawah Putih\na. satu\niv. empat\n(Uu. H-RF/I015) Pte. Ltd. (Encore) Tbk. (BBNI)",
        "13 Feb. 2025 pukul 19.30 WIB... iPhone e-KTP dll. dan yg. lain a.n. Budi u.p. Ani Ph. D. dalam",
        "Émile « oui ». Ça va? — Très bien! ‘kutip’ “dua” aaaab abab xyz 12,5% Rp2,1 triliun",
    ]

    func testOptimizedProgramsMatchLikePlainOnes() throws {
        var patterns = [
            "(?:ab|ac|ad)e", "(?:a|b)?c", "x{0,2}(?:y|z)", "(?:Dr|Drs|Dra|Prof)\\.", "(?:\\p{Lu}|Jl|[ivx]{1,3})\\.",
            "(?<![\\p{L}])(?:a\\.n|u\\.p|\\p{L})\\.", "(?:(?:a|b)|(?:c|d))+e", "(?i)(?:kata|ujar)nya", "(?:…|\\.\\.\\.)\\s",
            "(?:\\p{Ll}{1,2}|\\d)(?=\\.)", "[.?!…][\\p{Pf}\\p{Pe}\"'»]*",
        ]
        let url = try XCTUnwrap(IndonesianSegmenter.rulesURL)
        let doc = try SRXDocument(contentsOf: url)
        for lr in doc.languageRules {
            for r in lr.rules { patterns += [r.beforeBreak, r.afterBreak] }
        }
        var checked = 0
        for pattern in patterns {
            let node = try RegexParser.parse(pattern)
            let fast = SRXRegex(node: node, pattern: pattern, optimize: true)
            let plain = SRXRegex(node: node, pattern: pattern, optimize: false)
            for text in Self.texts {
                var bytes = Array(text.utf8)
                let n = bytes.count
                bytes.append(0)
                bytes.withUnsafeBufferPointer { buf in
                    var m1 = RegexMachine(code: fast.code, text: buf.baseAddress!, count: n)
                    var m2 = RegexMachine(code: plain.code, text: buf.baseAddress!, count: n)
                    defer { m1.release(); m2.release() }
                    for pos in 0...n where pos == n || buf[pos] & 0xC0 != 0x80 {
                        XCTAssertEqual(fast.matches(startingAt: pos, in: &m1), plain.matches(startingAt: pos, in: &m2),
                                       "forward \(pattern) at \(pos) of \(text)")
                        XCTAssertEqual(fast.matches(endingAt: pos, in: &m1), plain.matches(endingAt: pos, in: &m2),
                                       "backward \(pattern) at \(pos) of \(text)")
                        checked += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 5000)
    }

    /// Found by fuzzing (the `srx` target): a language pattern of a hundred optional atoms took
    /// 3.3 s to compile (12 s under AddressSanitizer), because the emitter re-flattened the rest of
    /// every alternation it factored, each time with a fresh budget. Asserted on program size,
    /// which the flattening drives, not on time: it stays within the program-wide budget.
    func testManyOptionalAtomsCompileToABoundedProgram() throws {
        let pattern = "i?????" + String(repeating: "Q", count: 70) + "utf32be" + String(repeating: "?", count: 25) + "'"
            + String(repeating: "?", count: 32) + "=" + String(repeating: "?", count: 27) + "'????||d||||||||>*"
        let regex = try SRXRegex(pattern)
        XCTAssertLessThan(regex.code.insts.count, 2 * RegexCompiler.flattenBudgetPerPattern)
        XCTAssertFalse(regex.matchesWhole("id"))
        XCTAssertTrue(regex.matchesWhole(""))  // `||` makes the empty string a branch
        // A pattern the flattening can expand fully still behaves as before.
        let small = try SRXRegex("a?b?c?d")
        XCTAssertTrue(small.matchesWhole("abcd"))
        XCTAssertTrue(small.matchesWhole("d"))
        XCTAssertFalse(small.matchesWhole("ba d"))
    }

    /// An atomic group keeps its first match in priority order, so the optimiser must not reorder
    /// its body: `a??a` tries the empty `a??` first, the group ends after one `a`, and the final
    /// `a` matches (as in Java). Flattened, `a??a` became `aa|a`, the group kept `aa`, and the
    /// pattern failed on "aa" (found by the differential test, `RegexDifferentialTests`).
    func testAtomicGroupBodyKeepsPriorityOrder() throws {
        let regex = try SRXRegex("(?>a??a|z)a")
        XCTAssertTrue(regex.matchesWhole("aa"))
        XCTAssertFalse(regex.matchesWhole("a"))
    }

    /// Look-arounds draw on their pattern's flattening budget instead of starting a fresh one
    /// each (twenty look-aheads took twenty budgets, 20,000 each), so twenty look-aheads of
    /// twenty optional atoms stay within one pattern's budget; and
    /// stacked optionals (`(?:(?:a?)?)?`, found by fuzzing) are not split at every level.
    func testLookAroundsShareTheFlatteningBudget() throws {
        // Each body is an alternation whose first branch starts with thirty optional `a`s: the
        // flattening splits each, the trie merges the branches on their `a` and flattens again.
        let heads = String(repeating: "a?", count: 30)
        let pattern = String(repeating: "(?=(?:" + heads + "z|w))", count: 20) + "q"
        let regex = try SRXRegex(pattern)
        XCTAssertLessThan(regex.code.insts.count, 2 * RegexCompiler.flattenBudgetPerPattern)
        let stacked = try SRXRegex("i" + String(repeating: "?", count: 40) + "(?:(?:(?:a?)?)?)?b")
        XCTAssertLessThan(stacked.code.insts.count, 200)
        XCTAssertTrue(stacked.matchesWhole("iab"))
        XCTAssertTrue(stacked.matchesWhole("b"))
        XCTAssertFalse(stacked.matchesWhole("aab"))
    }

    /// Found by fuzzing (`regex`): a hundred stacked quantifiers (`a++++…`) doubled the expanded
    /// size at every level until it overflowed and the process trapped. The size now saturates and
    /// the pattern is refused as too large, with a message.
    func testStackedQuantifiersAreRefusedNotTrapped() {
        XCTAssertThrowsError(try SRXRegex("a" + String(repeating: "+", count: 120)))
        XCTAssertThrowsError(try SRXRegex("(?:b{2}){1000}" + String(repeating: "+", count: 70)))
    }

    /// Nested atomic groups run each inner group once per position, not once per outer attempt.
    /// Found by the `srx` fuzz target: the language pattern below (stacked possessive
    /// quantifiers, each an atomic group around the last; the rest, `.++…*`, is `(?:…(?:.+)…)*`,
    /// which matches empty text) ran for minutes on "id".
    func testNestedAtomicSubRunsAreRemembered() throws {
        let found = try SRXRegex(".++++++++++++++++*++++++++++.+++++++++++++++++++++++*")
        XCTAssertTrue(found.matchesWhole("id"))
        XCTAssertFalse(found.matchesWhole("i\n"))
        XCTAssertFalse(try SRXRegex(".++++++++++++++++*++++++++++.").matchesWhole("id"))
        // Ten atomic groups around a group that matches empty text: without remembering, each
        // level retries the one inside it until the step budget runs out, 2,000^depth steps
        // (depth 2 ran past 100 s, measured); with it, the budget, then one per program and position.
        let depth = 10
        let nested = String(repeating: "(?>", count: depth) + "a*" + String(repeating: ")+", count: depth)
        let regex = try SRXRegex(nested)
        for (text, expected) in [("aa", true), ("aac", false)] {
            var bytes = Array(text.utf8)
            let n = bytes.count
            bytes.append(0)
            let (matched, executed) = bytes.withUnsafeBufferPointer { buf in
                var m = RegexMachine(code: regex.code, text: buf.baseAddress!, count: n)
                defer { m.release() }
                return (m.matchesExactly(program: regex.forward, from: 0, to: n), m.executedSubRuns)
            }
            XCTAssertEqual(matched, expected, text)
            XCTAssertLessThanOrEqual(executed, RegexMachine.subRunBudget + depth * (n + 1), text)
        }
    }

    /// The rest of a class after `&&` or `--` is parsed in place (it was copied for each
    /// operation, quadratic in their number), with the same meaning as before.
    func testClassSetOperationsParseInPlace() throws {
        XCTAssertTrue(try SRXRegex("[a-z&&^aeiou]+").matchesWhole("xyz"))
        XCTAssertFalse(try SRXRegex("[a-z&&^aeiou]+").matchesWhole("xaz"))
        XCTAssertTrue(try SRXRegex("[a-z--[aeiou]]x").matchesWhole("bx"))
        XCTAssertTrue(try SRXRegex("[\\]a&&[\\]]]").matchesWhole("]"))
        XCTAssertThrowsError(try SRXRegex("[a&&]"))
        XCTAssertThrowsError(try SRXRegex("[a--^]"))
        XCTAssertThrowsError(try SRXRegex("[a&&b"))
        let many = "[a-z" + String(repeating: "&&[a-y]", count: 2_000) + "]+"
        XCTAssertTrue(try SRXRegex(many).matchesWhole("abc"))
        XCTAssertFalse(try SRXRegex(many).matchesWhole("abz"))
    }
}
