import SelarasCore
import XCTest
@testable import SelarasSummary

/// Small articles written for these tests; each summariser of the registry must keep the contract.
final class SummarizerTests: XCTestCase {
    /// A flood story: headline, dateline, body sentences, a "Baca juga" line that repeats the lead's
    /// words (so it would rank high if furniture were ranked), and a photo credit.
    static let flood: [SummaryCandidate] = [
        SummaryCandidate(text: "Banjir Rendam Ribuan Rumah di Jakarta Timur", rankable: false, paragraph: 0, isHeadline: true),
        SummaryCandidate(text: "Jakarta, CNN Indonesia -- Banjir merendam ribuan rumah warga di Jakarta Timur setelah hujan deras mengguyur ibu kota sejak Senin malam.", paragraph: 1),
        SummaryCandidate(text: "Badan Penanggulangan Bencana Daerah mencatat ketinggian air mencapai dua meter di sejumlah permukiman.", paragraph: 1),
        SummaryCandidate(text: "Baca juga: Banjir Rendam Ribuan Rumah Warga di Jakarta Timur", rankable: false, paragraph: 2),
        SummaryCandidate(text: "Ribuan warga mengungsi ke masjid dan sekolah terdekat karena rumah mereka terendam banjir.", paragraph: 3),
        SummaryCandidate(text: "\"Kami sudah menyiapkan perahu karet dan dapur umum bagi warga,\" kata Kepala BPBD DKI Jakarta.", paragraph: 4),
        SummaryCandidate(text: "Gubernur meminta warga Jakarta tetap waspada karena hujan deras diperkirakan turun hingga akhir pekan.", paragraph: 5),
        SummaryCandidate(text: "Sementara itu, harga cabai di pasar tradisional naik tipis.", paragraph: 6),
        SummaryCandidate(text: "Foto: Dokumentasi BPBD DKI Jakarta, banjir di Jakarta Timur", rankable: false, paragraph: 7),
    ]
    static let rankable = [1, 2, 4, 5, 6, 7]

    static var all: [any Summarizer] {
        SummarizerRegistry.names.map { name in
            guard let s = SummarizerRegistry.summarizer(named: name) else { fatalError("registry cannot make \(name)") }
            return s
        }
    }

    func testRegistry() throws {
        XCTAssertEqual(SummarizerRegistry.names, ["learned", "lexrank", "lead"])
        XCTAssertTrue(SummarizerRegistry.names.contains(SummarizerRegistry.defaultName))
        XCTAssertEqual(SummarizerRegistry.summarizer(named: "lexrank")?.name, "lexrank")
        XCTAssertNil(SummarizerRegistry.summarizer(named: "textrank"))
        XCTAssertThrowsError(try SummarizerRegistry.make(named: "nope")) { error in
            XCTAssertTrue("\(error)".contains("unknown summary method 'nope'"))
        }
    }

    func testContractOnEveryMethod() {
        for s in Self.all {
            let picked = s.summarize(Self.flood, length: .sentences(3))
            let indices = picked.map(\.segment)
            XCTAssertEqual(indices.count, 3, s.name)
            XCTAssertEqual(indices, indices.sorted(), "\(s.name): document order")
            XCTAssertEqual(Set(indices).count, indices.count, "\(s.name): no repeats")
            XCTAssertTrue(indices.allSatisfy { Self.rankable.contains($0) }, "\(s.name): only rankable sentences, got \(indices)")
            XCTAssertTrue(picked.allSatisfy { $0.score.isFinite }, s.name)
        }
    }

    func testFurnitureAndHeadlineNeverChosen() {
        for s in Self.all {
            for length in [SummaryLength.sentences(100), .ratio(1), .words(10_000)] {
                XCTAssertEqual(s.summarize(Self.flood, length: length).map(\.segment), Self.rankable, "\(s.name) \(length)")
            }
        }
    }

    func testEmptyAndTinyArticles() {
        let onlyFurniture = [SummaryCandidate(text: "Baca juga: Banjir di Jakarta", rankable: false),
                             SummaryCandidate(text: "Judul", rankable: false, isHeadline: true)]
        let one = [SummaryCandidate(text: "Judul Berita", rankable: false, isHeadline: true),
                   SummaryCandidate(text: "Presiden membuka sidang kabinet di Jakarta.")]
        let blank = [SummaryCandidate(text: "...."), SummaryCandidate(text: "   ")]
        for s in Self.all {
            XCTAssertEqual(s.summarize([], length: .sentences(3)), [], s.name)
            XCTAssertEqual(s.summarize(onlyFurniture, length: .sentences(3)), [], s.name)
            XCTAssertEqual(s.summarize(one, length: .sentences(3)).map(\.segment), [1], s.name)
            XCTAssertEqual(s.summarize(one, length: .ratio(0.1)).map(\.segment), [1], s.name)
            XCTAssertEqual(s.summarize(one, length: .words(2)).map(\.segment), [1], "\(s.name): the best sentence even over budget")
            XCTAssertEqual(s.summarize(blank, length: .sentences(1)).count, 1, "\(s.name): sentences without terms still rank")
        }
    }

    func testLengthBySentencesRatioAndWords() {
        for s in Self.all {
            XCTAssertEqual(s.summarize(Self.flood, length: .sentences(1)).count, 1, s.name)
            XCTAssertEqual(s.summarize(Self.flood, length: .ratio(0.5)).count, 3, s.name)
            XCTAssertEqual(s.summarize(Self.flood, length: .ratio(0.01)).count, 1, s.name)
            for budget in [25, 40, 60] {
                let picked = s.summarize(Self.flood, length: .words(budget))
                let words = picked.map { ArticleAnalysis.wordCount(NewsDateline.stripped(Self.flood[$0.segment].text)) }.reduce(0, +)
                XCTAssertFalse(picked.isEmpty, s.name)
                XCTAssertLessThanOrEqual(words, budget, "\(s.name) words(\(budget)): \(picked.map(\.segment))")
            }
        }
        XCTAssertEqual(SummaryLength.sentences(0).sentenceCount(of: 5), 0)
        XCTAssertEqual(SummaryLength.ratio(0.34).sentenceCount(of: 9), 3)
    }

    func testLeadTakesTheFirstRankableSentences() {
        XCTAssertEqual(LeadSummarizer().summarize(Self.flood, length: .sentences(3)).map(\.segment), [1, 2, 4])
        // 18 words in the lead without its dateline, 13 in the next: 31 fits, 18 + 13 + 14 does not.
        XCTAssertEqual(LeadSummarizer().summarize(Self.flood, length: .words(31)).map(\.segment), [1, 2])
    }

    /// Sentence 0 shares nothing with the rest; sentence 4 shares terms with every other one.
    static let centralLast: [SummaryCandidate] = [
        "Musim hujan tahun ini datang lebih awal dari perkiraan.",
        "Petani padi di Karawang mulai menanam bibit unggul.",
        "Bibit unggul padi dibagikan dinas pertanian kepada petani.",
        "Dinas pertanian Karawang menargetkan panen padi meningkat.",
        "Petani Karawang menerima bibit unggul padi dari dinas pertanian untuk meningkatkan panen.",
    ].map { SummaryCandidate(text: $0) }

    func testPositionPrior() {
        var plain = SummaryOptions()
        plain.positionExponent = 0
        plain.positionWeight = 0
        XCTAssertEqual(LexRankSummarizer(options: plain).summarize(Self.centralLast, length: .sentences(1)).map(\.segment), [4],
                       "plain LexRank takes the most central sentence")
        XCTAssertEqual(LexRankSummarizer().summarize(Self.centralLast, length: .sentences(1)).map(\.segment), [0],
                       "the position prior favours the opening sentence")
    }

    func testRedundancyControl() {
        let twins: [SummaryCandidate] = [
            "Presiden Joko Widodo meresmikan jalan tol Semarang Solo pada Senin pagi.",
            "Jalan tol Semarang Solo diresmikan Presiden Joko Widodo pada Senin pagi.",
            "Pengguna jalan mendapat potongan tarif selama dua minggu pertama.",
            "Kementerian memperkirakan waktu tempuh berkurang satu jam.",
        ].map { SummaryCandidate(text: $0) }
        var noControl = SummaryOptions()
        noControl.redundancy = 0
        XCTAssertEqual(LexRankSummarizer(options: noControl).summarize(twins, length: .sentences(2)).map(\.segment), [0, 1])
        var control = SummaryOptions()
        control.redundancy = 1
        let picked = LexRankSummarizer(options: control).summarize(twins, length: .sentences(2)).map(\.segment)
        XCTAssertEqual(picked.count, 2)
        XCTAssertEqual(picked.first, 0)
        XCTAssertFalse(picked.contains(1), "the near-duplicate of the first sentence is left out: \(picked)")
    }

    func testSelectorMMR() {
        let similarity = SimilarityMatrix(rows: [[0, 0.95, 0.1], [0.95, 0, 0.1], [0.1, 0.1, 0]])
        XCTAssertEqual(SentenceSelector(redundancy: 0).select(scores: [1, 0.9, 0.5], similarity: similarity, words: [5, 5, 5],
                                                              length: .sentences(2)), [0, 1])
        XCTAssertEqual(SentenceSelector(redundancy: 0.5).select(scores: [1, 0.9, 0.5], similarity: similarity, words: [5, 5, 5],
                                                                length: .sentences(2)), [0, 2])
        // Ties go to the earlier sentence; the result is in document order.
        XCTAssertEqual(SentenceSelector(redundancy: 0).select(scores: [0.5, 1, 0.5], similarity: similarity, words: [5, 5, 5],
                                                              length: .sentences(2)), [0, 1])
        // A sentence that would overrun the word budget is skipped for a shorter one further down.
        XCTAssertEqual(SentenceSelector(redundancy: 0).select(scores: [1, 0.9, 0.5], similarity: similarity, words: [5, 20, 5],
                                                              length: .words(12)), [0, 2])
        XCTAssertEqual(SentenceSelector(redundancy: 0, lengthExponent: 1).select(scores: [1, 0.9, 0.5], similarity: similarity,
                                                                               words: [5, 20, 5], length: .sentences(1)), [1])
    }

    func testGlossaryAndHeadlineBoosts() {
        var sentences = Self.centralLast
        sentences[3].glossaryTerms = 4
        var boosted = SummaryOptions()
        boosted.glossaryBoost = 50
        XCTAssertEqual(LexRankSummarizer(options: boosted).summarize(sentences, length: .sentences(1)).map(\.segment), [3])
        var off = SummaryOptions()
        off.glossaryBoost = 0
        XCTAssertEqual(LexRankSummarizer(options: off).summarize(sentences, length: .sentences(1)).map(\.segment), [0])

        var withHeadline = [SummaryCandidate(text: "Dinas Pertanian Bagikan Bibit Unggul", rankable: false, isHeadline: true)] + Self.centralLast
        withHeadline[1] = SummaryCandidate(text: "Musim hujan datang lebih awal.")
        let a = ArticleAnalysis(withHeadline)
        XCTAssertEqual(a.headlineSimilarity[0], 0)
        XCTAssertGreaterThan(a.headlineSimilarity[2], 0.2)
    }

    func testDatelineIsNotPartOfTheAnalysedText() {
        let a = ArticleAnalysis(Self.flood)
        XCTAssertTrue(a.texts[0].hasPrefix("Banjir merendam"))
        XCTAssertFalse(a.terms(0).contains("cnn"))
        XCTAssertEqual(a.rankable, Self.rankable)
    }

    func testTermAnalyzer() {
        let terms = TermAnalyzer.standard.terms("Para pemain Timnas berlatih di Jakarta, masing-masing 2.500 kali pada Jum'at.")
        XCTAssertTrue(terms.contains("pemain"))
        XCTAssertTrue(terms.contains("timnas"))
        XCTAssertTrue(terms.contains("masing-masing"))
        XCTAssertTrue(terms.contains("2.500"))
        XCTAssertTrue(terms.contains("jum'at"))
        XCTAssertFalse(terms.contains("di"), "stopword")
        XCTAssertFalse(terms.contains("pada"), "stopword")
        let scan = TermAnalyzer.standard.scan("\"Kami siap,\" kata Menteri Keuangan Sri Mulyani pada 2017.")
        XCTAssertTrue(scan.attribution)
        XCTAssertEqual(scan.numberTokens, 1)
        XCTAssertEqual(scan.capitalisedWords, 4)
        XCTAssertEqual(TermAnalyzer.forStemming(false).terms("Pemerintah membeli beras"), ["pemerintah", "membeli", "beras"])
        XCTAssertNotEqual(TermAnalyzer.forStemming(true).terms("membeli"), ["membeli"], "IndonesianStemmer strips the prefix")
        var stemming = SummaryOptions()
        stemming.stemming = true
        XCTAssertNotEqual(LexRankSummarizer(options: stemming).analyzer.terms("membeli"), ["membeli"])
        XCTAssertEqual(LexRankSummarizer().analyzer.terms("membeli"), ["membeli"])
        let stemmed = TermAnalyzer(stem: { $0.hasPrefix("mem") ? String($0.dropFirst(3)) : $0 }).terms("membuka")
        XCTAssertEqual(stemmed, ["buka"])
    }
}
