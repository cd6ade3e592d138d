import Foundation
import SelarasText
import XCTest

final class PlaceableTests: XCTestCase {
    func dec(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

    /// (Indonesian text, placeable text, kind, value, English rendering)
    var indonesianCases: [(String, String, Placeable.Kind, Placeable.Value, String)] {
        [
            ("Penduduknya 2.375.000 jiwa.", "2.375.000", .number, .number(dec("2375000")), "2,375,000"),
            ("Nilainya 3,5 saja.", "3,5", .number, .number(dec("3.5")), "3.5"),
            ("Sebanyak 1,2 juta orang.", "1,2 juta", .number, .number(dec("1200000")), "1.2 million"),
            ("Ada 10 ribu warga.", "10 ribu", .number, .number(dec("10000")), "10,000"),
            ("Ada 1,5 ribu warga.", "1,5 ribu", .number, .number(dec("1500")), "1,500"),
            ("Novel itu 1.000 halaman.", "1.000", .number, .number(dec("1000")), "1,000"),
            // Ungrouped: up to four digits (years) and leading zeros as written, longer ones grouped.
            ("Pada tahun 2025 ia datang.", "2025", .number, .number(dec("2025")), "2025"),
            ("Kode wilayah 0812.", "0812", .number, .number(dec("812")), "0812"),
            ("Penduduknya 12500 jiwa.", "12500", .number, .number(dec("12500")), "12,500"),
            ("Mesin 1.5 liter.", "1.5", .number, .number(dec("1.5")), "1.5"),
            ("Sebanyak 1.260.420.864 lembar.", "1.260.420.864", .number, .number(dec("1260420864")), "1,260,420,864"),
            ("Naik 0,25 poin.", "0,25", .number, .number(dec("0.25")), "0.25"),
            ("Tumbuh 5,10 persen.", "5,10 persen", .percent, .percent(dec("5.1")), "5.10 percent"),
            ("Inflasi 3,5 persen.", "3,5 persen", .percent, .percent(dec("3.5")), "3.5 percent"),
            ("Inflasi 3,5%.", "3,5%", .percent, .percent(dec("3.5")), "3.5%"),
            ("Inflasi 3,5 %.", "3,5 %", .percent, .percent(dec("3.5")), "3.5%"),
            ("Anggaran Rp2,1 triliun.", "Rp2,1 triliun", .amount, .amount(currency: "IDR", dec("2100000000000")), "Rp2.1 trillion"),
            ("Kerugian Rp 450 miliar.", "Rp 450 miliar", .amount, .amount(currency: "IDR", dec("450000000000")), "Rp450 billion"),
            ("Investasi US$1,5 miliar.", "US$1,5 miliar", .amount, .amount(currency: "USD", dec("1500000000")), "US$1.5 billion"),
            ("Harga Rp15.000 per kilo.", "Rp15.000", .amount, .amount(currency: "IDR", dec("15000")), "Rp15,000"),
            ("Harga Rp. 15.000 per kilo.", "Rp. 15.000", .amount, .amount(currency: "IDR", dec("15000")), "Rp15,000"),
            ("Dana 2 juta dolar AS.", "2 juta dolar AS", .amount, .amount(currency: "USD", dec("2000000")), "US$2 million"),
            ("Biaya 5.000 rupiah.", "5.000 rupiah", .amount, .amount(currency: "IDR", dec("5000")), "Rp5,000"),
            ("Nilainya €20 juta.", "€20 juta", .amount, .amount(currency: "EUR", dec("20000000")), "€20 million"),
            ("Pada 13/2 ia datang.", "13/2", .date, .date(day: 13, month: 2, year: nil), "13 February"),
            ("Pada 13/2/2025 ia datang.", "13/2/2025", .date, .date(day: 13, month: 2, year: 2025), "13 February 2025"),
            ("Rapat Kamis (13/2) lalu.", "Kamis (13/2)", .date, .date(day: 13, month: 2, year: nil), "Thursday (13 February)"),
            ("Pada 13 Februari 2025 ia datang.", "13 Februari 2025", .date, .date(day: 13, month: 2, year: 2025), "13 February 2025"),
            ("Pada 1 Mei ia datang.", "1 Mei", .date, .date(day: 1, month: 5, year: nil), "1 May"),
            ("Sejak Agustus 2024 harga naik.", "Agustus 2024", .date, .date(day: nil, month: 8, year: 2024), "August 2024"),
            ("Digelar Sabtu, 17 Agustus 2024.", "Sabtu, 17 Agustus 2024", .date, .date(day: 17, month: 8, year: 2024), "Saturday, 17 August 2024"),
            ("Tanggal 31 Des. 2024.", "31 Des. 2024", .date, .date(day: 31, month: 12, year: 2024), "31 December 2024"),
            ("Mulai 19.30 WIB.", "19.30 WIB", .time, .time(hour: 19, minute: 30, zone: "WIB"), "19:30 WIB"),
            ("Mulai pukul 07.00.", "07.00", .time, .time(hour: 7, minute: 0, zone: nil), "07:00"),
            ("Mulai 19:30 nanti.", "19:30", .time, .time(hour: 19, minute: 30, zone: nil), "19:30"),
            ("Tiba 10.15 WITA.", "10.15 WITA", .time, .time(hour: 10, minute: 15, zone: "WITA"), "10:15 WITA"),
        ]
    }

    func testIndonesianPlaceables() {
        for (text, written, kind, value, english) in indonesianCases {
            let found = PlaceableFinder.indonesian(in: text)
            XCTAssertEqual(found.count, 1, "\(text): \(found.map(\.text))")
            guard let p = found.first else { continue }
            XCTAssertEqual(p.text, written, text)
            XCTAssertEqual(p.kind, kind, text)
            XCTAssertEqual(p.value, value, text)
            XCTAssertEqual(p.english, english, text)
            let scalars = Array(text.unicodeScalars)
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[p.range])), written, text)
        }
    }

    func testNotPlaceables() {
        for text in ["Versi 2.3.1 dirilis.", "Server 180.254.8.5 mati.", "Mesin 2ZR baru.", "Jaringan 4G luas.",
                     "Kata minggu ini.", "Bulan Mei indah.", "Pukul dia.", "RM Dewo hadir.", "Nilai 1.2.3 salah."] {
            let found = PlaceableFinder.indonesian(in: text).filter { $0.kind != .number }
            XCTAssertTrue(found.isEmpty, "\(text): \(found.map(\.text))")
        }
        XCTAssertTrue(PlaceableFinder.indonesian(in: "Versi 2.3.1 dirilis.").isEmpty)
        XCTAssertTrue(PlaceableFinder.indonesian(in: "Server 180.254.8.5 mati.").isEmpty)
        XCTAssertTrue(PlaceableFinder.indonesian(in: "Jaringan 4G luas.").isEmpty)
    }

    func testSeveralInOrder() {
        let text = "Pada Kamis (13/2) pukul 19.30 WIB, harga naik 3,5 persen menjadi Rp2,1 triliun dari 2.375.000."
        let found = PlaceableFinder.indonesian(in: text)
        XCTAssertEqual(found.map(\.text), ["Kamis (13/2)", "19.30 WIB", "3,5 persen", "Rp2,1 triliun", "2.375.000"])
        XCTAssertEqual(found.map(\.english), ["Thursday (13 February)", "19:30 WIB", "3.5 percent", "Rp2.1 trillion", "2,375,000"])
        XCTAssertEqual(found[0].weekday, 4)
        XCTAssertEqual(found.map(\.range.lowerBound), found.map(\.range.lowerBound).sorted())
    }

    /// (English text, placeable text, value)
    var englishCases: [(String, String, Placeable.Value)] {
        [
            ("It has 2,375,000 people.", "2,375,000", .number(dec("2375000"))),
            ("Only 3.5 left.", "3.5", .number(dec("3.5"))),
            ("Some 1.2 million people.", "1.2 million", .number(dec("1200000"))),
            ("Inflation rose 3.5 percent.", "3.5 percent", .percent(dec("3.5"))),
            ("Inflation rose 3.5 per cent.", "3.5 per cent", .percent(dec("3.5"))),
            ("Inflation rose 3.5%.", "3.5%", .percent(dec("3.5"))),
            ("A budget of Rp2.1 trillion.", "Rp2.1 trillion", .amount(currency: "IDR", dec("2100000000000"))),
            ("Losses of Rp 450 billion.", "Rp 450 billion", .amount(currency: "IDR", dec("450000000000"))),
            ("Worth US$1.5 billion.", "US$1.5 billion", .amount(currency: "USD", dec("1500000000"))),
            ("Worth 1.5 billion dollars.", "1.5 billion dollars", .amount(currency: "USD", dec("1500000000"))),
            ("On 13 February he came.", "13 February", .date(day: 13, month: 2, year: nil)),
            ("On 13 February 2025 he came.", "13 February 2025", .date(day: 13, month: 2, year: 2025)),
            ("On February 13, 2025 he came.", "February 13, 2025", .date(day: 13, month: 2, year: 2025)),
            ("On Feb. 13 he came.", "Feb. 13", .date(day: 13, month: 2, year: nil)),
            ("Since August 2024 prices rose.", "August 2024", .date(day: nil, month: 8, year: 2024)),
            ("The meeting on Thursday (13 February) ended.", "Thursday (13 February)", .date(day: 13, month: 2, year: nil)),
            ("It starts at 19:30 WIB.", "19:30 WIB", .time(hour: 19, minute: 30, zone: "WIB")),
            ("It starts at 7.30 pm.", "7.30 pm", .time(hour: 19, minute: 30, zone: nil)),
            ("It starts at 7:30 a.m. sharp.", "7:30 a.m.", .time(hour: 7, minute: 30, zone: nil)),
        ]
    }

    func testEnglishPlaceables() {
        for (text, written, value) in englishCases {
            let found = PlaceableFinder.english(in: text)
            XCTAssertEqual(found.count, 1, "\(text): \(found.map(\.text))")
            guard let p = found.first else { continue }
            XCTAssertEqual(p.text, written, text)
            XCTAssertEqual(p.value, value, text)
            XCTAssertEqual(p.english, written, text)
        }
    }

    func testRepairFlow() {
        // The TM's source and target, and a new sentence that differs in the placeables.
        let oldSource = PlaceableFinder.indonesian(in: "Inflasi pada 13/2 naik 3,5 persen menjadi Rp2,1 triliun.")
        let target = "On 13 February inflation rose 3.5 percent to Rp2.1 trillion."
        let targetPlaceables = PlaceableFinder.english(in: target)
        let newSource = PlaceableFinder.indonesian(in: "Inflasi pada 14/2 naik 4,2 persen menjadi Rp2,4 triliun.")
        XCTAssertEqual(oldSource.count, 3)
        XCTAssertEqual(targetPlaceables.count, 3)
        var repaired = Array(target.unicodeScalars)
        for (old, new) in zip(oldSource, newSource).reversed() {
            let hit = targetPlaceables.first { $0.value.isCompatible(with: old.value) }
            XCTAssertNotNil(hit, old.text)
            if let hit { repaired.replaceSubrange(hit.range, with: new.english.unicodeScalars) }
        }
        XCTAssertEqual(String(String.UnicodeScalarView(repaired)), "On 14 February inflation rose 4.2 percent to Rp2.4 trillion.")
    }

    func testCompatibleValues() {
        XCTAssertTrue(Placeable.Value.date(day: 13, month: 2, year: nil).isCompatible(with: .date(day: 13, month: 2, year: 2025)))
        XCTAssertFalse(Placeable.Value.date(day: 13, month: 2, year: 2024).isCompatible(with: .date(day: 13, month: 2, year: 2025)))
        XCTAssertTrue(Placeable.Value.time(hour: 19, minute: 30, zone: nil).isCompatible(with: .time(hour: 19, minute: 30, zone: "WIB")))
        XCTAssertFalse(Placeable.Value.percent(dec("3.5")).isCompatible(with: .number(dec("3.5"))))
        XCTAssertEqual(Placeable.Value.percent(dec("3.50")), .percent(dec("3.5")))
    }
}
