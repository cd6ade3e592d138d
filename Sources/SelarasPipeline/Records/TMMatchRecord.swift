import SelarasCore
import SelarasJSONLines

/// A TM match as `selaras tm lookup --jsonl` writes it, keys sorted: kind, origin, penalties
/// (`[{"points", "reason"}]`), repaired_target?, repairs?, score, source, target.
public enum TMMatchRecord {
    public static func write(_ m: TMMatch, to out: inout JSONWriter) {
        out.beginObject()
        out.key("kind"); out.string(m.kind.rawValue)
        out.key("origin"); out.string(m.origin)
        out.key("penalties")
        out.beginArray()
        for p in m.penalties {
            out.beginObject()
            out.key("points"); out.number(p.points)
            out.key("reason"); out.string(p.reason)
            out.endObject()
        }
        out.endArray()
        if let r = m.repairedTarget { out.key("repaired_target"); out.string(r) }
        if !m.repairs.isEmpty { out.key("repairs"); out.strings(m.repairs) }
        out.key("score"); out.number(m.score)
        out.key("source"); out.string(m.source)
        out.key("target"); out.string(m.target)
        out.endObject()
    }
}
