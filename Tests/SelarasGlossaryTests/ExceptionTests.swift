import XCTest
@testable import SelarasGlossary

/// An entry's `exceptions`: phrases in which a form of the term means something else.
final class ExceptionTests: XCTestCase {
    static let entries = [
        GlossaryEntry(term: "menahan", translations: ["detain"], partOfSpeech: "verb",
                      exceptions: ["menahan diri", "menahan imbang"]),
        GlossaryEntry(term: "sah", translations: ["valid"], partOfSpeech: "adjective", exceptions: ["sah-sah saja"]),
        GlossaryEntry(term: "diri", translations: ["self"], partOfSpeech: "noun"),
    ]
    let matcher = TermMatcher(glossaries: [Glossary(entries: ExceptionTests.entries, origin: "t")])

    func pairs(_ text: String) -> [String] {
        matcher.match(text).map { "\($0.term)=\($0.text)" }
    }

    func testAnExceptionHidesItsEntryInItsInflectedForms() {
        XCTAssertEqual(pairs("Polisi menahan tersangka."), ["menahan=menahan"])
        XCTAssertEqual(pairs("Kedua pihak diminta menahan diri."), ["diri=diri"], "only menahan is hidden")
        XCTAssertEqual(pairs("Ia menahan dirinya."), ["diri=dirinya"])
        XCTAssertEqual(pairs("Persija ditahan imbang Persib."), [], "another voice of the exception")
        XCTAssertEqual(pairs("Tersangka ditahan polisi."), ["menahan=ditahan"])
        XCTAssertEqual(pairs("Langkah itu sah-sah saja, dan suaranya sah."), ["sah=sah"])
    }

    func testOverlappingMatchesHonourExceptionsToo() {
        let all = matcher.allMatches("Mereka menahan diri.").map(\.term)
        XCTAssertEqual(all, ["diri"])
    }

    func testExtendedTSVCarriesExceptionsAndTBXSaysItCannot() throws {
        let dir = Support.scratch()
        let g = Glossary(entries: Self.entries, origin: "t")
        let tsv = dir.appendingPathComponent("g.tsv")
        try g.write(to: tsv)
        XCTAssertEqual(try Glossary.load(contentsOf: tsv).0.entries.map(\.exceptions), Self.entries.map(\.exceptions))
        let csv = dir.appendingPathComponent("g.csv")
        try g.write(to: csv)
        XCTAssertEqual(try Glossary.load(contentsOf: csv).0.entries.map(\.exceptions), Self.entries.map(\.exceptions))
        XCTAssertEqual(g.losses(in: .tbx2), ["exceptions (2 entries)"])
        XCTAssertEqual(g.losses(in: .tsv), [])
    }

    func testLintWarnsAboutAnExceptionWithoutItsTerm() throws {
        let text = "term\ttranslations\tpos\texceptions\nmenahan\tdetain\tverb\tmenahan diri|tahan banting\n"
        let url = Support.write(text, "g.tsv", in: Support.scratch())
        let findings = GlossaryLinter().lint(try GlossaryFile.read(url), name: "g.tsv").map(\.lintLine)
        XCTAssertEqual(findings.filter { $0.contains("exception") },
                       ["g.tsv:2: warning: exception 'tahan banting' of 'menahan' does not contain the term, so it never applies"])
    }

    func testMergeUnitesExceptions() {
        let a = [GlossaryEntry(term: "menahan", translations: ["detain"], exceptions: ["menahan diri"])]
        let b = [GlossaryEntry(term: "menahan", translations: ["detain"], exceptions: ["menahan napas"])]
        let merged = GlossaryMerger().merge(a, b)
        XCTAssertEqual(merged.entries.first?.exceptions, ["menahan diri", "menahan napas"])
    }
}
