import Foundation
import SelarasCore
import XCTest
@testable import SelarasOutput

final class HTMLReportWriterTests: XCTestCase {
    func render(_ doc: Document) throws -> Data {
        let data = try HTMLReportWriter().render(doc, context: Fixtures.context)
        if let dir = ProcessInfo.processInfo.environment["SELARAS_HTML_OUT"] {
            try data.write(to: URL(fileURLWithPath: dir).appendingPathComponent("\(doc.article.id).html"))
        }
        return data
    }

    func testSelfContainedAndWellFormed() throws {
        for (name, doc) in Fixtures.all {
            let data = try render(doc)
            let x = try XMLDoc(data)  // polyglot HTML: parses as XML
            XCTAssertEqual(x.count("//script"), 0, name)
            XCTAssertEqual(x.count("//link"), 0, name)
            XCTAssertEqual(x.count("//*[@src]"), 0, name)
            XCTAssertEqual(x.count("/html/head/style"), 1, name)
            XCTAssertEqual(x.count("/html/head/meta[@charset='utf-8']"), 1, name)
            XCTAssertFalse(data.contains(0x01), name)
        }
    }

    func testStructure() throws {
        let x = try XMLDoc(try render(Fixtures.full))
        XCTAssertEqual(x.string("//h1"), "DPR Sahkan RUU Pemilu Menjadi Undang-Undang")
        XCTAssertEqual(x.string("//p[@class='en-title']"), "House Passes Election Bill into Law")
        // Summary first, then glossary terms, then the text.
        XCTAssertEqual(x.strings("//main/section/@id"), ["summary", "terms", "text"])
        XCTAssertEqual(x.count("//section[@id='summary']/ol/li"), 3)
        XCTAssertEqual(x.string("//section[@id='summary']/ol/li[3]/@class"), "k-none")
        XCTAssertTrue(x.string("//section[@id='summary']/ol/li[3]/p[1]")!.contains("No English yet"))
        XCTAssertEqual(x.string("//section[@id='summary']/ol/li[1]//span[contains(@class,'badge')]"), "MT")
        // The bilingual table: one row per segment, source and target side by side.
        XCTAssertEqual(x.strings("//table[@class='bitext']/tbody/tr/@id"), ["s1", "s2", "s3", "s4", "s5", "s6", "s7"])
        XCTAssertEqual(x.count("//table[@class='bitext']/tbody/tr[1]/td"), 4)
        XCTAssertTrue(x.string("//tr[@id='s1']/@class")!.contains("r-headline"))
        XCTAssertTrue(x.string("//tr[@id='s1']/@class")!.contains("k-100"))
        XCTAssertTrue(x.string("//tr[@id='s3']/@class")!.contains("k-95"))
        XCTAssertTrue(x.string("//tr[@id='s2']/@class")!.contains("para"))
        XCTAssertTrue(x.string("//tr[@id='s4']/@class")!.contains("r-furniture"))
        // Untranslated sentences are visible.
        XCTAssertEqual(x.strings("//td[contains(@class,'none')]/span[@class='missing']").count, 2)
        // Glossary terms highlighted with their translations.
        XCTAssertEqual(x.strings("//tr[@id='s2']/td[@class='src']/mark[@class='term']"),
                       ["Dewan Perwakilan Rakyat", "DPR", "Rancangan Undang-Undang", "rapat paripurna"])
        XCTAssertEqual(x.string("//tr[@id='s2']/td[@class='src']/mark[1]/@title"), "Dewan Perwakilan Rakyat → House of Representatives")
        XCTAssertTrue(x.string("//tr[@id='s2']/td[@class='src']/ul[@class='gl']/li[4]")!.contains("plenary session"))
        // Expected English marked in the target, forbidden English flagged.
        XCTAssertEqual(x.strings("//tr[@id='s2']/td[@class='tgt']/mark[@class='ok']"),
                       ["House of Representatives", "DPR", "Bill", "plenary session"])
        XCTAssertEqual(x.strings("//tr[@id='s5']/td[@class='tgt']/mark[@class='bad']"), ["campaign money"])
        XCTAssertEqual(x.string("//tr[@id='s5']//ul[@class='gl']/li[2]/@class"), "forb")
        // Matches behind a details element, scores coloured by band.
        XCTAssertEqual(x.string("//tr[@id='s2']//details/summary"), "2 TM matches · best 87")
        XCTAssertEqual(x.strings("//tr[@id='s2']//details//span[contains(@class,'badge')]/@class"), ["badge k-85", "badge k-75"])
        // Escaped text comes back intact.
        XCTAssertEqual(x.string("//tr[@id='s5']/td[@class='src']")?.hasPrefix(
            "Ketua DPR mengatakan aturan baru itu memperkuat Bawaslu & KPU <dalam> pengawasan \"dana kampanye\" serta\tpelaporan."), true)
    }

    func testOverlappingAndOutOfRangeHitsAreSafe() throws {
        var doc = Fixtures.full
        let s = doc.segments![1]
        doc.terms![1] += [
            TermHit(term: "Perwakilan", start: 29, end: 39, text: "Perwakilan", translations: ["Representative"], kind: .exact, origin: "g"),
            TermHit(term: "far", start: 900, end: 905, text: "far", translations: ["x"], kind: .exact, origin: "g"),
            TermHit(term: "backwards", start: 10, end: 5, text: "b", translations: ["x"], kind: .exact, origin: "g"),
        ]
        let x = try XMLDoc(try render(doc))
        XCTAssertEqual(x.string("//tr[@id='s2']/td[@class='src']/text()[1]").map { $0 + "Dewan" }.map { s.text.hasPrefix($0) }, true)
        XCTAssertEqual(x.count("//tr[@id='s2']/td[@class='src']/mark"), 4)
    }
}

final class BatchIndexWriterTests: XCTestCase {
    func testIndexListsEveryArticleWithStatusCountsAndLinks() throws {
        let formats: [OutputFormat] = [.xliff, .markdown, .html]
        let entries = [
            BatchIndexEntry(document: Fixtures.full, formats: formats, fillThreshold: 95),
            BatchIndexEntry(id: "02 broken#1", status: .failed, reason: "articles/02.txt:3: invalid UTF-8",
                            sourcePath: "articles/02.txt"),
            BatchIndexEntry(document: Fixtures.segmentsOnly, formats: formats, status: .skipped, fillThreshold: 95),
        ]
        let data = BatchIndexWriter().render(entries: entries, context: Fixtures.context)
        if let dir = ProcessInfo.processInfo.environment["SELARAS_HTML_OUT"] {
            try data.write(to: URL(fileURLWithPath: dir).appendingPathComponent("index.html"))
        }
        let x = try XMLDoc(data)
        XCTAssertEqual(x.count("//script"), 0)
        XCTAssertEqual(x.count("//table[@class='runs']/tbody/tr"), 3)
        XCTAssertEqual(x.strings("//table[@class='runs']/tbody/tr/@class"), ["st-ok", "st-failed", "st-skipped"])
        XCTAssertEqual(x.string("//tbody/tr[1]//a[@class='title']/@href"), "01-dpr-ruu-pemilu.html")
        XCTAssertEqual(x.strings("//tbody/tr[1]/td[@class='files']/a/@href"),
                       ["01-dpr-ruu-pemilu.xlf", "01-dpr-ruu-pemilu.md", "01-dpr-ruu-pemilu.html"])
        XCTAssertEqual(x.string("//tbody/tr[2]//span[@class='reason']"), "articles/02.txt:3: invalid UTF-8")
        XCTAssertEqual(x.count("//tbody/tr[2]//a"), 0)
        XCTAssertEqual(x.string("//tbody/tr[3]//a[@class='title']/@href"), "seg%20only.html")
        // Counts: 7 segments, 5 with English (86% → rounded 71%), 2 without.
        XCTAssertEqual(x.strings("//tbody/tr[1]/td[@class='num']").prefix(1), ["7"])
        XCTAssertEqual(x.string("//tbody/tr[1]/td[@class='num'][2]")?.hasPrefix("71%"), true)
        XCTAssertEqual(x.string("//tbody/tr[1]/td[@class='num'][5]"), "2")
    }

    func testEmptyRun() throws {
        let x = try XMLDoc(BatchIndexWriter().render(entries: [], context: Fixtures.context))
        XCTAssertEqual(x.string("//p[@class='empty']"), "No articles in this run.")
    }
}
