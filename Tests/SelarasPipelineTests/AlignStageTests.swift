import Foundation
import SelarasCore
import XCTest
@testable import SelarasPipeline

/// The `align` stage on article pairs written for the test: X.id.txt with X.en.txt, and a JSON
/// line with text_en.
final class AlignStageTests: XCTestCase {
    func testPairsAreAlignedAndSurePairsExported() throws {
        let ws = try TestWorkspace()
        try ws.write("articles/sidang.id.txt", """
            Presiden Buka Sidang Kabinet

            Presiden Joko Widodo membuka sidang kabinet di Jakarta pada Senin. Rapat membahas anggaran negara 2027 senilai Rp3.600 triliun.

            Menteri Keuangan Sri Mulyani hadir dalam rapat itu.
            """)
        try ws.write("articles/sidang.en.txt", """
            President Opens Cabinet Meeting

            President Joko Widodo opened a cabinet meeting in Jakarta on Monday. The meeting discussed the 2027 state budget worth Rp3,600 trillion.

            Finance Minister Sri Mulyani attended the meeting.
            """)
        try ws.write("articles/lain.jsonl", #"{"id": "j", "text": "Presiden Joko Widodo tiba di Bali.", "text_en": "President Joko Widodo arrived in Bali."}"# + "\n")
        try ws.write("articles/sendiri.txt", "Judul\n\nTanpa edisi bahasa Inggris.\n")
        let url = try ws.write("p.yaml", """
            inputs: [articles]
            resources:
              alignment_dictionary: none.dict
            stages:
              - segment
              - align: {min_confidence: 0.3}
              - write: {formats: [json, tmx]}
            """)
        // A dictionary that is not there is a config error naming the key.
        XCTAssertThrowsError(try ConfigLoader().load(url)) { e in
            XCTAssertTrue("\(e)".contains("alignment_dictionary"), "\(e)")
        }
        try ws.write("p.yaml", """
            inputs: [articles]
            stages:
              - segment
              - align: {min_confidence: 0.3}
              - write: {formats: [json, tmx]}
            """)
        let report = try BatchRunner(config: try ConfigLoader().load(url), options: .init(inputs: nil, jobs: 1, force: false)) { _ in }.run()
        XCTAssertEqual(report.articles.map(\.id).sorted(), ["j", "sendiri", "sidang.id"], "the English file is not an article")
        let doc = try JSONDecoder().decode(Document.self, from: Data(contentsOf: ws.url("out/sidang.id.json")))
        let alignment = try XCTUnwrap(doc[AlignmentLayer.self])
        XCTAssertEqual(alignment.pairs.map(\.segments), [[0], [1], [2], [3]])
        XCTAssertEqual(alignment.pairs[3].english, ["Finance Minister Sri Mulyani attended the meeting."])
        let tmx = try String(contentsOf: ws.url("out/sidang.id.tmx"), encoding: .utf8)
        XCTAssertTrue(tmx.contains("<seg>Finance Minister Sri Mulyani attended the meeting.</seg>"), tmx)
        XCTAssertTrue(tmx.contains(#"<prop type="x-selaras-provenance">aligned</prop>"#))
        let j = try JSONDecoder().decode(Document.self, from: Data(contentsOf: ws.url("out/j.json")))
        XCTAssertEqual(j[AlignmentLayer.self]?.pairs.first?.english, ["President Joko Widodo arrived in Bali."])
        XCTAssertTrue(report.articles.first { $0.id == "sendiri" }!.warnings.contains { $0.contains("no English edition") })
    }
}
