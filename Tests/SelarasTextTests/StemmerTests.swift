import Foundation
import SelarasText
import XCTest

/// Word → root pairs, written for Selaras. ECS runs over a small inline lexicon (the roots the
/// pairs need and a few distractors), so these pass without hunspell-id installed; the system
/// lexicon and the rule-based fallback are tested separately.
final class StemmerTests: XCTestCase {
    static let ecsPairs: [(String, String)] = [
        ("menyatakan", "nyata"), ("pemerintahan", "perintah"), ("berbeda-beda", "beda"), ("bukunya", "buku"),
        ("negara-negara", "negara"), ("undang-undang", "undang"), ("sehari-hari", "hari"), ("mengatakan", "kata"),
        ("membaca", "baca"), ("menulis", "tulis"), ("memukul", "pukul"), ("menyapu", "sapu"),
        ("mengambil", "ambil"), ("mencari", "cari"), ("terbaik", "baik"), ("terjadi", "jadi"),
        ("sebesar", "besar"), ("rumahku", "rumah"), ("bagaimanakah", "bagaimana"), ("makanan", "makan"),
        ("minuman", "minum"), ("kemerdekaan", "merdeka"), ("perdagangan", "dagang"), ("pertanyaan", "tanya"),
        ("diketahui", "tahu"), ("pengetahuan", "tahu"), ("perekonomian", "ekonomi"), ("berangkat", "angkat"),
        ("bekerja", "kerja"), ("pekerja", "kerja"), ("pelajaran", "ajar"), ("belajar", "ajar"),
        ("mempertanyakan", "tanya"), ("memperbaiki", "baik"), ("diperbaiki", "baik"), ("keberhasilan", "hasil"),
        ("mengebom", "bom"), ("pengeboman", "bom"), ("menanam", "tanam"), ("menilai", "nilai"),
        ("memakai", "pakai"), ("memberikan", "beri"), ("dimakan", "makan"), ("dimakannya", "makan"),
        ("kebersamaan", "sama"), ("penyanyi", "nyanyi"), ("pembangunan", "bangun"), ("pendidikan", "didik"),
        ("penulisan", "tulis"), ("pemukulan", "pukul"), ("pengiriman", "kirim"), ("penggunaan", "guna"),
        ("perjalanan", "jalan"), ("persatuan", "satu"), ("terlambat", "lambat"), ("tertinggal", "tinggal"),
        ("bermain-main", "main"), ("berlari", "lari"), ("mendengarkan", "dengar"), ("membacakan", "baca"),
        ("menjadi", "jadi"), ("menghadapi", "hadap"), ("ketua", "tua"), ("sekolah", "sekolah"),
        ("perusahaan", "usaha"), ("pengusaha", "usaha"), ("kesehatan", "sehat"), ("keamanan", "aman"),
        ("berlangsung", "langsung"), ("mempunyai", "punya"), ("menggunakan", "guna"), ("disampaikan", "sampai"),
        ("dikatakannya", "kata"), ("terkenal", "kenal"), ("peraturan", "atur"), ("sebuah", "buah"),
        ("menemukan", "temu"), ("penemuan", "temu"), ("melihat", "lihat"), ("melakukan", "laku"),
        ("merupakan", "rupa"), ("mewujudkan", "wujud"), ("meyakini", "yakin"), ("memfasilitasi", "fasilitas"),
        ("mensosialisasikan", "sosialisasi"), ("menyelesaikan", "selesai"), ("pembelajaran", "ajar"), ("perbaikan", "baik"),
        ("kebijakan", "bijak"), ("tanggapan", "tanggap"), ("jawaban", "jawab"), ("pilihan", "pilih"),
        ("bantuan", "bantu"), ("lautan", "laut"), ("ditangkap", "tangkap"), ("tertangkap", "tangkap"),
        ("menangkap", "tangkap"), ("penangkapan", "tangkap"), ("bersekolah", "sekolah"), ("bermasalah", "masalah"),
        ("katakanlah", "kata"), ("siapakah", "siapa"), ("apapun", "apa"), ("kebanyakan", "banyak"),
        ("mengajarkan", "ajar"), ("diajarkan", "ajar"), ("pelaku", "laku"), ("pedagang", "dagang"),
        ("petani", "tani"), ("pembeli", "beli"), ("penjual", "jual"), ("penyerang", "serang"),
        ("menyerahkan", "serah"), ("terpilih", "pilih"), ("berhasil", "hasil"), ("Menyatakan", "nyata"),
        ("kuambil", "ambil"), ("kaulihat", "lihat"), ("anak-anaknya", "anak"), ("sebesar-besarnya", "besar"),
    ]

    static let lexicon = RootLexicon(words: Set(ecsPairs.map(\.1)).union([
        // words that share letters with the pairs; the rules must not stop at them
        "satu", "tari", "kan", "anak", "ia", "dia", "saja", "lah", "apa", "nya", "usa", "ambi", "kera",
    ]))

    func testECSPairs() {
        let stemmer = IndonesianStemmer(lexicon: Self.lexicon)
        XCTAssertEqual(stemmer.algorithm, "ECS")
        XCTAssertNil(stemmer.warning)
        XCTAssertGreaterThanOrEqual(Self.ecsPairs.count, 100)
        var wrong: [String] = []
        for (word, root) in Self.ecsPairs where stemmer.stem(word) != root {
            wrong.append("\(word) → \(stemmer.stem(word)) (expected \(root))")
        }
        XCTAssertEqual(wrong, [])
    }

    func testUnknownWordsAndNonWordsComeBackLowerCased() {
        let stemmer = IndonesianStemmer(lexicon: Self.lexicon)
        XCTAssertEqual(stemmer.stem("Xyzabc"), "xyzabc")
        XCTAssertEqual(stemmer.stem("COVID-19"), "covid-19")
        XCTAssertEqual(stemmer.stem("2.375.000"), "2.375.000")
        XCTAssertEqual(stemmer.stem("di"), "di")
        XCTAssertEqual(stemmer.stem(""), "")
    }

    /// Tala's rule-based stemmer, used when no lexicon is available.
    static let talaPairs: [(String, String)] = [
        ("bukunya", "buku"), ("bagaimanakah", "bagaimana"), ("membaca", "baca"), ("memukul", "pukul"),
        ("menulis", "tulis"), ("menyapu", "sapu"), ("mengambil", "ambil"), ("mencari", "cari"),
        ("dimakan", "makan"), ("terjadi", "jadi"), ("kemerdekaan", "merdeka"), ("berbeda", "beda"),
        ("perdagangan", "dagang"), ("pertanyaan", "tanya"), ("makanan", "makan"), ("belajar", "ajar"),
        ("berbeda-beda", "beda"), ("negara-negara", "negara"), ("penulis", "tulis"), ("pembangunan", "bangun"),
        ("penggunaan", "guna"), ("ditulis", "tulis"), ("terbaik", "baik"), ("minuman", "minum"),
        ("rumahnya", "rumah"), ("dibacakan", "baca"), ("mempunyai", "punya"),
    ]

    func testRuleBasedFallback() {
        let stemmer = IndonesianStemmer(lexicon: nil)
        XCTAssertEqual(stemmer.algorithm, "Tala")
        XCTAssertNotNil(stemmer.warning)
        var wrong: [String] = []
        for (word, root) in Self.talaPairs where stemmer.stem(word) != root {
            wrong.append("\(word) → \(stemmer.stem(word)) (expected \(root))")
        }
        XCTAssertEqual(wrong, [])
    }

    func testSystemLexicon() throws {
        let stemmer = IndonesianStemmer()
        guard stemmer.lexicon != nil else {
            XCTAssertNotNil(stemmer.warning)
            throw XCTSkip("hunspell-id is not installed (\(RootLexicon.hunspellPath)); the ECS cases above use an inline lexicon")
        }
        XCTAssertGreaterThan(stemmer.lexicon!.count, 20_000)
        let pairs: [(String, String)] = [
            ("menyatakan", "nyata"), ("berbeda-beda", "beda"), ("negara-negara", "negara"), ("mengatakan", "kata"),
            ("membaca", "baca"), ("makanan", "makan"), ("pertanyaan", "tanya"), ("perdagangan", "dagang"),
            ("kemerdekaan", "merdeka"), ("sekolah", "sekolah"), ("bukunya", "buku"), ("pengetahuan", "tahu"),
            ("pembangunan", "bangun"), ("keberhasilan", "hasil"), ("menyelesaikan", "selesai"), ("ditangkap", "tangkap"),
            // entries without affix flags (perin, te, la, paja, urang) and roots whose flags
            // refuse the suffix (perban + -kan) are not taken as roots of affixed words
            ("pemerintah", "perintah"), ("setelah", "telah"), ("pelaku", "laku"), ("perpajakan", "pajak"),
            ("mengurangi", "kurang"), ("perbankan", "bank"), ("selasa", "selasa"),
        ]
        var wrong: [String] = []
        for (word, root) in pairs where stemmer.stem(word) != root {
            wrong.append("\(word) → \(stemmer.stem(word)) (expected \(root))")
        }
        XCTAssertEqual(wrong, [])
    }

    func testLexiconFileAndCacheAcrossThreads() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-stem-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let dic = dir.appendingPathComponent("mini.dic")
        // A hunspell file: a count line, then words with flags; ISO-8859-1.
        try Data("4\nnyata/DkKaMk\ntanya/B0D0\nkata/B0\nméja\n".utf8).write(to: dic)
        let lexicon = try RootLexicon(hunspellDictionaryAt: dic)
        XCTAssertEqual(lexicon.words, ["nyata", "tanya", "kata", "méja"])
        let stemmer = IndonesianStemmer(lexicon: lexicon)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<200 {
                XCTAssertEqual(stemmer.stem("menyatakan"), "nyata")
                XCTAssertEqual(stemmer.stem("pertanyaan"), "tanya")
            }
        }
    }

    func testHunspellFlagsDecideWhatTakesAffixes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-aff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // perban takes only me-; bank and pajak take per-...-an; paja takes nothing.
        try Data("5\nperban/M0\nbank/Ra\npajak/Ra\npaja\nkata/Mk\n".utf8).write(to: dir.appendingPathComponent("mini.dic"))
        try Data("""
        FLAG long
        PFX M0 Y 1
        PFX M0 0 me .
        SFX Ra Y 1
        SFX Ra 0 an/R1 .
        SFX Mk Y 1
        SFX Mk 0 kan/M1 .
        """.utf8).write(to: dir.appendingPathComponent("mini.aff"))
        let lexicon = try RootLexicon(hunspellDictionaryAt: dir.appendingPathComponent("mini.dic"))
        XCTAssertEqual(lexicon.affixable, ["perban", "bank", "pajak", "kata"])
        XCTAssertTrue(lexicon.takesSuffix("bank", "an"))
        XCTAssertFalse(lexicon.takesSuffix("perban", "kan"))
        let stemmer = IndonesianStemmer(lexicon: lexicon)
        XCTAssertEqual(stemmer.stem("perbankan"), "bank")
        XCTAssertEqual(stemmer.stem("perpajakan"), "pajak")
        XCTAssertEqual(stemmer.stem("mengatakan"), "kata")
        XCTAssertEqual(stemmer.stem("paja"), "paja", "a word of the lexicon is its own root")
    }
}
