import SelarasCore
import SelarasFormats
import Foundation

/// The parts of a `TMUnit` the store keeps in one column: props, notes, other attributes and the
/// variants' markup, props, notes and attributes. A compact record format (ASCII separators, which
/// XML text can never contain) instead of JSON, because it is written for every imported unit.
enum UnitExtras {
    private static let record: UInt8 = 0x1E
    private static let field: UInt8 = 0x1F
    private static let sub: UInt8 = 0x1D

    /// nil when the unit carries nothing beyond its texts, languages, tuid and dates.
    static func encode(_ u: TMUnit) -> Data? {
        var out: [UInt8] = []
        let any = append(props: u.props, notes: u.notes, attributes: u.attributes, source: u.sourceVariant, target: u.targetVariant, to: &out)
        return any ? Data(out) : nil
    }

    /// Appends the record of these parts of a unit to `out`; false, appending nothing, when there
    /// are none.
    static func append(props: [TMUnit.Prop], notes: [String], attributes: [TMAttribute], source: TMUnit.Variant,
                       target: TMUnit.Variant, to out: inout [UInt8]) -> Bool {
        if props.isEmpty && notes.isEmpty && attributes.isEmpty && source.isEmpty && target.isEmpty { return false }
        let start = out.count
        func put(_ tag: StaticString, _ fields: String...) {
            if out.count > start { out.append(record) }
            tag.withUTF8Buffer { out.append(contentsOf: $0) }
            for f in fields {
                out.append(field)
                appendClean(f, to: &out)
            }
        }
        func variant(_ p: Bool, _ v: TMUnit.Variant) {
            for x in v.props { put(p ? "sp" : "tp", x.type, x.value) }
            for x in v.notes { put(p ? "sn" : "tn", x) }
            for x in v.attributes { put(p ? "sa" : "ta", x.name, x.value) }
            for m in v.markup {
                put(p ? "sm" : "tm", m.kind.rawValue, String(m.offset))
                // The code's attributes as one field: name and value pairs, each part ended by SUB.
                out.append(field)
                for a in m.attributes {
                    appendClean(a.name, to: &out); out.append(sub)
                    appendClean(a.value, to: &out); out.append(sub)
                }
                out.append(field)
                appendClean(m.content, to: &out)
            }
        }
        for x in props { put("p", x.type, x.value) }
        for x in notes { put("n", x) }
        for x in attributes { put("a", x.name, x.value) }
        variant(true, source)
        variant(false, target)
        return true
    }

    /// Appends `s` without the separator characters (which XML forbids anyway).
    private static func appendClean(_ s: String, to out: inout [UInt8]) {
        for b in s.utf8 where b != record && b != field && b != sub { out.append(b) }
    }

    static func decode(_ data: Data, into u: inout TMUnit) {
        let bytes = [UInt8](data)
        for rec in bytes.split(separator: record, omittingEmptySubsequences: true) {
            let parts = rec.split(separator: field, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard let tag = parts.first else { continue }
            let f = Array(parts.dropFirst())
            func at(_ i: Int) -> String { i < f.count ? f[i] : "" }
            switch tag {
            case "p": u.props.append(.init(type: at(0), value: at(1)))
            case "n": u.notes.append(at(0))
            case "a": u.attributes.append(TMAttribute(name: at(0), value: at(1)))
            default:
                guard tag.count == 2 else { continue }
                var v = tag.hasPrefix("s") ? u.sourceVariant : u.targetVariant
                switch tag.dropFirst() {
                case "p": v.props.append(.init(type: at(0), value: at(1)))
                case "n": v.notes.append(at(0))
                case "a": v.attributes.append(TMAttribute(name: at(0), value: at(1)))
                case "m":
                    guard let kind = TMInline.Kind(rawValue: at(0)), let offset = Int(at(1)) else { break }
                    var a = at(2).split(separator: "\u{1D}", omittingEmptySubsequences: false).map(String.init)
                    if a.last == "" { a.removeLast() }
                    var attrs: [TMAttribute] = []
                    var i = 0
                    while i + 1 < a.count { attrs.append(TMAttribute(name: a[i], value: a[i + 1])); i += 2 }
                    v.markup.append(TMInline(kind: kind, offset: offset, attributes: attrs, content: at(3)))
                default: break
                }
                if tag.hasPrefix("s") { u.sourceVariant = v } else { u.targetVariant = v }
            }
        }
    }
}
