import XCTest
@testable import SelarasSummary

/// Expected values computed with Google's rouge-score 0.1.2 (`RougeScorer(['rouge1', 'rouge2',
/// 'rougeL'], use_stemmer=False).score(reference, candidate)`), the scorer of the measuring harness.
final class RougeTests: XCTestCase {
    struct Case {
        var reference: String
        var candidate: String
        /// (precision, recall, F1) for ROUGE-1, ROUGE-2, ROUGE-L.
        var r1: (Double, Double, Double)
        var r2: (Double, Double, Double)
        var rl: (Double, Double, Double)
    }

    static let cases: [Case] = [
        Case(reference: "Presiden Joko Widodo meresmikan jalan tol Trans-Jawa di Semarang, Senin (27/3).",
             candidate: "Joko Widodo meresmikan tol Trans-Jawa pada Senin (27/3) di Semarang.",
             r1: (0.9166666666666666, 0.8461538461538461, 0.8799999999999999),
             r2: (0.6363636363636364, 0.5833333333333334, 0.6086956521739131),
             rl: (0.75, 0.6923076923076923, 0.7199999999999999)),
        Case(reference: "the cat sat on the mat the cat", candidate: "the cat the cat sat",
             r1: (1.0, 0.625, 0.7692307692307693),
             r2: (0.75, 0.42857142857142855, 0.5454545454545454),
             rl: (0.8, 0.5, 0.6153846153846154)),
        Case(reference: "Harga naik 5,7 persen; inflasi 3.000 poin!", candidate: "harga NAIK 5 7 persen inflasi",
             r1: (1.0, 0.6666666666666666, 0.8),
             r2: (1.0, 0.625, 0.7692307692307693),
             rl: (1.0, 0.6666666666666666, 0.8)),
        Case(reference: "Café résumé naïve Zürich", candidate: "caf r sum na ve z rich",
             r1: (1, 1, 1), r2: (1, 1, 1), rl: (1, 1, 1)),
        Case(reference: "satu dua tiga", candidate: "", r1: (0, 0, 0), r2: (0, 0, 0), rl: (0, 0, 0)),
        Case(reference: "", candidate: "satu dua", r1: (0, 0, 0), r2: (0, 0, 0), rl: (0, 0, 0)),
        Case(reference: "“Kami siap,” kata Menteri Keuangan Sri Mulyani di Jakarta.",
             candidate: "Menteri Keuangan Sri Mulyani mengatakan pemerintah siap.",
             r1: (0.7142857142857143, 0.5555555555555556, 0.6250000000000001),
             r2: (0.5, 0.375, 0.42857142857142855),
             rl: (0.5714285714285714, 0.4444444444444444, 0.5)),
    ]

    func testMatchesRougeScore() {
        for c in Self.cases {
            let s = Rouge.score(reference: c.reference, candidate: c.candidate)
            for (name, got, want) in [("R-1", s.rouge1, c.r1), ("R-2", s.rouge2, c.r2), ("R-L", s.rougeL, c.rl)] {
                XCTAssertEqual(got.precision, want.0, accuracy: 1e-12, "\(name) P of \(c.candidate)")
                XCTAssertEqual(got.recall, want.1, accuracy: 1e-12, "\(name) R of \(c.candidate)")
                XCTAssertEqual(got.f1, want.2, accuracy: 1e-12, "\(name) F of \(c.candidate)")
            }
        }
    }

    func testTokenisationFollowsRougeScore() {
        XCTAssertEqual(Rouge.tokenize("Jakarta, CNN Indonesia -- Senin (27/3/2017)."), ["jakarta", "cnn", "indonesia", "senin", "27", "3", "2017"])
        XCTAssertEqual(Rouge.tokenize("masing-masing Jum'at"), ["masing", "masing", "jum", "at"])
        XCTAssertEqual(Rouge.tokenize("Zürich"), ["z", "rich"])
        XCTAssertEqual(Rouge.tokenize("  \n "), [])
    }

    func testIdenticalTextScoresOne() {
        let s = Rouge.score(reference: "Banjir melanda Jakarta.", candidate: "banjir MELANDA jakarta")
        XCTAssertEqual(s.rouge1.f1, 1)
        XCTAssertEqual(s.rouge2.f1, 1)
        XCTAssertEqual(s.rougeL.f1, 1)
    }

    func testAccumulatorAveragesPerArticle() {
        var acc = RougeAccumulator()
        acc.add(Rouge.score(reference: "a b", candidate: "a b"))
        acc.add(Rouge.score(reference: "a b", candidate: "c d"))
        XCTAssertEqual(acc.count, 2)
        XCTAssertEqual(acc.rouge1, 50, accuracy: 1e-9)
        XCTAssertEqual(acc.rougeL, 50, accuracy: 1e-9)
        XCTAssertEqual(RougeAccumulator().rouge1, 0)
    }
}
