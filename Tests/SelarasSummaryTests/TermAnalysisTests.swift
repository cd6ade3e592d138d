import Foundation
import XCTest
@testable import SelarasSummary

/// The byte-level machinery of the rankers (`WordTable`, `TermVocabulary`, `TermAnalyzer` on UTF-8,
/// `TermVectors`, `SimilarityMatrix`, PageRank), checked against straightforward reference
/// implementations written here on Unicode scalars, `String` sets and nested arrays: the fast
/// versions must give the same terms, counts and the same floating-point figures, bit for bit.
final class TermAnalysisTests: XCTestCase {
    /// Sentences with the cases the scanner treats specially: joiners between letters and digits,
    /// numbers with separators, curly apostrophes and quotes, capitals, stopwords in capitals,
    /// non-ASCII letters and digits, characters whose lowercase changes length, decomposed
    /// letters, spaces other than U+0020, and text at the very ends.
    static let sentences = [
        "Para pemain Timnas berlatih di Jakarta, masing-masing 2.500 kali pada Jum'at.",
        "\"Kami siap,\" kata Menteri Keuangan Sri Mulyani pada 2017.",
        "“Ini rumah kami,” ujar warga Jum’at (12/5) di RT 03-04, 1,5 km dari pusat kota.",
        "DI JAKARTA, KATA PRESIDEN, HARGA NAIK 5,7 PERSEN.",
        "Café, cafe\u{301} dan CAFÉ di İstanbul; \u{212A}m 12 dan ＫＭ ½ ² Ⅻ 𝟙𝟚.",
        "Tahun '90-an, 3-0, -5, 5-, a-b-c, x'y, don’t ’90 9’s ... 1.000.000,50",
        "  \u{00A0}Kalimat\u{2003}dengan\u{3000}spasi\tlain\u{200B}nya\u{0085}akhir ",
        "«Kutipan» dan ‹lain› serta „Jerman“ – — … © 2024",
        "a",
        "",
        "A1 b2 C3-d4 E5’f6 ١٢٣ ٤ ߁",
    ]

    // MARK: Reference implementations (the scanner as it was written on Unicode scalars)

    struct ReferenceScan: Equatable {
        var terms: [String] = []
        var wordTokens = 0, numberTokens = 0, capitalisedWords = 0
        var attribution = false
    }

    static func referenceScan(_ text: String, stopwords: Set<String> = TermAnalyzer.standard.stopwords,
                              stem: (String) -> String = { $0 }) -> ReferenceScan {
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
        func isLetterOrDigit(_ c: Unicode.Scalar) -> Bool {
            c.value < 0x80 ? (c.properties.isAlphabetic || isDigit(c)) : (c.properties.isAlphabetic || c.properties.numericType == .decimal)
        }
        var out = ReferenceScan()
        let s = Array(text.unicodeScalars)
        var i = 0
        while i < s.count {
            guard isLetterOrDigit(s[i]) else { i += 1; continue }
            let start = i
            var hasLetter = false
            while i < s.count {
                let c = s[i]
                if isLetterOrDigit(c) {
                    if !isDigit(c) { hasLetter = true }
                    i += 1
                } else if i + 1 < s.count, isLetterOrDigit(s[i + 1]),
                          ((c == "-" || c == "'" || c == "’") && (hasLetter || !isDigit(s[i + 1])))
                            || ((c == "." || c == ",") && isDigit(s[i - 1]) && isDigit(s[i + 1])) {
                    i += 1
                } else {
                    break
                }
            }
            let lower = String(String.UnicodeScalarView(s[start..<i])).lowercased()
            if hasLetter {
                out.wordTokens += 1
                if out.wordTokens > 1, s[start].properties.isUppercase { out.capitalisedWords += 1 }
                if SurfaceCues.attributionVerbs.contains(lower) { out.attribution = true }
            } else {
                out.numberTokens += 1
            }
            if i - start >= 2, !stopwords.contains(lower) { out.terms.append(stem(lower)) }
        }
        return out
    }

    static func referenceWordCount(_ text: String) -> Int {
        text.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace })
            .filter { $0.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil } }.count
    }

    // MARK: TermAnalyzer

    func testScanMatchesTheScalarReference() {
        for text in Self.sentences {
            let scan = TermAnalyzer.standard.scan(text)
            let reference = Self.referenceScan(text)
            XCTAssertEqual(TermAnalyzer.standard.terms(text), reference.terms, text)
            XCTAssertEqual(scan.wordTokens, reference.wordTokens, text)
            XCTAssertEqual(scan.numberTokens, reference.numberTokens, text)
            XCTAssertEqual(scan.capitalisedWords, reference.capitalisedWords, text)
            XCTAssertEqual(scan.attribution, reference.attribution, text)
            XCTAssertEqual(scan.words, Self.referenceWordCount(text), text)
            XCTAssertEqual(ArticleAnalysis.wordCount(text), Self.referenceWordCount(text), text)
            XCTAssertEqual(scan.hasQuote, text.unicodeScalars.contains(where: SurfaceCues.isQuote), text)
        }
    }

    func testCaseAndStopwordsFoldOnTheBytes() {
        // "DI" and "Di" are the stopword "di"; "KATA" is the verb of attribution "kata".
        XCTAssertEqual(TermAnalyzer.standard.terms("DI Jakarta Di sana"), ["jakarta", "sana"])
        XCTAssertTrue(TermAnalyzer.standard.scan("\"Cukup,\" KATA dia.").attribution)
        XCTAssertFalse(TermAnalyzer.standard.scan("Katalog baru terbit.").attribution)
        // A custom stopword list; a stopword with a capital never matches a lowercased token.
        let custom = TermAnalyzer(stopwords: ["banjir", "Rumah"])
        XCTAssertEqual(custom.terms("Banjir merendam RUMAH warga"), ["merendam", "rumah", "warga"])
        var changed = custom
        changed.stopwords = ["warga"]
        XCTAssertEqual(changed.terms("Banjir merendam RUMAH warga"), ["banjir", "merendam", "rumah"])
    }

    func testStemmingGoesThroughTheStemOfEachWord() {
        let analyzer = TermAnalyzer(stem: { $0.hasPrefix("mem") ? String($0.dropFirst(3)) : $0 })
        let text = "Membuka buka MEMBUKA pintu"
        XCTAssertEqual(analyzer.terms(text), Self.referenceScan(text, stem: { $0.hasPrefix("mem") ? String($0.dropFirst(3)) : $0 }).terms)
        // One vocabulary: "membuka" and "buka" share the term.
        var vocabulary = TermVocabulary()
        let scan = analyzer.scan(text, into: &vocabulary)
        XCTAssertEqual(scan.termIDs, [0, 0, 0, 1])
        XCTAssertEqual(vocabulary.termCount, 2)
    }

    func testTermIDsFollowFirstOccurrenceAndCanonicalEquivalence() {
        var vocabulary = TermVocabulary()
        let a = TermAnalyzer.standard.scan("Harga beras naik, harga cabai turun.", into: &vocabulary)
        let b = TermAnalyzer.standard.scan("Cabai dan BERAS di pasar \u{D55C}\u{AD6D}.", into: &vocabulary)
        // The same Korean word with its syllables decomposed into jamo (canonically equivalent).
        let c = TermAnalyzer.standard.scan("\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8} murah.", into: &vocabulary)
        XCTAssertEqual(a.termIDs, [0, 1, 2, 0, 3, 4])
        XCTAssertEqual(b.termIDs, [3, 1, 5, 6])
        XCTAssertEqual(c.termIDs, [6, 7], "decomposed Hangul is the same term, as String equality says")
        XCTAssertEqual((0..<8).map { vocabulary.text(ofTerm: Int32($0)) },
                       ["harga", "beras", "naik", "cabai", "turun", "pasar", "\u{D55C}\u{AD6D}", "murah"])
    }

    // MARK: WordTable

    func testWordTableFoldsASCIICaseAndGrows() {
        var table = WordTable(capacity: 4)
        func key(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            var s = s
            s.withUTF8(body)
        }
        let words = (0..<1000).map { "kata\($0)" } + ["é", "É", "jum’at"]
        for (k, w) in words.enumerated() {
            key(w) { XCTAssertEqual(table.insert($0, hash: WordTable.hash($0), value: Int32(k)), k) }
        }
        XCTAssertEqual(table.count, words.count)
        for (k, w) in words.enumerated() {
            key(w.uppercased() == "É" ? w : w.uppercased()) { XCTAssertEqual(table.find($0, hash: WordTable.hash($0)), k, w) }
            key(w) { XCTAssertEqual(table.value(table.find($0, hash: WordTable.hash($0))!), Int32(k)) }
        }
        key("KATA7") { XCTAssertEqual(Array(table.key(table.find($0, hash: WordTable.hash($0))!)), Array("kata7".utf8)) }
        key("kata1000") { XCTAssertNil(table.find($0, hash: WordTable.hash($0))) }
        key("") { XCTAssertNil(table.find($0, hash: WordTable.hash($0))) }
        // Bytes above 0x7F are not folded: "É" is its own key.
        key("É") { XCTAssertEqual(table.find($0, hash: WordTable.hash($0)), 1001) }
    }

    // MARK: Vectors, similarity, PageRank

    /// The analysis as it was computed with String-keyed dictionaries and nested arrays.
    static func referenceSimilarity(_ documents: [[String]]) -> [[Double]] {
        var ids: [String: Int] = [:], df: [Int] = []
        var counted: [[(Int, Int)]] = []
        for doc in documents {
            var ordered: [Int] = []
            for t in doc {
                if let id = ids[t] { ordered.append(id) } else { ids[t] = df.count; ordered.append(df.count); df.append(0) }
            }
            ordered.sort()
            var tf: [(Int, Int)] = []
            for id in ordered {
                if let last = tf.last, last.0 == id { tf[tf.count - 1].1 += 1 } else { tf.append((id, 1)); df[id] += 1 }
            }
            counted.append(tf)
        }
        let n = Double(max(documents.count, 1))
        let idf = df.map { 1 + log(n / Double($0)) }
        let unit: [[(Int, Double)]] = counted.map { tf in
            var v = tf.map { ($0.0, Double($0.1) * idf[$0.0]) }
            let norm = sqrt(v.reduce(0) { $0 + $1.1 * $1.1 })
            if norm > 0 { for k in v.indices { v[k].1 /= norm } }
            return v
        }
        func dot(_ a: [(Int, Double)], _ b: [(Int, Double)]) -> Double {
            var i = 0, j = 0, s = 0.0
            while i < a.count, j < b.count {
                if a[i].0 == b[j].0 { s += a[i].1 * b[j].1; i += 1; j += 1 } else if a[i].0 < b[j].0 { i += 1 } else { j += 1 }
            }
            return s
        }
        return (0..<unit.count).map { i in (0..<unit.count).map { j in i == j ? 0 : dot(unit[i], unit[j]) } }
    }

    static func referencePageRank(_ similarity: [[Double]], damping: Double, teleport: [Double]) -> [Double] {
        let n = similarity.count
        let total = teleport.reduce(0, +)
        let v = teleport.map { $0 / total }
        let rowSums = similarity.map { $0.reduce(0, +) }
        var r = v
        for _ in 0..<100 {
            var next = v.map { (1 - damping) * $0 }
            var dangling = 0.0
            for i in 0..<n {
                if rowSums[i] <= 0 { dangling += r[i]; continue }
                let share = damping * r[i] / rowSums[i]
                for j in 0..<n where similarity[i][j] > 0 { next[j] += share * similarity[i][j] }
            }
            if dangling > 0 { for j in 0..<n { next[j] += damping * dangling * v[j] } }
            var change = 0.0
            for j in 0..<n { change += abs(next[j] - r[j]) }
            r = next
            if change < 1e-7 { break }
        }
        return r
    }

    func testSimilarityAndPageRankAreExactlyTheReference() {
        let candidates = SummarizerTests.flood + [
            SummaryCandidate(text: "Sebuah kalimat tanpa kata yang sama sekali."),  // no similar sentence: a dangling node
            SummaryCandidate(text: "Banjir, banjir, dan banjir lagi di Jakarta Timur."),
        ]
        let a = ArticleAnalysis(candidates)
        let n = a.count
        // The headline is a document too (for idf); it comes last.
        let documents = (0..<n).map { a.terms($0) } + [TermAnalyzer.standard.terms(candidates[0].text)]
        let reference = Self.referenceSimilarity(documents)
        XCTAssertEqual(a.similarity.count, n)
        for i in 0..<n {
            XCTAssertEqual(a.similarity.row(i), Array(reference[i][0..<n]), "row \(i)")
            XCTAssertEqual(a.headlineSimilarity[i], reference[i][n], "headline, row \(i)")
        }
        XCTAssertEqual(a.similarity.rowSums(), (0..<n).map { reference[$0][0..<n].reduce(0, +) })
        let teleport = (0..<n).map { 1 / pow(Double($0 + 1), 1.5) }
        let rank = a.pageRank(damping: 0.85, teleport: teleport)
        XCTAssertEqual(rank, Self.referencePageRank((0..<n).map { Array(reference[$0][0..<n]) }, damping: 0.85, teleport: teleport))
        XCTAssertEqual(rank.reduce(0, +), 1, accuracy: 1e-9)
        XCTAssertEqual(a.words, (0..<a.count).map { ArticleAnalysis.wordCount(a.texts[$0]) })
    }

    func testHeadlineTermsComeAfterTheSentencesTerms() {
        let candidates = [SummaryCandidate(text: "Gempa Guncang Lombok", rankable: false, isHeadline: true),
                          SummaryCandidate(text: "Warga mengungsi setelah gempa."),
                          SummaryCandidate(text: "Lombok berduka.")]
        let a = ArticleAnalysis(candidates)
        XCTAssertEqual(a.terms(0), ["warga", "mengungsi", "gempa"])
        XCTAssertEqual(a.terms(1), ["lombok", "berduka"])
        XCTAssertEqual(a.vocabulary.text(ofTerm: 5), "guncang", "headline-only terms are numbered last")
        XCTAssertGreaterThan(a.headlineSimilarity[0], 0)
        XCTAssertGreaterThan(a.headlineSimilarity[1], 0)
    }

    func testSimilarityMatrix() {
        var m = SimilarityMatrix(count: 3)
        m[0, 2] = 0.5
        m[2, 0] = 0.25
        XCTAssertEqual(m.row(0), [0, 0, 0.5])
        XCTAssertEqual(m.rowSums(), [0.5, 0, 0.25])
        XCTAssertEqual(SimilarityMatrix(rows: [[0, 1], [2, 0]])[1, 0], 2)
    }
}
