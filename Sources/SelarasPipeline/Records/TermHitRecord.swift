import SelarasCore
import SelarasJSONLines

/// Glossary hits as `selaras glossary match --jsonl` writes them: `"terms": [{"end", "kind",
/// "start", "term", "text", "translations"}]` (offsets in code points).
public enum TermHitRecord {
    public static func write(_ hits: [TermHit], to json: inout JSONWriter) {
        json.key("terms")
        json.beginArray()
        for h in hits {
            json.beginObject()
            json.key("end"); json.int(h.end)
            json.key("kind"); json.string(h.kind.rawValue)
            json.key("start"); json.int(h.start)
            json.key("term"); json.string(h.term)
            json.key("text"); json.string(h.text)
            json.key("translations"); json.strings(h.translations)
            json.endObject()
        }
        json.endArray()
    }
}
