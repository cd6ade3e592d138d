import Foundation
import SelarasCore
import SelarasJSONLines
import SelarasSegmentation
import SelarasSummary

/// What `selaras summarize` does around a summariser, for plain-text articles and `--evaluate`.
public enum SummaryJob {
    /// The segments of a JSON line's text (no headline line); an empty text has none.
    public static func segments(_ text: String, path: String, segmenter: ArticleSegmenter) -> [Segment] {
        guard let article = try? ArticleReader.article(text: text, id: "article", path: path, detectTitle: false) else { return [] }
        return segmenter.segments(of: article)
    }

    /// The summary sentences of a plain-text article file's bytes (first line the headline when a
    /// blank line follows it); throws the reader's diagnostic for text that cannot be read.
    public static func summarize(_ bytes: [UInt8], path: String, summarizer: any Summarizer, length: SummaryLength,
                                 segmenter: ArticleSegmenter) throws -> [String] {
        let text = try ArticleReader.decode(Data(bytes), path: path)
        let article = try ArticleReader.plainText(text, id: "article", path: path, detectTitle: true)
        let candidates = SummaryCandidate.candidates(segmenter.segments(of: article))
        return summarizer.summarize(candidates, length: length).map { SummaryText.display($0.segment, in: candidates) }
    }

    /// `--evaluate`: the ROUGE table lines for IndoSum-style records (`{"text", "summary",
    /// "sentences"?}`) in `data`, and how many lines could not be used (each reported to `bad`).
    public static func evaluate(_ data: [UInt8], path: String, summarizer: any Summarizer, length: SummaryLength,
                                segmenter: ArticleSegmenter, bad: (Diagnostic) -> Void) -> (table: [String], skipped: Int) {
        let schema = JSONRecordSchema(strings: ["text"], stringLists: ["summary", "sentences"], required: ["text", "summary"],
                                      requiresID: false)
        var records: [SummaryEvaluation.Record] = []
        var skipped = 0
        JSONLines.forEach(in: data, schema: schema, source: path) { record in
            records.append(SummaryEvaluation.Record(text: record.string(0) ?? "", reference: (record.strings(0) ?? []).joined(separator: " "),
                                                    sentences: record.strings(1)))
        } bad: { diagnostic in
            bad(diagnostic)
            skipped += 1
        }
        let evaluation = SummaryEvaluation(summarizer: summarizer, length: length) { text in
            SummaryCandidate.candidates(segments(text, path: path, segmenter: segmenter))
        }
        return (evaluation.table(evaluation.evaluate(records), source: path), skipped)
    }

    /// `--jsonl`: summaries (or, with `analyzer`, the feature rows) of `{"id", "text"}` records read
    /// from `fd`, written to `output` in input order; bad lines go to `report`.
    public static func jsonLines(fd: Int32, source: String, output: FileOutput, report: @escaping @Sendable (Diagnostic) -> Void,
                                 summarizer: any Summarizer, length: SummaryLength, analyzer: TermAnalyzer?,
                                 segmenter: ArticleSegmenter) -> JSONLinesJob.Outcome {
        var job = JSONLinesJob(schema: .text)
        // An article is a lot of work per byte: big batches keep both cores busy to the end.
        job.batchBytes = 8 << 20
        return job.run(fd: fd, source: source, output: output, report: report) { record, out in
            let segments = SummaryJob.segments(record.string(0) ?? "", path: source, segmenter: segmenter)
            out.beginRecord(id: record.id)
            if let analyzer {
                SummaryRecord.features(segments, analyzer: analyzer, to: &out)
            } else {
                SummaryRecord.summary(segments, summarizer: summarizer, length: length, to: &out)
            }
            out.endRecord()
        }
    }

    /// Compiles the built-in segmentation rules on another thread, so that this one-time work
    /// overlaps loading the model and reading the input (whoever asks first compiles them).
    public static func warmUp() {
        Thread.detachNewThread {
            _ = IndonesianSegmenter.rules
            _ = NewsFurniture.isFurniture("Baca juga: Foto: (ant)")
        }
    }
}
