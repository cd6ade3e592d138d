import XCTest
@testable import SelarasSummary

final class NewsDatelineTests: XCTestCase {
    func testStripsDatelines() {
        let cases = [
            ("Jakarta, CNN Indonesia - - Presiden membuka sidang.", "Presiden membuka sidang."),
            ("Jakarta, CNN Indonesia -- Presiden membuka sidang.", "Presiden membuka sidang."),
            ("Wamena (ANTARA News) - Pemerintah mendatangkan tim.", "Pemerintah mendatangkan tim."),
            ("Suara.com - Cerita sekuel terbaru bocor.", "Cerita sekuel terbaru bocor."),
            ("JUARA.NET, TOKYO - Pasangan ganda putra menang.", "Pasangan ganda putra menang."),
            ("JAKARTA (Pos Kota) – Kepolisian belum memeriksa.", "Kepolisian belum memeriksa."),
            ("SPANYOL – Barcelona menang 3 - 0.", "Barcelona menang 3 - 0."),
            ("Rimanews - Komite Olimpiade menyatakan kesiapan.", "Komite Olimpiade menyatakan kesiapan."),
            ("Samarinda, Kalimantan Timur (ANTARA News) - Hujan turun.", "Hujan turun."),
        ]
        for (text, body) in cases {
            XCTAssertEqual(NewsDateline.stripped(text), body, text)
            XCTAssertEqual(NewsDateline.length(in: text), text.unicodeScalars.count - body.unicodeScalars.count, text)
        }
    }

    func testLeavesOrdinarySentencesAlone() {
        let sentences = [
            "Kevin - yang cedera - tidak bermain.",
            "Neymar akhirnya diperkenalkan Paris Saint - Germain.",
            "Partai antara Tim Nasional (Timnas) Indonesia U - 22 berakhir imbang.",
            "Setelah sukses melumat West Ham United 4 - 0, tim itu melaju.",
            "Faktor pembeda utama Oculus Rift dan HTC Vive – harga – cukup jauh.",
            "Presiden membuka sidang kabinet di Jakarta.",
            "Jakarta, CNN Indonesia -",
            "",
        ]
        for s in sentences {
            XCTAssertNil(NewsDateline.length(in: s), s)
            XCTAssertEqual(NewsDateline.stripped(s), s)
        }
    }
}
