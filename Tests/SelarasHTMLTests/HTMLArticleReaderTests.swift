import Foundation
import SelarasCore
import XCTest
@testable import SelarasHTML

/// Pages written for these tests: a news page with furniture around the story, in UTF-8 and in
/// Windows-1252, with JSON-LD metadata.
final class HTMLArticleReaderTests: XCTestCase {
    static let story = [
        "Dewan Perwakilan Rakyat mengesahkan revisi undang-undang pemilu pada rapat paripurna, Selasa, setelah perdebatan panjang di antara fraksi-fraksi.",
        "Ketua DPR mengatakan, revisi itu memperjelas aturan kampanye, pendanaan partai, dan pengawasan oleh Badan Pengawas Pemilu di daerah.",
        "Sejumlah pengamat menilai, perubahan tersebut belum menjawab persoalan politik uang yang kerap muncul menjelang pemungutan suara.",
    ]

    static func page(charset: String = "utf-8", extra: String = "") -> String {
        """
        <!DOCTYPE html><html lang="id"><head><meta charset="\(charset)"><title>DPR Sahkan Revisi UU Pemilu | Kabar Contoh</title>
        <meta property="og:title" content="DPR Sahkan Revisi UU Pemilu">
        <meta property="og:site_name" content="Kabar Contoh">
        <link rel="canonical" href="https://kabar.example/politik/dpr-sahkan">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"DPR Sahkan Revisi UU Pemilu","datePublished":"2026-11-03T09:15:00+07:00","author":{"@type":"Person","name":"Rina Wulandari"}}</script>
        <script>var tracking = "Iklan yang tidak boleh terbaca";</script>
        </head><body>
        <header><nav><a href="/">Beranda</a> <a href="/politik">Politik</a> <a href="/ekonomi">Ekonomi</a></nav></header>
        <div class="share-bar"><a href="#">Bagikan ke Facebook, Twitter, WhatsApp, dan surel</a></div>
        <main><article><h1>DPR Sahkan Revisi UU Pemilu</h1>
        <figure><img src="a.jpg"><figcaption>Suasana rapat paripurna DPR di Jakarta. <span class="credit">(Foto: Dok. Kabar Contoh)</span></figcaption></figure>
        <div class="article-body">
        <p>\(story[0])</p>
        <p>\(story[1])</p>
        <h2>Catatan pengamat</h2>
        <p>\(story[2])</p>
        <ul><li>Membatalkan pasal ambang batas pencalonan, yang dinilai membatasi pilihan pemilih.</li><li>Memperkuat kewenangan Bawaslu dalam menindak pelanggaran kampanye.</li></ul>
        <blockquote>Kami akan terus mengawasi pelaksanaannya di lapangan, kata seorang anggota Bawaslu.</blockquote>
        \(extra)
        </div></article>
        <div class="related-articles"><h3>Berita terkait</h3><ul><li><a href="/a">Partai baru mendaftar ke KPU untuk pemilu mendatang</a></li><li><a href="/b">Menteri dalam negeri bicara soal pilkada serentak</a></li></ul></div>
        <div id="comments"><p>Komentar pembaca: setuju sekali dengan revisi ini, semoga pemilu makin bersih dan adil bagi semua.</p></div>
        </main><footer><p>Hak cipta 2026 Kabar Contoh. Semua hak dilindungi, termasuk hak atas seluruh isi situs ini.</p></footer>
        </body></html>
        """
    }

    func read(_ html: String) throws -> HTMLArticleReader.Page {
        try HTMLArticleReader().read(data: Data(html.utf8), id: "a", path: "a.html")
    }

    func testFindsTheStoryAndDropsFurniture() throws {
        let page = try read(Self.page())
        let body = page.article.bodyText
        for s in Self.story { XCTAssertTrue(body.contains(s), s) }
        for furniture in ["Beranda", "Bagikan", "Berita terkait", "Komentar pembaca", "Hak cipta", "tracking", "Iklan"] {
            XCTAssertFalse(body.contains(furniture), furniture)
        }
        XCTAssertEqual(page.article.title, "DPR Sahkan Revisi UU Pemilu")
        XCTAssertEqual(page.article.paragraphs.filter { $0.role == .headline }.count, 1, "the h1 is not repeated in the body")
    }

    func testBlocksKeepTheirRoles() throws {
        let roles = try read(Self.page()).article.paragraphs.map { ($0.role, $0.text) }
        XCTAssertTrue(roles.contains { $0.0 == .heading && $0.1 == "Catatan pengamat" })
        XCTAssertEqual(roles.filter { $0.0 == .listItem }.count, 2)
        XCTAssertTrue(roles.contains { $0.0 == .quote && $0.1.hasPrefix("Kami akan terus") })
        XCTAssertTrue(roles.contains { $0.0 == .caption && $0.1.hasPrefix("Suasana rapat") })
        XCTAssertTrue(roles.contains { $0.0 == .credit && $0.1 == "(Foto: Dok. Kabar Contoh)" })
        let body = try read(Self.page()).article.bodyText
        XCTAssertFalse(body.contains("Suasana rapat"), "captions are not part of the body")
    }

    func testMetadata() throws {
        let m = try read(Self.page()).article.metadata
        XCTAssertEqual(m["published"], "2026-11-03T09:15:00+07:00")
        XCTAssertEqual(m["author"], "Rina Wulandari")
        XCTAssertEqual(m["site"], "Kabar Contoh")
        XCTAssertEqual(m["url"], "https://kabar.example/politik/dpr-sahkan")
        XCTAssertEqual(m["language"], "id")
    }

    func testWindows1252AndLatin1() throws {
        let extra = "<p>Menurut laporan \u{201C}Kompas\u{201D}, biaya pemilu mencapai \u{20AC}2 juta \u{2014} angka yang dibantah pemerintah, kata café itu.</p>"
        for charset in ["windows-1252", "iso-8859-1"] {
            let html = Self.page(charset: charset, extra: extra)
            let bytes = try XCTUnwrap(html.data(using: .windowsCP1252))
            let page = try HTMLArticleReader().read(data: bytes, id: "a", path: "a.html")
            XCTAssertTrue(page.article.bodyText.contains("\u{201C}Kompas\u{201D}, biaya pemilu mencapai \u{20AC}2 juta \u{2014}"), charset)
            XCTAssertTrue(page.article.bodyText.contains("café"), charset)
            XCTAssertEqual(page.article.metadata["encoding"], "windows-1252")
        }
    }

    func testUndeclaredNonUTF8IsWindows1252() throws {
        var html = Self.page(extra: "<p>Harga naik dua kali lipat, kata pedagang di pasar, karena café dan toko tutup lebih awal.</p>")
        html = html.replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "")
        let page = try HTMLArticleReader().read(data: html.data(using: .isoLatin1)!, id: "a", path: "a.html")
        XCTAssertTrue(page.article.bodyText.contains("café"))
    }

    func testGzipPages() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-page-\(getpid()).html")
        try Self.page().write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url); try? FileManager.default.removeItem(atPath: url.path + ".gz") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "gzip -kf '\(url.path)'"]
        try p.run(); p.waitUntilExit()
        let page = try HTMLArticleReader().read(data: try Data(contentsOf: URL(fileURLWithPath: url.path + ".gz")), id: "a", path: "a.html.gz")
        XCTAssertTrue(page.article.bodyText.contains(Self.story[1]))
        // A damaged gzip stream is refused with the page named.
        var damaged = try Data(contentsOf: URL(fileURLWithPath: url.path + ".gz"))
        damaged = damaged.prefix(damaged.count / 2)
        XCTAssertThrowsError(try HTMLArticleReader().read(data: damaged, id: "a", path: "b.html.gz")) { error in
            XCTAssertEqual((error as? Diagnostic)?.code, .htmlUnreadable)
            XCTAssertTrue("\(error)".contains("b.html.gz"))
        }
    }

    func testAPageWithoutAnArticleIsReported() {
        XCTAssertThrowsError(try read("<html><body><nav><a href='/'>Beranda</a></nav></body></html>")) { error in
            XCTAssertEqual((error as? Diagnostic)?.code, .htmlNoArticle)
        }
    }

    func testStructuredBodyWhenMarkupHasLittle() throws {
        let long = Array(repeating: Self.story[0], count: 6).joined(separator: "\n")
        let json = "{\"@type\":\"NewsArticle\",\"headline\":\"Judul\",\"articleBody\":\(String(data: try JSONEncoder().encode(long), encoding: .utf8)!)}"
        let html = "<html><head><script type=\"application/ld+json\">\(json)</script></head><body><div><p>Teks pendek di halaman yang dimuat lewat skrip, sisanya tidak ada.</p></div></body></html>"
        let page = try read(html)
        XCTAssertTrue(page.fromStructuredData)
        XCTAssertEqual(page.article.paragraphs.filter { $0.role == .body }.count, 6)
    }
}
