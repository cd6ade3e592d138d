import Foundation
import SelarasCore

/// ROUGE of a summariser against reference summaries, beside the lead baselines, over a corpus of
/// IndoSum-style records: the article's text, the reference summary, and optionally the corpus's own
/// sentence split (which LEAD-N takes, as the measuring harness does). Scores are per-article F1
/// averaged over articles (`RougeAccumulator`, rouge-score's tokenisation, no stemming).
public struct SummaryEvaluation: Sendable {
    /// One article of the corpus.
    public struct Record: Sendable {
        public var text: String
        public var reference: String
        /// The corpus's own sentences, when it gives them.
        public var sentences: [String]?

        public init(text: String, reference: String, sentences: [String]? = nil) {
            self.text = text
            self.reference = reference
            self.sentences = sentences
        }
    }

    /// The accumulated scores.
    public struct Result: Sendable {
        public var method = RougeAccumulator()
        /// LEAD-N on Selaras's own segmentation.
        public var ownLead = RougeAccumulator()
        /// LEAD-N on the corpus's sentences (articles that give them).
        public var givenLead = RougeAccumulator()
    }

    public let summarizer: any Summarizer
    public let length: SummaryLength
    /// The candidates of an article's text (the caller's segmentation).
    public let candidates: @Sendable (String) -> [SummaryCandidate]

    public init(summarizer: any Summarizer, length: SummaryLength, candidates: @escaping @Sendable (String) -> [SummaryCandidate]) {
        self.summarizer = summarizer
        self.length = length
        self.candidates = candidates
    }

    /// Scores every record (in parallel).
    public func evaluate(_ records: [Record]) -> Result {
        let lead = LeadSummarizer()
        let rows = Parallel.map(records) { record -> (Rouge.Scores, Rouge.Scores, Rouge.Scores?) in
            let reference = Rouge.tokenize(record.reference)
            let candidates = self.candidates(record.text)
            func score(_ s: any Summarizer) -> Rouge.Scores {
                let chosen = s.summarize(candidates, length: length).map { SummaryText.display($0.segment, in: candidates) }
                return Rouge.score(referenceTokens: reference, candidateTokens: Rouge.tokenize(chosen.joined(separator: " ")))
            }
            var given: Rouge.Scores?
            if let sentences = record.sentences {
                let chosen = lead.summarize(sentences.map { SummaryCandidate(text: $0) }, length: length).map { sentences[$0.segment] }
                given = Rouge.score(referenceTokens: reference, candidateTokens: Rouge.tokenize(chosen.joined(separator: " ")))
            }
            return (score(summarizer), score(lead), given)
        }
        var result = Result()
        for (m, l, g) in rows {
            result.method.add(m)
            result.ownLead.add(l)
            if let g { result.givenLead.add(g) }
        }
        return result
    }

    /// The printed table: a heading line, the method, the lead baselines and the difference.
    public func table(_ result: Result, source: String) -> [String] {
        let lengthText: String
        switch length {
        case let .sentences(n): lengthText = "\(n) sentence\(n == 1 ? "" : "s")"
        case let .ratio(r): lengthText = "ratio \(r)"
        case let .words(w): lengthText = "\(w) words"
        }
        let leadName: String
        if case let .sentences(n) = length { leadName = "LEAD-\(n)" } else { leadName = "LEAD" }
        func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(width - s.count, 0))
            return right ? fill + s : s + fill
        }
        func number(_ x: Double, signed: Bool = false) -> String {
            pad(String(format: signed ? "%+.2f" : "%.2f", x), 9, right: true)
        }
        func row(_ name: String, _ a: RougeAccumulator) -> String {
            pad(name, 34) + number(a.rouge1) + number(a.rouge2) + number(a.rougeL)
        }
        var lines = ["\(source): \(result.method.count) articles, \(lengthText), ROUGE F1 x100 (rouge-score tokenisation, no stemming)",
                     pad("method", 34) + pad("ROUGE-1", 9, right: true) + pad("ROUGE-2", 9, right: true) + pad("ROUGE-L", 9, right: true),
                     row(summarizer.name, result.method), row("lead (own segmentation)", result.ownLead)]
        let baseline = result.givenLead.count > 0 ? result.givenLead : result.ownLead
        let baselineName = result.givenLead.count > 0 ? leadName : "lead"
        if result.givenLead.count > 0 { lines.append(row("\(leadName) (given sentences)", result.givenLead)) }
        lines.append(pad("\(summarizer.name) - \(baselineName)", 34) + number(result.method.rouge1 - baseline.rouge1, signed: true)
                     + number(result.method.rouge2 - baseline.rouge2, signed: true)
                     + number(result.method.rougeL - baseline.rougeL, signed: true))
        return lines
    }
}
