import Foundation

/// The value that passes from stage to stage: the article plus the layers stages have added.
///
/// Layers are keyed by type (`LayerKey`): `document[SegmentsLayer.self]` is nil until the stage that
/// provides it has run. Any module can define a layer; the document stores it without knowing it.
///
/// JSON: `{"article": ..., "<layer name>": <value>, ...}`. Decoding gives typed values for the layer
/// keys in `decoder.userInfo[Document.layerKeysKey]` (default: `standardLayers`); any other layer is
/// kept as JSON, re-encoded unchanged, and decoded on first typed access.
public struct Document: Sendable, Codable, Hashable {
    public var article: Article
    private var storage: [String: StoredLayer] = [:]

    public init(article: Article) {
        self.article = article
    }

    /// The value of a layer, or nil when no stage has added it.
    public subscript<Key: LayerKey>(_ key: Key.Type) -> Key.Value? {
        get {
            switch storage[Key.name] {
            case nil: return nil
            case let .typed(payload)?: return (payload as? TypedLayer<Key>)?.value
            case let .json(value)?: return try? value.decode(Key.Value.self)
            }
        }
        set {
            storage[Key.name] = newValue.map { .typed(TypedLayer<Key>(value: $0)) }
        }
    }

    /// The layers present in this document (the article always).
    public var layers: Set<LayerID> {
        Set(storage.keys.map { LayerID($0) }).union([.article])
    }

    /// Whether the layer is present.
    public func has<Key: LayerKey>(_ key: Key.Type) -> Bool { storage[Key.name] != nil }

    // MARK: Codable

    /// `userInfo` key for the `[any LayerKey.Type]` decoded with their types.
    public static let layerKeysKey = CodingUserInfoKey(rawValue: "selaras.layerKeys")!

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        article = try c.decode(Article.self, forKey: Key("article"))
        let known = (decoder.userInfo[Self.layerKeysKey] as? [any LayerKey.Type]) ?? Self.standardLayers
        var byName: [String: any LayerKey.Type] = [:]
        for k in known { byName[k.name] = k }
        for key in c.allKeys where key.stringValue != "article" {
            if let type = byName[key.stringValue] {
                storage[key.stringValue] = try Self.decodeTyped(type, from: c, key: key)
            } else {
                storage[key.stringValue] = .json(try c.decode(JSONValue.self, forKey: key))
            }
        }
    }

    private static func decodeTyped<K: LayerKey>(_: K.Type, from c: KeyedDecodingContainer<Key>, key: Key) throws -> StoredLayer {
        .typed(TypedLayer<K>(value: try c.decode(K.Value.self, forKey: key)))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(article, forKey: Key("article"))
        for (name, layer) in storage.sorted(by: { $0.key < $1.key }) {
            let sub = c.superEncoder(forKey: Key(name))
            switch layer {
            case let .typed(payload): try payload.encode(to: sub)
            case let .json(value): try value.encode(to: sub)
            }
        }
    }
}

/// One stored layer: a typed value, or JSON read from a file whose layer type was not given.
private enum StoredLayer: Sendable, Hashable {
    case typed(any LayerPayload)
    case json(JSONValue)

    static func == (a: StoredLayer, b: StoredLayer) -> Bool {
        switch (a, b) {
        case let (.typed(x), .typed(y)): return x.isEqual(to: y)
        case let (.json(x), .json(y)): return x == y
        default: return false
        }
    }

    func hash(into h: inout Hasher) {
        switch self {
        case let .typed(p): p.hash(into: &h)
        case let .json(v): v.hash(into: &h)
        }
    }
}

private protocol LayerPayload: Sendable {
    func encode(to encoder: Encoder) throws
    func isEqual(to other: any LayerPayload) -> Bool
    func hash(into hasher: inout Hasher)
}

private struct TypedLayer<K: LayerKey>: LayerPayload {
    var value: K.Value

    func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }

    func isEqual(to other: any LayerPayload) -> Bool {
        (other as? TypedLayer<K>)?.value == value
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(K.name)
        hasher.combine(value)
    }
}
