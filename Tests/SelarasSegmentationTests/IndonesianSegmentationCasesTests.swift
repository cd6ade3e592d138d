import SelarasSegmentation
import XCTest

/// Table-driven cases for the built-in Indonesian rules, written for Selaras. In each case `|`
/// marks a sentence boundary; the text is the case with the markers removed, and the expected
/// sentences are the pieces between markers, trimmed.
final class IndonesianSegmentationCasesTests: XCTestCase {
    static let cases: [(String, String)] = [
        // MARK: plain sentence ends
        ("stop", "Presiden tiba di Jakarta. |Dia langsung menuju Istana."),
        ("question", "Apa yang terjadi? |Tidak ada yang tahu."),
        ("exclamation", "Luar biasa! |Tim nasional menang lagi."),
        ("three sentences", "Harga naik. |Warga mengeluh. |Pemerintah diam."),
        ("digit start", "Rapat ditunda. |25 anggota tidak hadir."),
        ("no space after stop is not a break", "Nilai tukar mencapai Rp15.000.Kemarin masih lebih rendah."),
        ("interrobang", "Benarkah itu?! |Kami belum yakin."),
        ("single sentence", "Sidang dilanjutkan pekan depan."),
        ("trailing spaces", "Sidang selesai.   |Hakim keluar ruangan.  "),
        ("tab between", "Sidang selesai.\t|Hakim keluar ruangan."),
        ("stop then bracket sentence", "Kami menolak. |(Keputusan itu final.)"),
        ("closing bracket then stop", "Rapat digelar Sabtu (23/12/2017). |Gol pertama tercipta."),

        // MARK: titles and abbreviations
        ("Dr.", "Kami bertemu Dr. Soetomo di rumah sakit. |Dia ramah."),
        ("dr.", "Pasien ditangani dr. Andi Wijaya, Sp.PD. |Kondisinya membaik."),
        ("Prof.", "Menurut Prof. Emil Salim, hutan harus dijaga. |Banyak yang setuju."),
        ("Prof. Dr. H.", "Prof. Dr. H. Azyumardi Azra memberi kuliah umum."),
        ("Ir.", "Proyek dipimpin Ir. Sutami sejak awal."),
        ("Drs.", "Kepala sekolah saat itu adalah Drs. Iman Santosa. |Ia mengajar matematika."),
        ("H. and Hj.", "Pasangan H. Ahmad dan Hj. Siti menunaikan ibadah haji."),
        ("S.H. M.Si. degrees", "Gelar Budi Santoso, S.H., M.Si. diperoleh dari UI. |Ia kini mengajar."),
        ("S.H. mid sentence", "Surat ditandatangani Ani Lestari, S.H. dan Joko, S.E. sebagai saksi."),
        ("Jl. and No.", "Budi tinggal di Jl. Sudirman No. 5. |Dia bekerja di DPR."),
        ("Jln.", "Kantor itu berada di Jln. Diponegoro No. 12, Bandung."),
        ("No. with number", "Peraturan No. 34 tahun 2007 sudah berlaku."),
        ("Tbk. before ticker", "PT Bank Negara Indonesia Tbk. (BBNI) menambah modal. |Sahamnya naik."),
        ("Tbk. lower-case after", "Saham PT Toba Pulp Lestari Tbk. sebanyak 1.260.420.864 lembar dijual."),
        ("Tbk. at the end", "Perusahaan itu adalah PT Indofood Sukses Makmur Tbk. |Sahamnya naik."),
        ("dll. mid sentence", "Mereka menjual beras, gula, minyak, dll. di pasar."),
        ("dll. at the end", "Mereka menjual beras, gula, minyak, dll. |Harganya murah."),
        ("dsb. and dst.", "Data itu mencakup nama, alamat, dsb. yang diminta panitia."),
        ("dst. at the end", "Langkahnya: daftar, bayar, ambil kartu, dst. |Semua serba daring."),
        ("a.n.", "Transfer ke rekening a.n. Budi Santoso sudah dilakukan."),
        ("u.p.", "Surat ditujukan kepada Direktur u.p. Kepala Bagian Umum."),
        ("Kol.", "Upacara dipimpin Kol. Inf. Bambang Sutrisno."),
        ("Brigjen.", "Pernyataan itu disampaikan Brigjen. Pol. Ahmad Ramadhan di Jakarta."),
        ("Jend.", "Panglima TNI Jend. Andika Perkasa meninjau lokasi."),
        ("Sdr.", "Terdakwa Sdr. Rudi mengakui perbuatannya."),
        ("Kab.", "Banjir melanda Kab. Bandung dan Kab. Garut. |Ribuan warga mengungsi."),
        ("Kec.", "Longsor terjadi di Kec. Cililin pada malam hari."),
        ("Pte. Ltd.", "Saham dijual kepada Encore Energy Pte. Ltd. (Encore Energy), anak perusahaan baru."),
        ("Co. Ltd.", "Pabrik itu milik Jiangsu Printing Co. Ltd. yang berbasis di Cina."),
        ("Inc. at the end", "Produk itu dibuat oleh Apple Inc. |Penjualannya tinggi."),
        ("Rp. with number", "Harganya Rp. 15.000 per kilogram."),
        ("Ph. D.", "Ia orang pertama yang memperoleh gelar Ph. D. dalam ilmu politik."),
        ("Mr.", "Pertemuan dihadiri Mr. Smith dari kedutaan."),
        ("St.", "Gereja St. Yoseph berdiri sejak 1920."),
        ("Rev.", "Sekolah itu didirikan Rev. George White. |Muridnya banyak."),
        ("month abbreviation with day", "Sidang dijadwalkan 13 Feb. 2025 di Jakarta."),
        ("RS.", "Korban dibawa ke RS. Harapan Kita untuk dirawat."),
        ("vs.", "Laga Persib vs. Persija berakhir imbang."),

        // MARK: initials
        ("initial before surname", "Deputi Gubernur Senior BI Miranda S. Goeltom mengatakan inflasi terkendali."),
        ("leading initial", "M. Rahman hadir dalam rapat itu. |Ia datang terlambat."),
        ("two initials", "Direktur Utama Agus D.W. Martowardojo mengatakan laba naik."),
        ("R.A.", "Peringatan hari R.A. Kartini digelar di sekolah."),
        ("initial after name", "Keterangan disampaikan Kevin D. Click dalam laporannya."),
        ("initial at start of quote", "\"A. Yani adalah pahlawan,\" katanya."),
        ("Susilo B. Yudhoyono", "Mantan presiden Susilo B. Yudhoyono menghadiri acara itu."),
        ("initial with lowercase after", "Ia ditemani oleh Joko P. di ruang kerjanya."),
        ("H. as initial", "Ketua panitia H. Muhammad Nasir membuka acara."),
        ("Roman numeral II stays a word", "Ia menjabat pada masa Perang Dunia II. |Setelah itu ia pensiun."),

        // MARK: numbers, money, times
        ("thousands with dots", "Novel itu mencapai 1.000 halaman. |Pembaca menyukainya."),
        ("decimal comma", "Ekonomi tumbuh 5,1 persen. |Inflasi 3,2 persen."),
        ("money trillion", "Anggaran mencapai Rp2,1 triliun. |Dana itu untuk pendidikan."),
        ("money with space", "Kerugian ditaksir Rp 450 miliar. |Polisi menyelidiki."),
        ("US$", "Investasi senilai US$1,5 miliar masuk tahun ini."),
        ("time WIB", "Rapat dimulai pukul 19.30 WIB. |Semua peserta hadir."),
        ("time mid sentence", "Pada pukul 10.00 WIB rombongan tiba di lokasi."),
        ("year at the end", "Perusahaan berdiri pada tahun 2007. |Kini asetnya besar."),
        ("date in brackets", "Hal itu disampaikan pada Kamis (13/2). |Ia menolak berkomentar."),
        ("percent sign", "Sahamnya naik 3,5%. |Investor senang."),
        ("number then lower-case", "Jumlahnya 12. |sebagian besar warga lokal."),
        ("decimal dot", "Mesinnya 1.5 liter dan irit bahan bakar."),
        ("version number", "Aplikasi versi 2.3.1 sudah dirilis."),
        ("IP address", "Server berada di 180.254.8.5 dan aktif."),
        ("score", "Skor akhir 3-1. |Pelatih puas."),

        // MARK: ellipses
        ("ellipsis then lower-case", "Dia terdiam... lalu pergi begitu saja."),
        ("ellipsis character", "Kami… kami tidak tahu harus berkata apa."),
        ("ellipsis inside a quote", "“Kami berterima kasih… Kami akan terus berjuang,” ujarnya."),
        ("ellipsis then a capitalised sentence", "Tunggu dulu... |Kembali ke pokok masalah."),
        ("ellipsis then a digit", "Jumlahnya... 25 orang."),
        ("ellipsis at paragraph end", "Dan cerita pun berlanjut...\n\n|Bab berikutnya dimulai."),
        ("four dots: an ellipsis and a stop", "Ia menunggu.... |Lalu menyerah."),
        ("ellipsis then quote then attribution", "“Entahlah…” katanya pelan."),
        ("ellipsis before question", "Lalu…? |Tidak ada jawaban."),

        // MARK: quotes and attribution
        ("comma in quote attribution", "“Kami siap,” ujarnya. |Ia lalu pergi."),
        ("question in quote attribution", "“Apa kabar?” tanyanya. |Kami menjawab."),
        ("exclamation in quote attribution", "\"Merdeka!\" seru para peserta."),
        ("stop in quote attribution", "\"Kami siap.\" kata Budi."),
        ("attribution with name", "\"Tidak ada masalah,\" kata Menteri Keuangan Sri Mulyani. |Rupiah menguat."),
        ("quote after sentence", "Ia menegaskan sikapnya. |“Kami tidak akan mundur,” katanya."),
        ("two quotes", "“Kami siap.” |“Kami juga,” sahut yang lain."),
        ("multi-sentence quote kept with its attribution", "\"Nanti baru kelihatan. Tekanannya ada di kuartal kedua,\" ujarnya."),
        ("curly multi-sentence quote", "“Kami siap. Semua sudah dipersiapkan,” ujar Budi. |Ia lalu pergi."),
        ("quote not closed on its line is not kept", "“Kami siap. |Semua sudah dipersiapkan.\n|Ia lalu pergi."),
        ("quote ending sentence", "Rutte menyatakan hasilnya harus “langgeng dan berkelanjutan.” |Ia juga menegaskan dukungan."),
        ("single quotes", "Ia menyebutnya ‘kesalahan nikmat’. |Semua tertawa."),
        ("straight single quotes", "Film itu berjudul 'Ada Apa'. |Penontonnya banyak."),
        ("quote then lower-case after question mark", "\"Kenapa harus begitu?\" tanya Djarot kepada Agnes."),
        ("question without quote before lower-case", "Gimana? |kebayang kan rasanya."),
        ("guillemets", "Ia berkata «Cukup.» |Rapat bubar."),
        ("quote with attribution then new quote", "“Kami siap,” kata dia. |“Besok kami mulai.”"),
        ("nested punctuation", "Dia bertanya, \"Apakah kamu yakin?\" |Saya mengangguk."),
        ("quoted title", "Lagu “Despacito” sangat populer. |Semua orang menyanyikannya."),
        ("quote inside sentence", "Menurut dia, istilah \"renewable energy\" sering disalahartikan."),
        ("colon then quote", "Kata dia: “Kami menolak.” |Rapat ditutup."),
        ("attribution after exclamation with capital name", "“Hidup Indonesia!” |Presiden menutup pidatonya."),

        // MARK: bullets and numbered lists
        ("numbered list", "Berikut daftarnya:\n|1. Pantai Pandawa, Bali\n|2. Kawah Putih, Bandung"),
        ("numbered demand", "Tuntutan mereka:\n|1. Membatalkan revisi UU KPK.\n|2. Menolak RKUHP."),
        ("decimal list number", "2.1. Latar belakang\n|2.2. Tujuan"),
        ("bullets", "Syaratnya:\n|- KTP asli\n|- Kartu Keluarga\n|- Pas foto"),
        ("bullet dots", "Agenda:\n|• Pembukaan\n|• Sambutan"),
        ("lettered list", "Pilihan:\n|a. Setuju\n|b. Tidak setuju"),
        ("numbered list with parentheses", "Tahapan:\n|1) Pendaftaran\n|2) Seleksi"),
        ("numbered items with sentences", "1. Jangan panik. |Tetap tenang.\n|2. Cari tempat aman."),
        ("number at sentence end is not a list", "Jumlah korban mencapai 12. |Tim SAR terus mencari."),
        ("list after colon on one line", "Ada tiga hal: pertama, disiplin; kedua, kerja keras."),
        ("asterisk bullets", "Catatan:\n|* Data sementara\n|* Dapat berubah"),
        ("roman list", "Bagian:\n|I. Pendahuluan\n|II. Pembahasan"),

        // MARK: URLs and e-mails
        ("url mid sentence", "Informasi lengkap ada di www.kompas.com/berita hari ini."),
        ("url at sentence end", "Informasi lengkap ada di www.kompas.com. |Silakan kunjungi."),
        ("https url", "Unduh di https://data.go.id/dataset/123 secara gratis."),
        ("email", "Kirim lamaran ke hrd@contoh.co.id sebelum Jumat."),
        ("email at sentence end", "Kirim lamaran ke hrd@contoh.co.id. |Batasnya Jumat."),
        ("site name in dateline", "JAKARTA, KOMPAS.com - Presiden meresmikan jalan tol."),
        ("domain with capital", "Laman Detik.com melaporkan kejadian itu."),
        ("handle", "Akun @baby.ivanol menulis komentar itu."),

        // MARK: news furniture
        ("dateline with dash", "JAKARTA, KOMPAS.com – Harga cabai naik tajam. |Pedagang mengeluh."),
        ("dateline with agency", "Jakarta (ANTARA News) - Pemerintah menaikkan harga BBM."),
        ("dateline alone on a line", "JAKARTA, KOMPAS.com\n|Harga cabai naik tajam."),
        ("baca juga paragraph", "Harga cabai naik.\n\n|Baca juga: Harga Bawang Ikut Naik\n\n|Pedagang mengeluh."),
        ("baca juga line", "Harga cabai naik.\n|Baca juga: Harga Bawang Ikut Naik\n|Pedagang mengeluh."),
        ("baca in brackets", "Ia membantah tuduhan itu. |(Baca: KPK Periksa Saksi Baru) |Sidang dilanjutkan."),
        ("baca juga in square brackets", "Motor itu diluncurkan. |[Baca juga: Membedah Fitur Suzuki GSX-R150] |Harganya terjangkau."),
        ("headline without stop", "Harga Cabai Naik Tajam\n|JAKARTA - Harga cabai di pasar naik."),
        ("photo caption with its credit", "Presiden meninjau banjir di Bekasi. (Foto: Antara/Budi)\n|Banjir merendam ribuan rumah."),
        ("agency photo credit", "Warga antre di Jakarta, Senin (5/8). (ANTARA FOTO/Sigid Kurniawan)\n|Harga naik."),
        ("agency/name credit at the end", "Warga antre. (REUTERS/Willy Kurniawan)"),
        ("Dok. credit", "Menteri memberi keterangan. (Dok. Humas Kementerian)"),
        ("agency tag alone is not a credit", "Ia berharap kondisi pulih. |(Antara)"),
        ("rank with a bracketed abbreviation", "Acara dihadiri Brigjen. TNI (Purn.) Ahmad S. Siregar dan warga. |Semua hadir."),
        ("Kol. Inf. (Purn.)", "Kol. Inf. (Purn.) Budi Harjono ditunjuk."),
        ("byline", "Penulis: Budi Santoso\n|Editor: Ani Lestari"),
        ("agency tag after sentence", "Ia berharap kondisi segera pulih. |(ant)"),
        ("abbreviation in bracket tag", "Demikian Reuters melaporkan. |(Uu. H-RF/I015)"),
        ("editor code", "Pertandingan berakhir imbang. |(rah / rah)"),
        ("dateline city only", "SURABAYA - Hujan deras mengguyur kota."),
        ("caption credit line", "ANTARA FOTO/Sigid Kurniawan\n|Warga membersihkan lumpur."),

        // MARK: line breaks
        ("blank line", "Paragraf pertama selesai\n\n|Paragraf kedua dimulai"),
        ("blank line with spaces", "Paragraf pertama.\n   \n|Paragraf kedua."),
        ("crlf blank line", "Paragraf pertama.\r\n\r\n|Paragraf kedua."),
        ("hard-wrapped line", "Presiden mengatakan bahwa pemerintah akan\nmenaikkan harga BBM pekan depan."),
        ("line ending with comma", "Menurut Menteri Keuangan,\nAnggaran tahun depan naik."),
        ("line ending with conjunction", "Pemerintah menaikkan harga BBM dan\nTarif listrik pekan depan."),
        ("line break between sentences", "Harga naik.\n|Warga mengeluh."),
        ("headline then body", "Inflasi Terkendali\n|Bank Indonesia menyatakan inflasi terkendali."),
        ("line break before capital", "Pertemuan itu berlangsung lama\n|Keputusan diambil malam hari."),
        ("line ending with stop then lower-case line", "Ia datang.\n|sebagian warga menyambutnya."),
        ("paragraph separator", "Satu\u{2029}|Dua"),
        ("several blank lines", "Satu.\n\n\n\n|Dua."),

        // MARK: lower-case and mixed starts
        ("iPhone", "Apple merilis ponsel baru. |iPhone 15 dijual mulai Jumat."),
        ("e-KTP", "Pendaftaran dibuka. |e-KTP wajib dibawa."),
        ("lower-case start after ordinary word", "Dia tiba di Jakarta. |dia langsung ke kantor."),
        ("lower-case after abbreviation", "Ia membeli buah, sayur, dsb. untuk dijual lagi."),
        ("yg. abbreviation", "Warga yg. datang terlambat tidak boleh masuk."),

        // MARK: miscellaneous
        ("semicolon is not a break", "Harga naik; warga mengeluh."),
        ("colon is not a break", "Ia berkata: semuanya baik."),
        ("dash reported speech", "Ia datang – katanya – untuk berdamai."),
        ("parenthetical stop", "Data itu (lihat tabel 2.) menunjukkan kenaikan."),
        ("acronym with stop", "Ia kini bekerja di DPR. |Sebelumnya di KPK."),
        ("abbreviation at paragraph end", "Ia bekerja di PT Maju Jaya Tbk."),
        ("question then capital", "Mengapa harga naik? |Karena pasokan berkurang."),
        ("stop inside brackets at end", "Ia menolak (lihat halaman 5.) |Kemudian ia pergi."),
        ("repeated exclamation", "Gol!!! |Indonesia unggul."),
        ("hashtag", "Warganet ramai memakai tagar #SaveKPK. |Isu itu viral."),
        ("ordinal", "Ia menjadi juara ke-3. |Hadiahnya besar."),
        ("Jumat date", "Rapat digelar Jumat (14/2). |Semua hadir."),
        ("weekday comma date", "Rapat digelar Kamis, 13 Februari 2025. |Semua hadir."),
        ("long number", "Jumlah penduduk 270.203.917 jiwa. |Angka ini naik."),
        ("sentence with dash dateline inside", "Liputan6.com, Jakarta - Harga emas turun hari ini."),
        ("zero-width space", "Harga naik.\u{200B} |Warga mengeluh."),
        ("non-breaking space", "Harga naik.\u{00A0}|Warga mengeluh."),
        ("quoted abbreviation", "Ia menyebut “dll.” sebagai singkatan."),
        ("CNN dateline with double dash", "Jakarta, CNN Indonesia -- Pelatih timnas optimistis. |Timnya siap."),
        ("emoji after stop", "Selamat ulang tahun. |🎉 Semoga sukses."),
    ]

    func testCases() {
        let segmenter = IndonesianSegmenter()
        XCTAssertNil(IndonesianSegmenter.loadProblem)
        XCTAssertGreaterThanOrEqual(Self.cases.count, 150)
        var failures = 0
        for (name, marked) in Self.cases {
            let text = marked.replacingOccurrences(of: "|", with: "")
            let expected = marked.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: Self.trimSet) }
                .filter { !$0.isEmpty }
            let got = segmenter.sentences(text)
            if got != expected {
                failures += 1
                XCTFail("\(name):\n  expected \(expected)\n  got      \(got)")
            }
        }
        XCTAssertEqual(failures, 0, "\(failures) of \(Self.cases.count) cases failed")
    }

    /// `quotes: split` cuts inside a quotation; `keep` (the default) does not, and leaves every
    /// other break alone.
    func testQuoteModes() {
        let text = "“Kami siap. Semua sudah dipersiapkan,” ujar Budi. Ia pergi. \"Ini penting. Kami tidak mundur,\" kata Ani."
        XCTAssertEqual(IndonesianSegmenter(quotes: .split).sentences(text),
                       ["“Kami siap.", "Semua sudah dipersiapkan,” ujar Budi.", "Ia pergi.", "\"Ini penting.", "Kami tidak mundur,\" kata Ani."])
        XCTAssertEqual(IndonesianSegmenter(quotes: .keep).sentences(text),
                       ["“Kami siap. Semua sudah dipersiapkan,” ujar Budi.", "Ia pergi.", "\"Ini penting. Kami tidak mundur,\" kata Ani."])
        XCTAssertEqual(IndonesianSegmenter().quotes, QuoteMode.default)
        // A stray straight quote (opening, never closed on the line) keeps every break.
        XCTAssertEqual(IndonesianSegmenter(quotes: .keep).sentences("Ia berkata \"tidak. Semua diam. Rapat bubar."),
                       ["Ia berkata \"tidak.", "Semua diam.", "Rapat bubar."])
        // A mark that closes a quotation is not taken for one that opens the next.
        XCTAssertEqual(IndonesianSegmenter(quotes: .keep).sentences("Ia menyebut \"kami\". Lalu pergi. Ia \"kembali\"."),
                       ["Ia menyebut \"kami\".", "Lalu pergi.", "Ia \"kembali\"."])
    }

    /// The segmenter's trimming: white space plus zero-width space and BOM.
    static let trimSet = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{200B}\u{FEFF}"))

    func testRangesAreCodePointsAndTrimmed() {
        let text = "  Harga naik. “Kami… siap,” katanya.  \n\nSelesai."
        let ranges = IndonesianSegmenter().segment(text)
        let scalars = Array(text.unicodeScalars)
        let pieces = ranges.map { r in String(String.UnicodeScalarView(scalars[r])) }
        XCTAssertEqual(pieces, ["Harga naik.", "“Kami… siap,” katanya.", "Selesai."])
        XCTAssertEqual(ranges.first, 2..<13)
    }

    func testEmptyAndWhitespace() {
        XCTAssertEqual(IndonesianSegmenter().segment(""), [])
        XCTAssertEqual(IndonesianSegmenter().segment(" \n\t \n"), [])
        XCTAssertEqual(IndonesianSegmenter().sentences("x"), ["x"])
    }

    func testConcurrentUse() {
        let text = "Budi tinggal di Jl. Sudirman No. 5. Dia bekerja di DPR. Ia pulang pukul 19.30 WIB."
        let expected = IndonesianSegmenter().sentences(text)
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            for _ in 0..<50 {
                XCTAssertEqual(IndonesianSegmenter().sentences(text), expected)
            }
        }
        XCTAssertEqual(expected.count, 3)
    }
}
