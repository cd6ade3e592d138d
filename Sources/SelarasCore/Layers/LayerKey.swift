/// The key of one layer of a `Document`: its name and the type of its value.
///
/// A stage that adds a new kind of result declares its layer in its own file:
///
///     public enum SentimentLayer: LayerKey {
///         public static let name = "sentiment"
///         public typealias Value = [Double]   // one score per segment
///     }
///
/// and lists it in its `provides`; later stages read `document[SentimentLayer.self]`. The name is the
/// layer's key in the JSON document and in `requires`/`provides` messages, so it must be unique and
/// stable. Per-segment layers are parallel to `segments`: element `i` belongs to segment `i`.
public protocol LayerKey: Sendable {
    associatedtype Value: Sendable & Codable & Hashable
    static var name: String { get }
}

extension LayerKey {
    public static var id: LayerID { LayerID(name) }
}

/// A layer's identity in `requires`/`provides` and messages (its `LayerKey.name`).
public struct LayerID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let name: String
    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { name = value }
    public var description: String { name }

    /// The article itself: present from the start.
    public static let article = LayerID("article")

    public static func < (a: LayerID, b: LayerID) -> Bool { a.name < b.name }

    public init(from decoder: Decoder) throws { name = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(name)
    }
}
