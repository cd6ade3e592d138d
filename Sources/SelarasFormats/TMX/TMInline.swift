/// An inline code of a TMX segment, kept as a placeholder at a position of the segment's plain text.
///
/// TMX codes (`bpt`, `ept`, `ph`, `it`, `ut`) hold native markup of the original document; `hi` marks
/// a span of the text itself, so it becomes two placeholders (`hi` at its start, `/hi` at its end).
/// `content` is the element's content as XML (escaped text, possibly with `sub` elements), written
/// back verbatim by `TMXWriter` when it is well-formed, as escaped text otherwise.
public struct TMInline: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case bpt, ept, ph, it, ut
        case hiStart = "hi"
        case hiEnd = "/hi"
    }

    public var kind: Kind
    /// Code-point offset in the plain text where the code sits.
    public var offset: Int
    /// The element's attributes (i, x, type, pos, assoc, ...), in file order.
    public var attributes: [TMAttribute]
    /// The element's content as XML.
    public var content: String

    public init(kind: Kind, offset: Int, attributes: [TMAttribute] = [], content: String = "") {
        self.kind = kind
        self.offset = offset
        self.attributes = attributes
        self.content = content
    }

    /// A short label for comparing code sequences: the kind with its `i`/`x`/`type`/`pos` attributes.
    public var signature: String {
        let keys: Set<String> = ["type", "pos"]
        let a = attributes.filter { keys.contains($0.name) }.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
        return a.isEmpty ? kind.rawValue : "\(kind.rawValue)[\(a)]"
    }
}
