import Foundation
import XCTest

/// `selaras summarize`: the JSON-lines contract of ARCHITECTURE.md, files, evaluation and usage errors.
final class SummarizeCommandTests: CLITestCase {
    static let story = """
        Jakarta, CNN Indonesia -- Banjir merendam ribuan rumah warga di Jakarta Timur. Hujan deras mengguyur ibu kota sejak Senin malam.

        Baca juga: Banjir Rendam Ribuan Rumah di Jakarta Timur

        Ribuan warga mengungsi ke masjid dan sekolah terdekat.

        "Kami menyiapkan perahu karet," kata Kepala BPBD DKI Jakarta.
        """

    func lines(_ s: String) throws -> [[String: Any]] {
        try s.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    func record(_ id: String, _ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: ["id": id, "text": text])
        return String(decoding: data, as: UTF8.self)
    }

    func testJSONLinesContract() throws {
        let input = [record("a", Self.story), "{not json", record("b", "Satu kalimat saja."), record("c", "  "), #"{"id": "d"}"#]
            .joined(separator: "\n") + "\n"
        let r = try selaras(["summarize", "--jsonl", "--sentences", "3", "--method", "lead"], stdin: input)
        XCTAssertEqual(r.status, 1, "bad lines make the exit status 1")
        XCTAssertTrue(r.stderr.contains("<stdin>:2:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("<stdin>:5:"), r.stderr)
        let out = try lines(r.stdout)
        XCTAssertEqual(out.map { $0["id"] as? String }, ["a", "b", "c"], "good lines in input order")
        // Sentences: 0 dateline + lead, 1 "Hujan...", 2 "Baca juga" (furniture), 3 "Ribuan...", 4 quote.
        XCTAssertEqual(out[0]["indices"] as? [Int], [0, 1, 3])
        XCTAssertEqual(out[0]["summary"] as? [String], [
            "Banjir merendam ribuan rumah warga di Jakarta Timur.",
            "Hujan deras mengguyur ibu kota sejak Senin malam.",
            "Ribuan warga mengungsi ke masjid dan sekolah terdekat.",
        ])
        XCTAssertEqual(out[1]["indices"] as? [Int], [0])
        XCTAssertEqual(out[1]["summary"] as? [String], ["Satu kalimat saja."])
        XCTAssertEqual(out[2]["indices"] as? [Int], [])
    }

    func testEveryMethodKeepsFurnitureOut() throws {
        for method in ["learned", "lexrank", "lead"] {
            let r = try selaras(["summarize", "--jsonl", "--ratio", "1", "--method", method], stdin: record("x", Self.story) + "\n")
            XCTAssertEqual(r.status, 0, r.stderr)
            let out = try lines(r.stdout)
            XCTAssertEqual(out.first?["indices"] as? [Int], [0, 1, 3, 4], method)
            let summary = try XCTUnwrap(out.first?["summary"] as? [String])
            XCTAssertFalse(summary.contains { $0.contains("Baca juga") }, method)
        }
        let r = try selaras(["summarize", "--jsonl"], stdin: record("x", Self.story) + "\n")
        XCTAssertEqual((try lines(r.stdout)).first?["indices"] as? [Int], [0, 1, 3], "default: 3 sentences")
    }

    func testFilesAndHeadline() throws {
        try write("banjir.txt", "Banjir di Jakarta\n\n" + Self.story + "\n")
        try write("sidang.txt", "Presiden membuka sidang kabinet di Jakarta. Rapat berlangsung lama.\n")
        let one = try selaras(["summarize", "banjir.txt", "--sentences", "1", "--method", "lead"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(one.stdout, "Banjir merendam ribuan rumah warga di Jakarta Timur.\n", "the headline is not a summary sentence")
        let two = try selaras(["summarize", "banjir.txt", "missing.txt", "sidang.txt", "--words", "8", "--method", "lead"])
        XCTAssertEqual(two.status, 1)
        XCTAssertTrue(two.stderr.contains("missing.txt"), two.stderr)
        XCTAssertEqual(two.stdout, """
            ==> banjir.txt <==
            Banjir merendam ribuan rumah warga di Jakarta Timur.

            ==> sidang.txt <==
            Presiden membuka sidang kabinet di Jakarta.

            """)
        let stdin = try selaras(["summarize", "--sentences", "1"], stdin: "Presiden membuka sidang kabinet. Rapat berlangsung lama.")
        XCTAssertEqual(stdin.status, 0, stdin.stderr)
        XCTAssertEqual(stdin.stdout.split(separator: "\n").count, 1)
    }

    func testUsageErrors() throws {
        for args in [["--sentences", "2", "--ratio", "0.5"], ["--method", "textrank"], ["--ratio", "1.5"], ["--sentences", "0"],
                     ["--method", "lead", "--weights", "m.json"]] {
            let r = try selaras(["summarize"] + args, stdin: "")
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
        }
        try write("bad-model.json", "{\"format\": \"selaras-summary-model\"}")
        let r = try selaras(["summarize", "--weights", "bad-model.json", "--jsonl"], stdin: "")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("bad-model.json: not a valid summary model"), r.stderr)
    }

    func testEvaluate() throws {
        let sentences = ["Banjir merendam ribuan rumah warga di Jakarta Timur.", "Hujan deras mengguyur ibu kota sejak Senin malam.",
                         "Ribuan warga mengungsi ke masjid dan sekolah terdekat."]
        let rec: [String: Any] = ["id": "1", "text": Self.story, "sentences": sentences,
                                  "summary": ["Banjir merendam ribuan rumah warga di Jakarta Timur.", "Warga mengungsi ke masjid."]]
        let good = String(decoding: try JSONSerialization.data(withJSONObject: rec), as: UTF8.self)
        try write("data.jsonl", good + "\n" + #"{"id": "2", "text": "x"}"# + "\n" + good + "\n")
        let r = try selaras(["summarize", "--evaluate", "data.jsonl", "--method", "lexrank"])
        XCTAssertEqual(r.status, 1, "one line has no summary")
        XCTAssertTrue(r.stderr.contains("data.jsonl:2:1: error[JSONL001]: not a {\"text\", \"summary\"} record: missing \"summary\""), r.stderr)
        XCTAssertTrue(r.stdout.contains("2 articles, 3 sentences"), r.stdout)
        let rows = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(rows.contains { $0.hasPrefix("lexrank ") }, r.stdout)
        XCTAssertTrue(rows.contains { $0.hasPrefix("lead (own segmentation)") }, r.stdout)
        XCTAssertTrue(rows.contains { $0.hasPrefix("LEAD-3 (given sentences)") }, r.stdout)
        // LEAD-3 of the given sentences against this reference, by rouge-score: R-1 P 0.5, R 1.0, F 0.6667.
        let lead = try XCTUnwrap(rows.first { $0.hasPrefix("LEAD-3") }).split(separator: " ").compactMap { Double($0) }
        XCTAssertEqual(lead.first ?? 0, 66.67, accuracy: 0.001)
    }
}
