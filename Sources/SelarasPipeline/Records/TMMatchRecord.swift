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

    /// The matches as `selaras tm lookup` prints them for a person: score, kind and origin, then
    /// source, target, repaired target, repairs and penalties.
    public static func text(_ matches: [TMMatch], threshold: Double) -> [String] {
        if matches.isEmpty { return ["no match at or above \(Int(threshold))"] }
        func points(_ p: Double) -> String { p == p.rounded() ? String(Int(p)) : String(p) }
        var out: [String] = []
        for m in matches {
            out.append("\(Int(m.score))  \(m.kind.rawValue)  \(m.origin)")
            out.append("  source: \(m.source)")
            out.append("  target: \(m.target)")
            if let r = m.repairedTarget { out.append("  repaired: \(r)") }
            for r in m.repairs { out.append("    repair: \(r)") }
            for p in m.penalties { out.append("    -\(points(p.points)): \(p.reason)") }
        }
        return out
    }
}
