import Foundation
import SelarasCore
import XCTest
@testable import SelarasOutput

final class TSVWriterTests: XCTestCase {
    func testOneRecordPerSegmentWithFiveFields() throws {
        let text = try TSVWriter().render(Fixtures.full, context: Fixtures.context).utf8String
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(lines.first, "source\ttarget\tkind\tscore\tterms")
        XCTAssertEqual(lines.count, 1 + 7)
        for line in lines { XCTAssertEqual(line.split(separator: "\t", omittingEmptySubsequences: false).count, 5, "\(line)") }
        let s5 = lines[5].split(separator: "\t", omittingEmptySubsequences: false)
        XCTAssertEqual(Markup.unescapeTSV(s5[0]), Fixtures.segments[4].text.replacingOccurrences(of: "\u{1}", with: ""))
        XCTAssertTrue(s5[1].contains("and\\treporting"))
        XCTAssertEqual(s5[2], "mt")
        XCTAssertEqual(s5[4], "Bawaslu=Elections Supervisory Agency ; dana kampanye=campaign funds")
        let s4 = lines[4].split(separator: "\t", omittingEmptySubsequences: false)
        XCTAssertEqual(s4[1], "")
        XCTAssertEqual(s4[2], "untranslated")
        XCTAssertEqual(lines[3].split(separator: "\t", omittingEmptySubsequences: false)[3], "96")
        // MT English shows no TM score even when a weaker match exists; missing English shows the best match.
        XCTAssertEqual(lines[2].split(separator: "\t", omittingEmptySubsequences: false)[3], "")
        XCTAssertEqual(lines[7].split(separator: "\t", omittingEmptySubsequences: false)[3], "70")
    }
}

final class MarkdownBriefWriterTests: XCTestCase {
    func testSummaryFirstWithProvenanceThenTable() throws {
        let md = try MarkdownBriefWriter().render(Fixtures.full, context: Fixtures.context).utf8String
        let summary = md.range(of: "## English summary")!.lowerBound
        let table = md.range(of: "## Bilingual text")!.lowerBound
        XCTAssertLessThan(summary, table)
        XCTAssertTrue(md.hasPrefix("# DPR Sahkan RUU Pemilu Menjadi Undang-Undang\n\n*House Passes Election Bill into Law*"))
        let summaryPart = String(md[summary..<table])
        XCTAssertTrue(summaryPart.contains("1. JAKARTA — The House of Representatives (DPR) passed the Election Bill"))
        XCTAssertTrue(summaryPart.contains("*MT, libretranslate*"))
        XCTAssertTrue(summaryPart.contains("3. **\\[no English\\]** Pemerintah akan segera menyusun peraturan pelaksanaannya."))
        XCTAssertTrue(summaryPart.contains("best TM match 70"))
        // One table row per segment, each with the same number of unescaped pipes.
        let rows = md[table...].split(separator: "\n").filter { $0.hasPrefix("| ") }
        XCTAssertEqual(rows.count, 1 + 7)
        for r in rows {
            let pipes = r.enumerated().filter { i, c in c == "|" && (i == 0 || Array(r)[i - 1] != "\\") }.count
            XCTAssertEqual(pipes, 7, String(r))
        }
        XCTAssertTrue(md.contains("\\<dalam\\>"))
        XCTAssertTrue(md.contains("*— no English —*"))
    }

    func testWithoutSummary() throws {
        let md = try MarkdownBriefWriter().render(Fixtures.segmentsOnly, context: Fixtures.context).utf8String
        XCTAssertTrue(md.contains("_No summary in this run"))
        XCTAssertTrue(md.hasPrefix("# seg only\n"))
    }
}

final class AllFormatsTests: XCTestCase {
    /// Every writer renders every fixture (missing and inconsistent layers included) without error.
    func testEveryWriterCopesWithEveryLayerCombination() throws {
        for format in OutputFormat.allCases {
            for (name, doc) in Fixtures.all {
                XCTAssertNoThrow(try format.writer.render(doc, context: Fixtures.context), "\(format) \(name)")
            }
        }
    }

    func testFileNames() {
        XCTAssertEqual(OutputFormat.xliff.fileName(forArticle: "a"), "a.xlf")
        XCTAssertEqual(OutputFormat.xliff2.fileName(forArticle: "a"), "a.xlf2.xlf")
        XCTAssertEqual(Set(OutputFormat.allCases.map { $0.fileName(forArticle: "a") }).count, OutputFormat.allCases.count)
    }
}

extension MarkdownBriefWriterTests {
    /// Set SELARAS_MD_OUT to keep the rendered brief for reading.
    func testKeepRenderedBriefWhenAsked() throws {
        guard let dir = ProcessInfo.processInfo.environment["SELARAS_MD_OUT"] else { throw XCTSkip("SELARAS_MD_OUT not set") }
        let data = try MarkdownBriefWriter().render(Fixtures.full, context: Fixtures.context)
        try data.write(to: URL(fileURLWithPath: dir).appendingPathComponent("brief.md"))
    }
}
