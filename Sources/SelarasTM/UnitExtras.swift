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
        if u.props.isEmpty && u.notes.isEmpty && u.attributes.isEmpty && u.sourceVariant.isEmpty && u.targetVariant.isEmpty { return nil }
        var out = [UInt8]()
        out.reserveCapacity(64)
        func put(_ tag: String, _ fields: [String]) {
            if !out.isEmpty { out.append(record) }
            out.append(contentsOf: tag.utf8)
            for f in fields {
                out.append(field)
                out.append(contentsOf: clean(f).utf8)
            }
        }
        func variant(_ p: String, _ v: TMUnit.Variant) {
            for x in v.props { put(p + "p", [x.type, x.value]) }
            for x in v.notes { put(p + "n", [x]) }
            for x in v.attributes { put(p + "a", [x.name, x.value]) }
            for m in v.markup {
                let attrs = m.attributes.map { clean($0.name) + "\u{1D}" + clean($0.value) }.joined(separator: "\u{1D}")
                put(p + "m", [m.kind.rawValue, String(m.offset), attrs, m.content])
            }
        }
        for x in u.props { put("p", [x.type, x.value]) }
        for x in u.notes { put("n", [x]) }
        for x in u.attributes { put("a", [x.name, x.value]) }
        variant("s", u.sourceVariant)
        variant("t", u.targetVariant)
        return Data(out)
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
                    let a = at(2).split(separator: "\u{1D}", omittingEmptySubsequences: false).map(String.init)
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

    /// Strings without the separator characters (which XML forbids anyway).
    private static func clean(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 == record || $0 == field || $0 == sub }) { return s }
        return String(s.unicodeScalars.filter { $0.value != 0x1E && $0.value != 0x1F && $0.value != 0x1D }.map(Character.init))
    }
}
