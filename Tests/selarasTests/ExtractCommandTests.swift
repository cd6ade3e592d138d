import Foundation
import XCTest

/// `selaras extract`: saved pages and `{"id","html","url"?}` JSON lines into the record of
/// ARCHITECTURE.md (`{"id","title","body","paragraphs":[{"role","text"}],"published"?,"author"?}`),
/// and how bad input is reported.
final class ExtractCommandTests: CLITestCase {
    /// A news page with the furniture a real one has: navigation, a share bar, a footer, a
    /// captioned photo, a subheading and a list.
    static func page(headline: String, lead: String, charset: String = "utf-8") -> String {
        """
        <!DOCTYPE html>
        <html lang="id"><head><meta charset="\(charset)">
        <title>\(headline) | Kabar Nusantara</title>
        <meta property="og:title" content="\(headline)">
        <meta property="og:site_name" content="Kabar Nusantara">
        <script type="application/ld+json">
          {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "\(headline)",
           "datePublished": "2026-11-03T10:15:00+07:00", "author": {"@type": "Person", "name": "Sari Wulandari"}}
        </script>
        </head><body>
        <nav><a href="/">Beranda</a> <a href="/politik">Politik</a> <a href="/ekonomi">Ekonomi</a></nav>
        <article>
        <h1>\(headline)</h1>
        <p>\(lead)</p>
        <figure><img src="a.jpg"><figcaption>Suasana rapat paripurna DPR di Jakarta. (Foto: Kabar Nusantara/Budi)</figcaption></figure>
        <p>Ketua Komisi II DPR mengatakan revisi itu mengatur ulang ambang batas parlemen dan jadwal tahapan pemilihan umum serentak berikutnya.</p>
        <h2>Sikap fraksi</h2>
        <p>Tujuh fraksi menyetujui pengesahan, sementara dua fraksi menyampaikan catatan mengenai sistem penghitungan suara dan pendanaan kampanye.</p>
        <ul><li>Ambang batas parlemen tetap empat persen.</li><li>Masa kampanye dipersingkat menjadi 75 hari.</li></ul>
        <p>Pemerintah menyatakan akan segera menyusun peraturan pelaksana agar tahapan pemilu dapat dimulai tepat waktu tahun depan.</p>
        </article>
        <div class="share-bar"><a href="#">Bagikan ke Facebook</a> <a href="#">Bagikan ke X</a></div>
        <footer>Hak cipta 2026 Kabar Nusantara. Seluruh hak dilindungi.</footer>
        </body></html>
        """
    }

    static let lead = "Dewan Perwakilan Rakyat (DPR) mengesahkan revisi Undang-Undang Pemilu dalam rapat paripurna di Jakarta pada Selasa, 3 November 2026, setelah pembahasan hampir setahun."

    func records(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], String($0)) }
    }

    func testSavedPageGivesTheArticleWithRolesAndMetadata() throws {
        try write("pemilu.html", Self.page(headline: "DPR Sahkan Revisi UU Pemilu", lead: Self.lead))
        let r = try selaras(["extract", "pemilu.html"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let out = try records(r.stdout)
        XCTAssertEqual(out.count, 1)
        let record = out[0]
        XCTAssertEqual(record["id"] as? String, "pemilu", "the file name without .html")
        XCTAssertEqual(record["title"] as? String, "DPR Sahkan Revisi UU Pemilu")
        XCTAssertEqual(record["published"] as? String, "2026-11-03T10:15:00+07:00", "from JSON-LD NewsArticle")
        XCTAssertEqual(record["author"] as? String, "Sari Wulandari")
        let paragraphs = try XCTUnwrap(record["paragraphs"] as? [[String: String]])
        XCTAssertEqual(paragraphs.map { $0["role"] ?? "" },
                       ["body", "caption", "body", "heading", "body", "list_item", "list_item", "body"])
        XCTAssertEqual(paragraphs.first?["text"], Self.lead)
        // body: the story's paragraphs joined by blank lines; the caption stays out of it.
        let story = paragraphs.filter { $0["role"] != "caption" && $0["role"] != "credit" }.compactMap { $0["text"] }
        XCTAssertEqual(record["body"] as? String, story.joined(separator: "\n\n"))
        let everything = r.stdout
        for furniture in ["Beranda", "Bagikan ke Facebook", "Hak cipta"] {
            XCTAssertFalse(everything.contains(furniture), "\(furniture) is furniture")
        }
    }

    func testJSONLinesKeepOrderAndNameBadLinesAndPagesWithoutArticle() throws {
        func line(_ id: String, _ html: String) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: ["id": id, "html": html, "url": "https://kabar.example/\(id)"]), as: UTF8.self)
        }
        // Non-ASCII text, written by JSONSerialization as UTF-8 and by hand as \u escapes.
        let quoted = Self.lead.replacingOccurrences(of: "Jakarta", with: "“Jakarta” dan Bogor, kata Andé")
        let escaped = #"{"id":"esc","html":"<html><body><article><p>Menteri \u201cmenolak\u201d usulan itu karena anggaran caf\u00e9 dan kantor kementerian belum disetujui oleh Dewan Perwakilan Rakyat tahun ini.</p><p>Rapat lanjutan dijadwalkan pekan depan di Jakarta bersama seluruh fraksi dan perwakilan pemerintah daerah.</p></article></body></html>"}"#
        let input = [
            try line("a", Self.page(headline: "DPR Sahkan Revisi UU Pemilu", lead: quoted)),
            "{bad",
            try line("kosong", "<html><body><nav><a href='/'>Beranda</a></nav></body></html>"),
            escaped,
        ].joined(separator: "\n") + "\n"
        let r = try selaras(["extract", "--jsonl"], stdin: input)
        XCTAssertEqual(r.status, 1, "a bad line or a page without article makes the status 1")
        XCTAssertTrue(r.stderr.contains("<stdin>:2:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("<stdin>:3:") && r.stderr.contains("no article text"), r.stderr)
        let out = try records(r.stdout)
        XCTAssertEqual(out.map { $0["id"] as? String }, ["a", "esc"], "the others written, in input order")
        XCTAssertTrue((out[0]["body"] as? String ?? "").hasPrefix(quoted), out[0]["body"] as? String ?? "")
        XCTAssertEqual((out[1]["paragraphs"] as? [[String: String]])?.first?["text"]?.prefix(30),
                       "Menteri “menolak” usulan itu k")
        XCTAssertTrue((out[1]["body"] as? String ?? "").contains("café"))
    }

    func testWindows1252PageIsDecodedByItsMetaCharset() throws {
        let html = Self.page(headline: "Menteri Bicara", lead: Self.lead.replacingOccurrences(of: "Jakarta", with: "\u{201C}Jakarta\u{201D} dan kafe Andé"),
                             charset: "windows-1252")
        // Foundation's Windows-1252 encoder (“ and ” become 0x93 and 0x94, é 0xE9).
        let bytes = try XCTUnwrap(html.data(using: .windowsCP1252), "every character has a Windows-1252 byte")
        XCTAssertTrue(bytes.contains(0x93) && bytes.contains(0xE9))
        try write("cp1252.html", bytes)
        let r = try selaras(["extract", "cp1252.html"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let body = try XCTUnwrap(try records(r.stdout).first?["body"] as? String)
        XCTAssertTrue(body.contains("“Jakarta” dan kafe Andé"), body)
    }

    func testMissingFileIsNamedAndTheRestWritten() throws {
        try write("ada.html", Self.page(headline: "DPR Sahkan Revisi UU Pemilu", lead: Self.lead))
        let r = try selaras(["extract", "tidak-ada.html", "ada.html"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("tidak-ada.html"), r.stderr)
        XCTAssertEqual(try records(r.stdout).map { $0["id"] as? String }, ["ada"])
    }
}
