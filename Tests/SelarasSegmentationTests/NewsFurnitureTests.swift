import SelarasSegmentation
import XCTest

final class NewsFurnitureTests: XCTestCase {
    func testFurniture() {
        let cases: [(String, NewsFurniture.Kind)] = [
            ("JAKARTA, KOMPAS.com –", .dateline),
            ("Jakarta (ANTARA) -", .dateline),
            ("SURABAYA -", .dateline),
            ("JAKARTA, KOMPAS.com", .dateline),
            ("Liputan6.com, Jakarta -", .dateline),
            ("Baca juga: Harga Bawang Ikut Naik", .relatedLink),
            ("[Baca juga: Membedah Fitur Suzuki GSX-R150]", .relatedLink),
            ("(Baca: KPK Periksa Saksi Baru)", .relatedLink),
            ("BACA JUGA: Jokowi Resmikan Tol", .relatedLink),
            ("Simak juga video berikut", .relatedLink),
            ("Foto: Antara/Budi Santoso", .photo),
            ("(ANTARA FOTO/Sigid Kurniawan)", .photo),
            ("Presiden meninjau lokasi banjir di Bekasi, Jawa Barat. (Foto: Dok. Setpres)", .photo),
            ("Ilustrasi vaksin COVID-19", .photo),
            ("Penulis: Budi Santoso", .byline),
            ("Editor : Ani Lestari", .byline),
            ("Pewarta: Rina", .byline),
            ("(ant)", .tag),
            ("(rah / rah)", .tag),
            ("[idc]", .tag),
            ("(Uu. H-RF/I015)", .tag),
            ("ADVERTISEMENT", .boilerplate),
            ("SCROLL TO CONTINUE WITH CONTENT", .boilerplate),
            ("Artikel ini telah tayang di Kompas.com dengan judul \"Harga Naik\"", .boilerplate),
        ]
        for (text, kind) in cases {
            XCTAssertEqual(NewsFurniture.classify(text), kind, text)
            XCTAssertTrue(NewsFurniture.isFurniture(text), text)
        }
    }

    func testStoryText() {
        for text in [
            "JAKARTA, KOMPAS.com – Harga cabai naik tajam.",
            "Presiden Joko Widodo meresmikan jalan tol di Jakarta.",
            "Harga Cabai Naik Tajam",
            "“Kami siap,” ujarnya.",
            "Sumbernya adalah data BPS tahun lalu.",
            "Editorial media itu mengkritik pemerintah.",
            "Jakarta menjadi tuan rumah acara itu.",
            "(Keputusan itu final dan tidak bisa diganggu gugat oleh siapa pun juga.)",
            "Foto-foto itu beredar luas di media sosial.",
            "",
        ] {
            XCTAssertNil(NewsFurniture.classify(text), text)
        }
    }
}
