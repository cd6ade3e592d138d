import Foundation
import SelarasCore
import SelarasFormats

/// Which units `tm remove` and `tm export --filter` take: every condition must hold.
///
/// A condition is written `FIELD OP VALUE`: `origin=news.tmx` (the file or origin the unit came
/// from), `tuid=17`, `id=42` (the store's id, as `tm concordance` and `tm dedupe` show it),
/// `source~perundingan` / `target~talks` (contains, ignoring case), `date>=2024-01-01` /
/// `date<2025` (the unit's change date, else its creation date, compared as text, so a prefix of a
/// date works), `prop:x-domain=politics` (a TMX property).
public struct TMUnitFilter: Sendable, Hashable {
    public enum Condition: Sendable, Hashable {
        case origin(String), tuid(String), id(Int64)
        case sourceContains(String), targetContains(String)
        case dateAtLeast(String), dateBefore(String)
        case prop(type: String, value: String)
    }

    public var conditions: [Condition]

    public init(_ conditions: [Condition] = []) {
        self.conditions = conditions
    }

    /// Parses conditions as the command line writes them; a bad one is a diagnostic naming it.
    public init(parsing texts: [String]) throws(Diagnostic) {
        conditions = []
        for t in texts {
            func value(after op: String) -> String { String(t[t.range(of: op)!.upperBound...]) }
            if t.hasPrefix("origin=") { conditions.append(.origin(value(after: "="))) }
            else if t.hasPrefix("tuid=") { conditions.append(.tuid(value(after: "="))) }
            else if t.hasPrefix("id="), let n = Int64(value(after: "=")) { conditions.append(.id(n)) }
            else if t.hasPrefix("source~") { conditions.append(.sourceContains(value(after: "~"))) }
            else if t.hasPrefix("target~") { conditions.append(.targetContains(value(after: "~"))) }
            else if t.hasPrefix("date>=") { conditions.append(.dateAtLeast(Self.compact(value(after: ">=")))) }
            else if t.hasPrefix("date<") { conditions.append(.dateBefore(Self.compact(value(after: "<")))) }
            else if t.hasPrefix("prop:"), let eq = t.firstIndex(of: "=") {
                conditions.append(.prop(type: String(t[t.index(t.startIndex, offsetBy: 5)..<eq]), value: String(t[t.index(after: eq)...])))
            } else {
                throw Diagnostic.error(.tmFilter, at: nil, "'\(t)' is not a filter (origin=, tuid=, id=, source~, target~, date>=, date<, prop:TYPE=)")
            }
        }
    }

    /// TMX dates are 20240309T160000Z: a filter's 2024-03-09 compares as 20240309.
    static func compact(_ date: String) -> String { date.filter { $0.isNumber || $0 == "T" } }

    public func matches(id: Int64, _ u: TMUnit) -> Bool {
        conditions.allSatisfy { c in
            switch c {
            case let .origin(o): return u.origin == o || u.props.contains { $0.type == "x-selaras-origin" && $0.value == o }
            case let .tuid(t): return u.tuid == t
            case let .id(n): return id == n
            case let .sourceContains(x): return u.source.range(of: x, options: .caseInsensitive) != nil
            case let .targetContains(x): return u.target.range(of: x, options: .caseInsensitive) != nil
            case let .dateAtLeast(d): return (u.changeDate ?? u.creationDate ?? "") >= d
            case let .dateBefore(d): return !(u.changeDate ?? u.creationDate ?? "").isEmpty && (u.changeDate ?? u.creationDate ?? "") < d
            case let .prop(type, value): return u.props.contains { $0.type == type && $0.value == value }
            }
        }
    }
}

extension Diagnostic.Code {
    /// A `--filter` condition that cannot be read.
    public static let tmFilter: Self = "TM010"
}

extension TMStore {
    /// The ids of the units `filter` takes.
    public func unitIDs(matching filter: TMUnitFilter) throws -> [Int64] {
        var out: [Int64] = []
        try forEachUnit(withID: { id, u in if filter.matches(id: id, u) { out.append(id) } })
        return out
    }

    /// Duplicates and conflicts: `duplicates` are the ids of units repeating an earlier unit's
    /// source and target exactly (the first is kept); `conflicts` the sources stored with more than
    /// one distinct target, with their targets, in the order first seen.
    public func duplicates() throws -> (duplicates: [Int64], conflicts: [(source: String, targets: [String])]) {
        var seen = Set<String>()
        var targets: [String: [String]] = [:]
        var order: [String] = []
        var dup: [Int64] = []
        try forEachUnit(withID: { id, u in
            if !seen.insert(u.source + "\u{0}" + u.target).inserted { dup.append(id); return }
            if targets[u.source] == nil { order.append(u.source) }
            targets[u.source, default: []].append(u.target)
        })
        let conflicts = order.compactMap { s -> (String, [String])? in
            let t = targets[s]!
            return t.count > 1 ? (s, t) : nil
        }
        return (dup, conflicts)
    }
}
