import SelarasText
import XCTest

final class TokenizerTests: XCTestCase {
    func tokens(_ text: String) -> [Token] { Tokenizer().tokenize(text) }

    func texts(_ text: String) -> [String] { tokens(text).map(\.text) }

    func testWordsAndPunctuation() {
        XCTAssertEqual(texts("Dia pergi, lalu pulang."), ["Dia", "pergi", ",", "lalu", "pulang", "."])
        XCTAssertEqual(texts("“Kami siap…” katanya!"), ["“", "Kami", "siap", "…", "”", "katanya", "!"])
        XCTAssertEqual(texts("Tunggu... ya"), ["Tunggu", "...", "ya"])
    }

    func testReduplicationIsOneToken() {
        for word in ["negara-negara", "berbeda-beda", "undang-undang", "sehari-hari", "anak-anak", "kupu-kupu"] {
            let t = tokens("Para \(word) itu.")
            XCTAssertEqual(t.map(\.text), ["Para", word, "itu", "."], word)
            XCTAssertEqual(t[1].kind, .word, word)
            XCTAssertTrue(t[1].isReduplication, word)
        }
        XCTAssertFalse(tokens("e-KTP")[0].isReduplication)
        XCTAssertEqual(texts("Ia juara ke-3 di e-KTP Jum'at."), ["Ia", "juara", "ke-3", "di", "e-KTP", "Jum'at", "."])
    }

    func testRangesAreCodePoints() {
        let text = "Émile — “ok”"
        let t = tokens(text)
        let scalars = Array(text.unicodeScalars)
        for token in t {
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[token.range])), token.text)
        }
        XCTAssertEqual(t.map(\.range), [0..<5, 6..<7, 8..<9, 9..<11, 11..<12])
    }

    func testPlaceableTokens() {
        let t = tokens("Pada Kamis (13/2) pukul 19.30 WIB harga naik 3,5 persen menjadi Rp2,1 triliun atau 2.375.000 per unit.")
        let placeables = t.filter { $0.placeable != nil }
        XCTAssertEqual(placeables.map(\.text), ["Kamis (13/2)", "19.30 WIB", "3,5 persen", "Rp2,1 triliun", "2.375.000"])
        XCTAssertEqual(placeables.map(\.kind), [.date, .time, .percent, .currency, .number])
        XCTAssertEqual(placeables.map { $0.placeable!.english }, ["Thursday (13 February)", "19:30 WIB", "3.5 percent", "Rp2.1 trillion", "2,375,000"])
        XCTAssertEqual(texts("Tanggal 13 Februari 2025 tiba."), ["Tanggal", "13 Februari 2025", "tiba", "."])
        XCTAssertEqual(tokens("Ada 1,2 juta orang")[1].kind, .number)
    }

    func testNumbersThatAreNotPlaceables() {
        let t = tokens("Versi 2.3.1 di 180.254.8.5 pada 1990-an dengan mesin 2ZR.")
        XCTAssertEqual(t.map(\.text), ["Versi", "2.3.1", "di", "180.254.8.5", "pada", "1990-an", "dengan", "mesin", "2ZR", "."])
        XCTAssertEqual(t[1].kind, .number)
        XCTAssertEqual(t[5].kind, .word)
        XCTAssertNil(t[1].placeable)
    }

    func testURLsEmailsHashtagsMentions() {
        let t = tokens("Lihat https://data.go.id/set?id=5, www.kompas.com atau detik.com/berita. Kirim ke hrd@contoh.co.id #SaveKPK @jokowi.")
        XCTAssertEqual(t.filter { $0.kind == .url }.map(\.text), ["https://data.go.id/set?id=5", "www.kompas.com", "detik.com/berita"])
        XCTAssertEqual(t.filter { $0.kind == .email }.map(\.text), ["hrd@contoh.co.id"])
        XCTAssertEqual(t.filter { $0.kind == .hashtag }.map(\.text), ["#SaveKPK"])
        XCTAssertEqual(t.filter { $0.kind == .mention }.map(\.text), ["@jokowi"])
        XCTAssertEqual(t.last?.text, ".")
        XCTAssertEqual(tokens("JAKARTA, KOMPAS.com - Harga")[2].kind, .url)
    }

    func testAcronyms() {
        let t = tokens("Anggota DPR dan KPK, Budi, S.H., menolak COVID-19 dan PDI-P a.n. Ani.")
        let acronyms = t.filter { $0.kind == .acronym }.map(\.text)
        XCTAssertEqual(acronyms, ["DPR", "KPK", "S.H.", "COVID-19", "PDI-P", "a.n."])
        XCTAssertEqual(tokens("A")[0].kind, .word)
        XCTAssertEqual(texts("Dr. Budi"), ["Dr", ".", "Budi"])
    }

    func testSymbols() {
        let t = tokens("5 + 3 = 8 © 2025")
        XCTAssertEqual(t.filter { $0.kind == .symbol }.map(\.text), ["+", "=", "©"])
    }

    func testEmptyAndSpaces() {
        XCTAssertEqual(tokens("").count, 0)
        XCTAssertEqual(tokens(" \n\t\u{200B}").count, 0)
    }
}

final class CliticTests: XCTestCase {
    func testSplitWithLexicon() {
        let lexicon = RootLexicon(words: ["buku", "ambil", "lihat", "bagaimana", "rumah", "sekolah", "ilmu", "masalah", "diri", "nyata", "kata", "apa", "punya"])
        func split(_ w: String) -> CliticSplit { Clitics.split(w, lexicon: lexicon) }
        XCTAssertEqual(split("bukunya"), CliticSplit(base: "buku", possessive: "nya"))
        XCTAssertEqual(split("rumahku"), CliticSplit(base: "rumah", possessive: "ku"))
        XCTAssertEqual(split("bukumu"), CliticSplit(base: "buku", possessive: "mu"))
        XCTAssertEqual(split("bagaimanakah"), CliticSplit(base: "bagaimana", particle: "kah"))
        XCTAssertEqual(split("bukunyalah"), CliticSplit(base: "buku", possessive: "nya", particle: "lah"))
        XCTAssertEqual(split("kuambil"), CliticSplit(proclitic: "ku", base: "ambil"))
        XCTAssertEqual(split("kaulihat"), CliticSplit(proclitic: "kau", base: "lihat"))
        XCTAssertEqual(split("dirinya"), CliticSplit(base: "diri", possessive: "nya"))
        XCTAssertEqual(split("mengatakannya"), CliticSplit(base: "mengatakan", possessive: "nya"))
        // Roots that end like clitics stay whole.
        for w in ["sekolah", "ilmu", "masalah", "punya"] { XCTAssertEqual(split(w), CliticSplit(base: w), w) }
        XCTAssertEqual(split("Bukunya").base, "buku")
    }

    func testSplitWithoutLexicon() {
        func split(_ w: String) -> CliticSplit { Clitics.split(w, lexicon: nil) }
        XCTAssertEqual(split("bukunya"), CliticSplit(base: "buku", possessive: "nya"))
        XCTAssertEqual(split("dialah"), CliticSplit(base: "dia", particle: "lah"))
        XCTAssertEqual(split("sekolah"), CliticSplit(base: "sekolah"))
        XCTAssertEqual(split("masalah"), CliticSplit(base: "masalah"))
        XCTAssertEqual(split("hanya"), CliticSplit(base: "hanya"))
        XCTAssertEqual(split("ilmu"), CliticSplit(base: "ilmu"), "-ku/-mu need the lexicon")
    }
}
