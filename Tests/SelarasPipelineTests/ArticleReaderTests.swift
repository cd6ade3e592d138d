import Foundation
import XCTest
@testable import SelarasPipeline
import SelarasCore

final class ArticleReaderTests: XCTestCase {
    let reader = ArticleReader()
    var ws: TestWorkspace!

    override func setUpWithError() throws { ws = try TestWorkspace() }

    func read(_ name: String, _ text: String) throws -> Article {
        try reader.read(ArticleSource(url: ws.write(name, text)))
    }

    func testHeadlineThenBlankLineThenParagraphs() throws {
        let a = try read("berita-1.txt", "Judul Berita\n\nParagraf satu.\nMasih paragraf satu.\n\nParagraf dua.\n")
        XCTAssertEqual(a.id, "berita-1")
        XCTAssertEqual(a.title, "Judul Berita")
        XCTAssertEqual(a.paragraphs.map(\.text), ["Judul Berita", "Paragraf satu.\nMasih paragraf satu.", "Paragraf dua."])
        XCTAssertEqual(a.paragraphs.map(\.role), [.headline, .body, .body])
    }

    func testFirstLineThatIsASentenceStaysInTheBody() throws {
        // As the seed article: one paragraph per line, no blank lines, no headline.
        let a = try read("seed.txt", "Presiden berpidato di depan DPR pada Kamis (13/2).\n“Kami siap,” ujarnya.\nRapat selesai.\n")
        XCTAssertNil(a.title)
        XCTAssertEqual(a.paragraphs.count, 3)
        XCTAssertEqual(a.paragraphs[0].text, "Presiden berpidato di depan DPR pada Kamis (13/2).")
    }

    func testShortUnpunctuatedFirstLineIsAHeadlineEvenWithoutBlankLine() throws {
        let a = try read("x.txt", "Menlu Desak Gencatan Senjata\nMenteri Luar Negeri berbicara di Manila.\nIa meminta perundingan damai.\n")
        XCTAssertEqual(a.title, "Menlu Desak Gencatan Senjata")
        XCTAssertEqual(a.paragraphs.count, 3)
    }

    func testCRLFAndNFC() throws {
        let a = try read("crlf.txt", "Judul\r\n\r\nKafe\u{301} di Jakarta.\r\n")
        XCTAssertEqual(a.paragraphs.last?.text, "Kaf\u{E9} di Jakarta.")
    }

    func testEmptyFile() throws {
        let url = try ws.write("kosong.txt", " \n\n\t\n")
        XCTAssertThrowsError(try reader.read(ArticleSource(url: url))) { error in
            XCTAssertEqual(error as? ArticleError, .empty(path: url.path))
        }
        let zero = try ws.write("nol.txt", "")
        XCTAssertThrowsError(try reader.read(ArticleSource(url: zero)))
    }

    func testBinaryFile() throws {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
        bytes += Array(repeating: 0x41, count: 50)
        let url = try ws.write("gambar.txt", Data(bytes))
        XCTAssertThrowsError(try reader.read(ArticleSource(url: url))) { error in
            XCTAssertEqual(error as? ArticleError, .binary(path: url.path))
            XCTAssertTrue("\(error)".contains("binary"))
        }
    }

    func testInvalidUTF8ReportsByteOffset() throws {
        let url = try ws.write("latin1.txt", Data("Judul\n\nCaf".utf8) + Data([0xE9, 0x20, 0x41]))
        XCTAssertThrowsError(try reader.read(ArticleSource(url: url))) { error in
            XCTAssertEqual(error as? ArticleError, .invalidEncoding(path: url.path, byteOffset: 10))
            XCTAssertTrue("\(error)".contains("byte 10"))
        }
    }

    func testUTF16WithBOMAndUTF8BOM() throws {
        let utf16 = try ws.write("u16.txt", "Judul\n\nIsi berita.".data(using: .utf16)!)
        XCTAssertEqual(try reader.read(ArticleSource(url: utf16)).title, "Judul")
        let bom = try ws.write("bom.txt", Data([0xEF, 0xBB, 0xBF]) + Data("Judul\n\nIsi.".utf8))
        XCTAssertEqual(try reader.read(ArticleSource(url: bom)).title, "Judul")
    }

    func testMarkdown() throws {
        let a = try read("m.md", """
            ---
            author: Redaksi
            ---
            # Kunjungan **Kenegaraan**

            Presiden tiba di [Canberra](https://example.org) pada _Senin_.

            ## Agenda

            - Pertemuan bilateral
            - Jamuan makan malam
            1. Butir bernomor

            <!-- catatan redaksi -->
            ```
            kode
            ```
            > Kutipan penting.
            """)
        XCTAssertEqual(a.title, "Kunjungan Kenegaraan")
        XCTAssertEqual(a.metadata["author"], "Redaksi")
        XCTAssertEqual(a.paragraphs.map(\.text), [
            "Kunjungan Kenegaraan", "Presiden tiba di Canberra pada Senin.", "Agenda", "Pertemuan bilateral",
            "Jamuan makan malam", "1. Butir bernomor", "Kutipan penting.",
        ])
        XCTAssertEqual(a.paragraphs.map(\.role), [.headline, .body, .heading, .listItem, .listItem, .listItem, .body])
    }

    func testJSONLinesExpandAndParse() throws {
        let url = try ws.write("batch.jsonl", """
            {"id": "a1", "title": "Judul A", "text": "Paragraf satu.\\n\\nParagraf dua.", "source": "kantor"}

            {"id": 7, "text": "Tanpa judul."}
            {"text": "Tanpa id."}
            not json
            {"id": "x"}
            """)
        let sources = ArticleSource.expand([url])
        XCTAssertEqual(sources.count, 5)
        XCTAssertEqual(sources.map(\.label).last, url.path + ":6")
        let a = try reader.read(sources[0])
        XCTAssertEqual(a.id, "a1")
        XCTAssertEqual(a.title, "Judul A")
        XCTAssertEqual(a.paragraphs.map(\.text), ["Judul A", "Paragraf satu.", "Paragraf dua."])
        XCTAssertEqual(a.metadata["source"], "kantor")
        XCTAssertEqual(try reader.read(sources[1]).id, "7")
        XCTAssertNil(try reader.read(sources[1]).title)
        XCTAssertEqual(try reader.read(sources[2]).id, "batch-4")
        XCTAssertThrowsError(try reader.read(sources[3])) { XCTAssertTrue("\($0)".contains(":5: not a {\"id\", \"title\"?, \"text\"} record: column 1: expected '{'"), "\($0)") }
        XCTAssertThrowsError(try reader.read(sources[4])) { XCTAssertTrue("\($0)".contains("missing \"text\""), "\($0)") }
    }

    func testIdentifierIsFileNameSafe() {
        XCTAssertEqual(ArticleReader.identifier("Berita Hari Ini (1)"), "Berita-Hari-Ini-1-")
        XCTAssertEqual(ArticleReader.identifier("../../etc/passwd"), "etc-passwd")
        XCTAssertEqual(ArticleReader.identifier("   "), "article")
    }

    func testInputResolverFoldersGlobsAndHiddenFiles() throws {
        try ws.writeArticles()
        try ws.write("articles/.hidden.txt", "x")
        try ws.write("articles/sub/tiga.md", "# T\n\nIsi.")
        let r = InputResolver()
        XCTAssertEqual(try r.resolve([ws.url("articles").path]).map(\.lastPathComponent), ["dua.txt", "satu.txt", "tiga.md"])
        XCTAssertEqual(try r.resolve([ws.url("articles").path + "/*.txt"]).map(\.lastPathComponent), ["dua.txt", "satu.txt"])
        XCTAssertEqual(try r.resolve([ws.url("articles").path + "/**/*.md"]).map(\.lastPathComponent), ["tiga.md"])
        XCTAssertEqual(try r.resolve([ws.url("articles/satu.txt").path, ws.url("articles").path + "/s*.txt"]).count, 1)
        XCTAssertThrowsError(try r.resolve([ws.url("nope").path])) { XCTAssertTrue("\($0)".contains("input not found")) }
        XCTAssertThrowsError(try r.resolve([ws.url("articles").path + "/*.pdf"])) { XCTAssertTrue("\($0)".contains("matches no file")) }
    }
}
