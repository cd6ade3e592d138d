import SelarasCore
import SelarasJSONLines
import SelarasSummary

/// The records of `selaras summarize --jsonl`, after the id: `"indices"` (into the article's
/// segments) and `"summary"` (the sentences as displayed); or, for training a model
/// (`--features`), the feature rows of the candidate sentences with their indices, the feature
/// names, the segments' roles and texts.
public enum SummaryRecord {
    public static func summary(_ segments: [Segment], summarizer: any Summarizer, length: SummaryLength, to out: inout JSONWriter) {
        let candidates = SummaryCandidate.candidates(segments)
        let chosen = summarizer.summarize(candidates, length: length)
        out.key("indices")
        out.beginArray(); for s in chosen { out.int(s.segment) }; out.endArray()
        out.key("summary")
        out.strings(chosen.map { SummaryText.display($0.segment, in: candidates) })
    }

    public static func features(_ segments: [Segment], analyzer: TermAnalyzer, to out: inout JSONWriter) {
        let (indices, rows) = LearnedSummarizer.featureRows(SummaryCandidate.candidates(segments), analyzer: analyzer)
        out.key("features")
        out.beginArray()
        for row in rows { out.beginArray(); for x in row { out.number(x) }; out.endArray() }
        out.endArray()
        out.key("indices")
        out.beginArray(); for i in indices { out.int(i) }; out.endArray()
        out.key("names")
        out.strings(SentenceFeature.allCases.map(\.rawValue))
        out.key("roles")
        out.strings(segments.map(\.role.rawValue))
        out.key("sentences")
        out.strings(segments.map(\.text))
    }
}
