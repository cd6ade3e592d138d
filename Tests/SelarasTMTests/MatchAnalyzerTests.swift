import XCTest
@testable import SelarasTM

final class MatchAnalyzerTests: XCTestCase {
    func testTokensKeysAndRanges() {
        let a = MatchAnalyzer().analyze("Harga naik 3,5% menjadi Rp2.375.000 (13/2) di Jum'at, anak-anak \u{201C}DPR\u{201D}.")
        XCTAssertEqual(a.folded, ["harga", "naik", "3,5", "%", "menjadi", "rp", "2.375.000", "13/2", "di", "jum'at", "anak-anak", "dpr"])
        let stem = TMStemmer()
        XCTAssertEqual(a.keys, ["harga", "naik", "#", stem.stem("persen"), stem.stem("menjadi"), "rp", "#", "#", "di", "jum'at",
                                stem.stem("anak-anak"), "dpr"])
        XCTAssertEqual(stem.stem("menjadi"), "jadi")
        XCTAssertEqual(a.tokens[6].range, 26..<35)
        XCTAssertEqual(a.punctuation.map(String.init).joined(), "(),\"\".")
        XCTAssertTrue(a.tokens[11].hadUppercase)
        XCTAssertFalse(a.tokens[1].hadUppercase)
    }

    /// The interner's ASCII fast path and the general scanner agree on keys and context keys.
    func testInternerAgreesWithAnalyzer() {
        var samples = [
            "Harga naik 3,5% menjadi Rp2.375.000 (13/2) di Jum'at, anak-anak DPR.",
            "rp2,1 triliun; RP3x; Rp; rp-1; 10.30 WIB; a.b; 1.2.3; -5; 'kutip'; `tick` x--y 3-- --4",
            "",
            "   ",
            "***",
            "Énergie ÉTÉ naïve — «quote» 5 %",
            "COVID-19 G20 5G 2023/2024 1:2:3",
            // Words around the interner's 8, 16 and 24-byte boundaries, and longer ones.
            "abcdefg abcdefgh abcdefghi abcdefghijklmnop abcdefghijklmnopq abcdefghijklmnopqrstuvw abcdefghijklmnopqrstuvwx",
            "abcdefghijklmnopqrstuvwxy ketidakbertanggungjawaban KETIDAKBERTANGGUNGJAWABAN ketidakbertanggungjawaban-nya",
            "pertanggungjawabannya dipertanggungjawabkan Rp12345678901234567890123456 rpabcdefghijklmnopqrstuvwxyz1",
            "ketidakberdayaan-ketidakberdayaan ÉTÉ-ÉTÉ-ÉTÉ-ÉTÉ-ÉTÉ-ÉTÉ naïvenaïvenaïvenaïvenaïve naïve",
        ]
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("aZr p09.,/:-'%`()\"\t;Rp")
        for _ in 0..<2000 {
            samples.append(String((0..<Int.random(in: 0...30, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }))
        }
        // Long runs of letters: words of every length up to 40 bytes, in both cases, many times over.
        let letters = Array("abcdeABCDE")
        for _ in 0..<2000 {
            let words = (0..<Int.random(in: 1...6, using: &rng)).map { _ in
                String((0..<Int.random(in: 1...40, using: &rng)).map { _ in letters.randomElement(using: &rng)! })
            }
            samples.append(words.joined(separator: " "))
        }
        let analyzer = MatchAnalyzer()
        let interner = KeyInterner()
        var terms: [[UInt32]] = []
        for text in samples {
            var ids: [UInt32] = []
            let context = interner.terms(of: text, appendingTo: &ids)
            terms.append(ids)
            let a = analyzer.analyze(text)
            XCTAssertEqual(context, a.contextKey, text)
            XCTAssertEqual(context, MatchAnalyzer.contextKey(text), text)
            // Resolving as it goes and once at the end (below) give the same keys.
            if terms.count % 500 == 0 {
                let (keys, keyOfTerm) = interner.resolve()
                XCTAssertEqual(ids.map { keys[Int(keyOfTerm[Int($0)])] }, a.keys, text)
            }
        }
        let (keys, keyOfTerm) = interner.resolve()
        for (text, ids) in zip(samples, terms) {
            XCTAssertEqual(ids.map { keys[Int(keyOfTerm[Int($0)])] }, analyzer.analyze(text).keys, text)
        }
        // A key given as such resolves to itself; a word to its stem, shared by its other forms.
        let key = interner.term(forKey: "nyata")
        var forms: [UInt32] = []
        interner.terms(of: "menyatakan dinyatakan", appendingTo: &forms)
        let (k2, map) = interner.resolve()
        XCTAssertEqual(k2[Int(map[Int(key)])], "nyata")
        XCTAssertEqual(map[Int(forms[0])], map[Int(forms[1])])
        XCTAssertNotEqual(forms[0], forms[1])
    }

    func testStemsMakeInflectedFormsShareKeys() {
        let a = MatchAnalyzer()
        XCTAssertEqual(a.analyze("Pemerintah menyatakan").keys[1], a.analyze("telah dinyatakan").keys[1])
        XCTAssertNotEqual(a.analyze("Pemerintah menyatakan").folded[1], a.analyze("telah dinyatakan").folded[1])
    }

    func testContextKeyIgnoresCaseAndSpacing() {
        XCTAssertEqual(MatchAnalyzer.contextKey("Presiden  membuka sidang."), MatchAnalyzer.contextKey("presiden membuka sidang"))
        XCTAssertNotEqual(MatchAnalyzer.contextKey("Presiden membuka sidang."), MatchAnalyzer.contextKey("Presiden menutup sidang."))
        XCTAssertNotEqual(MatchAnalyzer.contextKey("***"), MatchAnalyzer.contextKey("---"))
    }
}
