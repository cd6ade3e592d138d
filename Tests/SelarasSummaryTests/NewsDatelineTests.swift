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

    /// The dateline detector as it was written on an array of scalars; `length(in:)` now reads the
    /// UTF-8 bytes and must agree with it, also where the 68-scalar window ends.
    static func referenceLength(_ text: String) -> Int? {
        let s = Array(text.unicodeScalars.prefix(NewsDateline.maxPrefix + 8))
        var i = 0
        while i < s.count {
            if i > NewsDateline.maxPrefix { return nil }
            guard NewsDateline.isSpace(s[i]) else { i += 1; continue }
            var j = i
            while j < s.count, NewsDateline.isSpace(s[j]) { j += 1 }
            guard j < s.count, NewsDateline.isDash(s[j]) else { i = j; continue }
            j += 1
            if j < s.count, NewsDateline.isDash(s[j]) { j += 1 } else if j + 1 < s.count, NewsDateline.isSpace(s[j]), NewsDateline.isDash(s[j + 1]) { j += 2 }
            guard j < s.count, NewsDateline.isSpace(s[j]) else { return nil }
            while j < s.count, NewsDateline.isSpace(s[j]) { j += 1 }
            guard i > 0, j < text.unicodeScalars.count, NewsDateline.isDatelinePrefix(s[0..<i]) else { return nil }
            return j
        }
        return nil
    }

    func testAgreesWithTheScalarVersionAroundTheWindow() {
        let places = ["JAKARTA", "Jakarta, CNN Indonesia", "Wamena (ANTARA News)", "BANDA ACEH, KOMPAS.com", "SÃO PAULO", "Suara.com"]
        let dashes = [" - ", " -- ", " – ", " - - ", " —  ", "\u{00A0}-\u{00A0}"]
        for place in places {
            for dash in dashes {
                for pad in 0..<70 {
                    let head = place + String(repeating: " ", count: pad % 3) + dash
                    for rest in ["", "x", "Presiden membuka sidang.", "“Kami siap,” katanya."] {
                        let text = String(repeating: "A", count: pad / 3) + (pad / 3 > 0 ? " " : "") + head + rest
                        XCTAssertEqual(NewsDateline.length(in: text), Self.referenceLength(text), text)
                        let stripped = Self.referenceLength(text).map { String(String.UnicodeScalarView(text.unicodeScalars.dropFirst($0))) } ?? text
                        XCTAssertEqual(NewsDateline.stripped(text), stripped, text)
                    }
                }
            }
        }
    }
}
