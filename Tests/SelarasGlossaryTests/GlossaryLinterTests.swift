import XCTest
@testable import SelarasGlossary

final class GlossaryLinterTests: XCTestCase {
    func lint(_ text: String, name: String = "g.tsv") throws -> [String] {
        let url = Support.write(text, name, in: Support.scratch())
        return GlossaryLinter().lint(try GlossaryFile.read(url), name: name).map(\.lintLine)
    }

    let header = "term\tvariants\ttranslations\tforbidden\tpos\tstatus\tdomain\tnote\tsource\tdate\n"

    func testEachKindOfFinding() throws {
        let rows = [
            "Dewan Perwakilan Rakyat\tDPR\tHouse of Representatives\t\tnoun\tpreferred\tpolitics\t\t\t2025-01-15",  // 2 clean
            "dewan perwakilan rakyat\t\tHouse of Representatives\t\tnoun\tpreferred\tpolitics\t\t\t2025-01-15",  // 3 duplicate
            "sanksi\t\tsanction\t\tnoun\tpreferred\tpolitics\t\t\t2025-01-15",                                    // 4
            "Sanksi\t\tpenalty\t\tnoun\tpreferred\tpolitics\t\t\t2025-01-15",                                     // 5 conflict
            "\t\tnothing\t\t\t\t\t\t\t",                                                                          // 6 empty term
            "kudeta\t\t\t\tnoun\tpreferred\tmilitary\t\t\t2025-01-15",                                             // 7 no translation
            " koalisi\t\tcoalition  bloc\t\tnoun\tpreferred\tpolitics\t\t\t2025-01-15",                            // 8 whitespace
            "oposisi\t\topposition||opponents\t\tnoun\tpreferred\tpolitics\t\t\t2025-01-15",                      // 9 empty item, no note
            "KTT\t\tsummit\t\tnoun\tpreferred\tinternational relations\t\t\t2025-01-15",                           // 10 acronym
            "gencatan senjata\t\tgencatan senjata\t\tnoun\tpreferred\tmilitary\t\t\t2025-01-15",                  // 11 untranslated
            "Bawaslu\t\tBawaslu\t\tpropn\tpreferred\tpolitics\t\t\t2025-01-15",                                   // 12 names may stay
            "pemilu\t\telection|poll\tpoll\tnoun\tpreferred\tpolitics\tpoll in headlines\t\t2025-01-15",           // 13 forbidden too
            "Kementerian\t\tministry\t\tnoun\tofficial\tcabinet\t\t\t15/01/2025",                                 // 14 status, domain, date
            "Parlemen\tDPR\tparliament\t\tnoun\tpreferred\tpolitics\t\t\t2025-01-15",                              // 15 variant shadowed
            "Departemen\t\tdepartment\t\tnoun\tdeprecated\tgovernment\t\t\t2025-01-15\textra",                    // 16 deprecated, stray tab
            "pemungutan (suara\t\tvote\t\tthing\tpreferred\tpolitics\t\t\t2025-01-15",                              // 17 bracket, pos
        ]
        let findings = try lint(header + rows.joined(separator: "\n") + "\n")
        func has(_ line: Int, _ severity: String, _ fragment: String, file: StaticString = #filePath, lineNo: UInt = #line) {
            XCTAssertTrue(findings.contains { $0.hasPrefix("g.tsv:\(line): \(severity): ") && $0.contains(fragment) },
                          "no \(severity) at line \(line) containing '\(fragment)' in\n\(findings.joined(separator: "\n"))",
                          file: file, line: lineNo)
        }
        XCTAssertFalse(findings.contains { $0.hasPrefix("g.tsv:2:") }, "the clean entry has no finding")
        has(3, "error", "duplicate of line 2")
        has(5, "error", "also at line 4 with other translations")
        has(6, "error", "empty term")
        has(7, "error", "no translation for 'kudeta'")
        has(8, "warning", "term 'koalisi' starts with whitespace")
        has(8, "warning", "has a double space")
        has(9, "warning", "empty item in translations")
        has(9, "warning", "no note on when to use which")
        has(10, "warning", "acronym 'KTT' has no expansion")
        has(11, "error", "is the source term itself")
        XCTAssertFalse(findings.contains { $0.hasPrefix("g.tsv:12:") }, "a name kept in English is fine")
        has(13, "error", "'poll' is both a translation and a forbidden translation")
        has(14, "error", "unknown status 'official'")
        has(14, "warning", "unknown domain 'cabinet'")
        has(14, "warning", "date '15/01/2025' is not ISO 8601")
        has(15, "warning", "variant 'DPR' of 'Parlemen' is shadowed")
        has(16, "warning", "deprecated term 'Departemen' has no note")
        has(16, "error", "11 fields but the header has 10 columns")
        has(17, "warning", "unbalanced brackets")
        has(17, "warning", "unknown part of speech 'thing'")
    }

    func testShadowedTermIsAnError() throws {
        let text = header + "Dewan Keamanan\tDK\tSecurity Council\t\tnoun\tpreferred\tinternational relations\t\t\t2025-01-15\n"
            + "DK\t\tSecurity Council (short)\t\tnoun\tpreferred\tinternational relations\tshort form\t\t2025-01-15\n"
        let findings = try lint(text)
        // The variant DK of line 2 and the entry DK of line 3 collide; the entry's own term wins its
        // text, so the variant is the one that never matches.
        XCTAssertTrue(findings.contains { $0.hasPrefix("g.tsv:2: warning: variant 'DK' of 'Dewan Keamanan' is shadowed") }, "\(findings)")
    }

    func testOmegaTRepeatedSourcesAreAlternativesButIdenticalRowsAreDuplicates() throws {
        let findings = try lint("DPR\tHouse of Representatives\nDPR\tparliament\nDPR\tparliament\n", name: "g.txt")
        XCTAssertEqual(findings.filter { $0.contains("error") }, ["g.txt:3: error: duplicate of line 2"])
    }

    func testTBXFindingsCarryLines() throws {
        let findings = try lint(Support.read(Support.fixture("formats/basic-v2.tbx")), name: "g.tbx")
        XCTAssertTrue(findings.contains { $0.contains("deprecated term 'Departemen Luar Negeri' has no note") })
        XCTAssertTrue(findings.allSatisfy { $0.range(of: "^g\\.tbx:[0-9]+: ", options: .regularExpression) != nil }, "\(findings)")
    }

    func testTheFixtureGlossaryHasNoErrors() throws {
        let file = try GlossaryFile.read(Support.fixture("matching/glossary.tsv"))
        XCTAssertEqual(GlossaryLinter().lint(file).filter { $0.severity == .error }.map(\.description), [])
    }
}
