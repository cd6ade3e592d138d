import Foundation
import SelarasCore
import Yams

/// Reads `Settings` groups from YAML mappings, using the `@Setting` declarations found by
/// reflection (`Mirror`) on the group's defaults, and writes the decoded values back through the
/// group's synthesized `Decodable` initialiser (the technique swift-argument-parser uses).
enum SettingsCoder {
    struct Slot {
        /// The Swift property name (the coding key).
        var property: String
        var slot: any AnySetting

        var key: String { slot.key ?? SettingsCoder.snakeCase(property) }

        var declaration: SettingDeclaration {
            SettingDeclaration(key: key, property: property, expected: slot.expected, defaultValue: slot.defaultText, doc: slot.doc)
        }
    }

    /// The settings of `group`, in declaration order.
    static func slots(of group: some Settings) -> [Slot] {
        Mirror(reflecting: group).children.compactMap { child in
            guard let label = child.label else { return nil }
            guard let slot = child.value as? any AnySetting else {
                preconditionFailure("\(type(of: group)).\(label) is not a @Setting; every stored property of a Settings group must be one")
            }
            return Slot(property: label.hasPrefix("_") ? String(label.dropFirst()) : label, slot: slot)
        }
    }

    /// `fillThreshold` → `fill_threshold`.
    static func snakeCase(_ name: String) -> String {
        var out = ""
        for ch in name {
            if ch.isUppercase {
                if !out.isEmpty { out.append("_") }
                out += ch.lowercased()
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// Decodes a group from `node` (a mapping; nil or null for all defaults). Unknown keys, values
    /// of the wrong type and keys given twice are recorded in `problems`; the defaults stand in for
    /// values that could not be used. `name(key)` says how a key is named in messages, `where_` how
    /// the mapping is ("stage 'match'"); `extraKeys` are keys that belong to the mapping but are
    /// read by someone else (the top level's `stages`).
    static func decode<S: Settings>(_ type: S.Type, from node: Node?, _ context: SettingContext, in where_: String,
                                    name: (String) -> String, extraKeys: [String] = [],
                                    problems: inout [Diagnostic]) -> S {
        guard let node, !context.isNull(node) else { return S() }
        let valid = Self.slots(of: S()).map(\.key) + extraKeys
        let found = keys(of: node, valid: valid, context, in: where_, problems: &problems)
        return decode(S.self, values: found, context, name: name, problems: &problems)
    }

    /// Decodes a group from the values of a mapping already checked for unknown keys; keys that are
    /// not the group's are ignored.
    static func decode<S: Settings>(_ type: S.Type, values: [String: Node], _ context: SettingContext,
                                    name: (String) -> String, problems: inout [Diagnostic]) -> S {
        var slots = Self.slots(of: S())
        for i in slots.indices {
            guard let value = values[slots[i].key] else { continue }
            let c = context.naming(name(slots[i].key))
            if let decoded = slots[i].slot.decoded(from: value, c, &problems) { slots[i].slot = decoded }
        }
        return build(S.self, slots)
    }

    /// The mapping's values by key, for the keys in `valid`; other keys are reported.
    static func keys(of node: Node, valid: [String], forbidden: [String: String] = [:], _ context: SettingContext, in where_: String,
                     problems: inout [Diagnostic]) -> [String: Node] {
        guard let mapping = node.mapping else {
            problems.append(.error(.configWrongType, at: context.location(node),
                                   "\(where_) must be a mapping of keys to values, found \(context.describe(node))"))
            return [:]
        }
        var out: [String: Node] = [:]
        for (k, value) in mapping {
            guard let key = k.string else {
                problems.append(.error(.configWrongType, at: context.location(k), "\(where_): keys must be strings"))
                continue
            }
            if let why = forbidden[key] {
                problems.append(.error(.configSecret, at: context.location(k), "\(where_): '\(key)' must not be in the config: \(why)"))
            } else if valid.contains(key) {
                if out[key] != nil {
                    problems.append(.error(.configInvalidValue, at: context.location(k), "\(where_): '\(key)' is given twice"))
                }
                out[key] = value
            } else {
                problems.append(.error(.configUnknownKey, at: context.location(k),
                                       "unknown key '\(key)' in \(where_)\(Suggestion.hint(for: key, in: valid)) (valid keys: \(valid.joined(separator: ", ")))"))
            }
        }
        return out
    }

    /// A group with the given slot values.
    static func build<S: Settings>(_: S.Type, _ slots: [Slot]) -> S {
        var byProperty: [String: any AnySetting] = [:]
        for s in slots { byProperty[s.property] = s.slot }
        do {
            return try S(from: SlotDecoder(slots: byProperty))
        } catch {
            preconditionFailure("\(S.self) cannot be built from its settings: \(error)")
        }
    }
}

/// A decoder that hands each `@Setting` property its slot.
private struct SlotDecoder: Decoder {
    let slots: [String: any AnySetting]
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(SlotContainer<Key>(slots: slots))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: [], debugDescription: "settings are a keyed group"))
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(Any.self, .init(codingPath: [], debugDescription: "settings are a keyed group"))
    }
}

private struct SlotContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let slots: [String: any AnySetting]
    var codingPath: [CodingKey] { [] }
    var allKeys: [Key] { slots.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { slots[key.stringValue] != nil }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let slot = slots[key.stringValue] as? T else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [key], debugDescription: "'\(key.stringValue)' is not a @Setting"))
        }
        return slot
    }

    func decodeNil(forKey key: Key) throws -> Bool { false }
    func nestedContainer<N: CodingKey>(keyedBy type: N.Type, forKey key: Key) throws -> KeyedDecodingContainer<N> {
        throw DecodingError.keyNotFound(key, .init(codingPath: [key], debugDescription: "nested groups are not settings"))
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        throw DecodingError.keyNotFound(key, .init(codingPath: [key], debugDescription: "nested lists are not settings"))
    }
    func superDecoder() throws -> Decoder { SlotDecoder(slots: slots) }
    func superDecoder(forKey key: Key) throws -> Decoder { SlotDecoder(slots: slots) }
}
