import SelarasGlossary
import SelarasJSONLines

/// A segment's terminology check as `selaras glossary check --jsonl` writes it, keys sorted: file,
/// id, line, problems (`[{"found"?, "kind", "term", "text", "translations"}]`), terms, untranslated.
public enum TerminologyRecord {
    public static func line(file: String, segment: BilingualSegment, report: TerminologyChecker.Report) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.key("file"); json.string(file)
        json.key("id"); json.string(segment.id)
        json.key("line"); json.int(segment.line)
        json.key("problems")
        json.beginArray()
        for f in report.findings {
            json.beginObject()
            if let found = f.found { json.key("found"); json.string(found) }
            json.key("kind"); json.string(f.kind.rawValue)
            json.key("term"); json.string(f.term)
            json.key("text"); json.string(f.sourceText)
            json.key("translations"); json.strings(f.translations)
            json.endObject()
        }
        json.endArray()
        json.key("terms"); json.strings(report.hits.map(\.term))
        json.key("untranslated"); json.bool(report.untranslated)
        json.endRecord()
        return json.bytes
    }
}
