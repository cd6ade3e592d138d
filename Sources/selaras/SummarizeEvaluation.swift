import ArgumentParser
import Foundation
import SelarasCore
import SelarasSegmentation
import SelarasSummary

/// `selaras summarize --evaluate DATA.jsonl`: ROUGE of a summariser against reference summaries,
/// beside the lead baselines, on IndoSum-style JSON lines: `text` (the article, blank lines between
/// paragraphs), `summary` (the reference: a string or a list of sentences) and, optionally,
/// `sentences` (the corpus's own sentence split, which LEAD-3 takes, as the measuring harness does).
/// Scores are per-article F1 averaged over articles, x100.
struct SummarizeEvaluation {
    let summarizer: any Summarizer
    let segmenter: any SentenceSegmenter
    let length: SummaryLength

    /// Prints the table; false when some lines could not be used (reported on stderr).
    func run(path: String) throws -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else {
            Console.error("\(path): cannot read")
            throw ExitCode(ExitStatus.usage)
        }
        var method = RougeAccumulator(), ownLead = RougeAccumulator(), givenLead = RougeAccumulator()
        var bad = 0
        var lineNumber = 0
        let lead = LeadSummarizer()
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            lineNumber += 1
            let line = data[start..<end]
            start = end < data.endIndex ? data.index(after: end) : end
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            guard let object = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] else {
                Console.error("\(path):\(lineNumber): not a JSON object")
                bad += 1
                continue
            }
            guard let text = object["text"] as? String else {
                Console.error("\(path):\(lineNumber): missing \"text\" (a string)")
                bad += 1
                continue
            }
            let reference: String
            if let s = object["summary"] as? String {
                reference = s
            } else if let list = object["summary"] as? [String] {
                reference = list.joined(separator: " ")
            } else {
                Console.error("\(path):\(lineNumber): missing \"summary\" (a string or a list of strings)")
                bad += 1
                continue
            }
            let referenceTokens = Rouge.tokenize(reference)
            let input = (try? SummarizeInput.make(text: text, detectTitle: false, segmenter: segmenter, path: path))
                ?? SummarizeInput.empty
            for (accumulator, s) in [(0, summarizer), (1, lead as any Summarizer)] {
                let chosen = s.summarize(input.candidates, length: length).map { input.displayText($0.segment) }
                let scores = Rouge.score(referenceTokens: referenceTokens, candidateTokens: Rouge.tokenize(chosen.joined(separator: " ")))
                if accumulator == 0 { method.add(scores) } else { ownLead.add(scores) }
            }
            if let given = object["sentences"] as? [String] {
                let candidates = given.map { SummaryCandidate(text: $0) }
                let chosen = lead.summarize(candidates, length: length).map { given[$0.segment] }
                givenLead.add(Rouge.score(referenceTokens: referenceTokens, candidateTokens: Rouge.tokenize(chosen.joined(separator: " "))))
            }
        }
        let out = StandardOutput()
        let lengthText: String
        switch length {
        case let .sentences(n): lengthText = "\(n) sentence\(n == 1 ? "" : "s")"
        case let .ratio(r): lengthText = "ratio \(r)"
        case let .words(w): lengthText = "\(w) words"
        }
        let leadName: String
        if case let .sentences(n) = length { leadName = "LEAD-\(n)" } else { leadName = "LEAD" }
        out.writeLine("\(path): \(method.count) articles, \(lengthText), ROUGE F1 x100 (rouge-score tokenisation, no stemming)")
        out.writeLine(pad("method", 34) + pad("ROUGE-1", 9, right: true) + pad("ROUGE-2", 9, right: true) + pad("ROUGE-L", 9, right: true))
        func row(_ name: String, _ a: RougeAccumulator) {
            out.writeLine(pad(name, 34) + number(a.rouge1) + number(a.rouge2) + number(a.rougeL))
        }
        row(summarizer.name, method)
        row("lead (own segmentation)", ownLead)
        if givenLead.count > 0 {
            row("\(leadName) (given sentences)", givenLead)
            out.writeLine(pad("\(summarizer.name) - \(leadName)", 34) + signed(method.rouge1 - givenLead.rouge1)
                          + signed(method.rouge2 - givenLead.rouge2) + signed(method.rougeL - givenLead.rougeL))
        } else {
            out.writeLine(pad("\(summarizer.name) - lead", 34) + signed(method.rouge1 - ownLead.rouge1)
                          + signed(method.rouge2 - ownLead.rouge2) + signed(method.rougeL - ownLead.rougeL))
        }
        out.flush()
        if bad > 0 { Console.error("\(path): \(bad) line\(bad == 1 ? "" : "s") skipped") }
        return bad == 0
    }

    func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(width - s.count, 0))
        return right ? fill + s : s + fill
    }

    func number(_ x: Double) -> String { pad(String(format: "%.2f", x), 9, right: true) }
    func signed(_ x: Double) -> String { pad(String(format: "%+.2f", x), 9, right: true) }
}
