import Foundation
import SelarasCore
import Yams

/// One setting of a `Settings` group: its value (the initial value is the default), its one-line
/// doc, an optional range or existence check, and where the config set it.
///
/// `$name.location` is the place in the config (nil when the default is in effect), for messages
/// about the value found after validation.
@propertyWrapper
public struct Setting<Value: SettingValue>: Sendable, Decodable {
    public var wrappedValue: Value
    public let doc: String
    /// The YAML key when it is not the property name in snake case.
    public let key: String?
    let rule: SettingRule
    /// Where the config gave the value; nil when it is the default.
    public internal(set) var location: SourceLocation?

    public var projectedValue: Setting<Value> { self }

    /// Whether the config set this value (rather than the default being used).
    public var isExplicit: Bool { location != nil }

    public init(wrappedValue: Value, _ doc: String, key: String? = nil) {
        self.wrappedValue = wrappedValue
        self.doc = doc
        self.key = key
        rule = .none
    }

    public init(wrappedValue: Value, _ doc: String, key: String? = nil, range: ClosedRange<Int>) where Value: IntegerSettingValue {
        self.wrappedValue = wrappedValue
        self.doc = doc
        self.key = key
        rule = .integers(range)
    }

    public init(wrappedValue: Value, _ doc: String, key: String? = nil, range: ClosedRange<Double>) where Value: NumberSettingValue {
        self.wrappedValue = wrappedValue
        self.doc = doc
        self.key = key
        rule = .numbers(range)
    }

    /// A string from a list of words known when the program runs (the summarisers of a registry).
    public init(wrappedValue: Value, _ doc: String, key: String? = nil, choices: [String]) where Value == String {
        self.wrappedValue = wrappedValue
        self.doc = doc
        self.key = key
        rule = .words(choices)
    }

    public init(wrappedValue: Value, _ doc: String, key: String? = nil, mustExist: Bool) where Value: PathSettingValue {
        self.wrappedValue = wrappedValue
        self.doc = doc
        self.key = key
        rule = mustExist ? .existingFiles : .none
    }

    /// Settings are decoded from a pipeline config by `SettingsCoder`, never from other data.
    public init(from decoder: Decoder) throws {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                debugDescription: "settings are read from a pipeline config only"))
    }
}

/// A check beyond the value's type.
enum SettingRule: Sendable, Hashable {
    case none
    case integers(ClosedRange<Int>)
    case numbers(ClosedRange<Double>)
    case existingFiles
    case words([String])

    func expected(_ base: String) -> String {
        switch self {
        case .none, .existingFiles: return base
        case let .words(w): return "one of \(w.joined(separator: ", "))"
        case let .integers(r):
            return r.count == 1 ? "the integer \(r.lowerBound)" : "an integer from \(r.lowerBound) to \(r.upperBound)"
        case let .numbers(r):
            return "a number from \(SettingFormat.number(r.lowerBound)) to \(SettingFormat.number(r.upperBound))"
        }
    }
}

/// The type-erased face of a `Setting`, for the coder.
protocol AnySetting: Sendable {
    var doc: String { get }
    var key: String? { get }
    var expected: String { get }
    var defaultText: String? { get }
    var files: [URL] { get }
    /// This setting with the value decoded from `node` (nil, with problems recorded, when it does not fit).
    func decoded(from node: Node, _ context: SettingContext, _ problems: inout [Diagnostic]) -> (any AnySetting)?
}

extension Setting: AnySetting {
    var expected: String { rule.expected(Value.expected) }
    var defaultText: String? { wrappedValue.settingText }
    var files: [URL] { (wrappedValue as? any PathSettingValue)?.paths ?? [] }

    func decoded(from node: Node, _ context: SettingContext, _ problems: inout [Diagnostic]) -> (any AnySetting)? {
        let context = context.expecting(expected)
        guard let value = Value.decode(node, context, &problems) else { return nil }
        switch rule {
        case .none:
            break
        case let .integers(r):
            if let i = (value as? any IntegerSettingValue)?.integer, !r.contains(i) {
                problems.append(context.wrongType(node)); return nil
            }
        case let .numbers(r):
            if let d = (value as? any NumberSettingValue)?.number, !r.contains(d) {
                problems.append(context.wrongType(node)); return nil
            }
        case .existingFiles:
            let missing = ((value as? any PathSettingValue)?.paths ?? []).filter { !FileManager.default.fileExists(atPath: $0.path) }
            for url in missing {
                problems.append(.error(.configMissingFile, at: context.location(node), "\(context.what): file not found: \(url.path)"))
            }
            if !missing.isEmpty { return nil }
        case let .words(words):
            if let word = value as? String, !words.contains(word) {
                problems.append(.error(.configInvalidValue, at: context.location(node),
                                       "\(context.what): '\(word)' is not one of \(words.joined(separator: ", "))\(Suggestion.hint(for: word, in: words))"))
                return nil
            }
        }
        var copy = self
        copy.wrappedValue = value
        copy.location = context.location(node)
        return copy
    }
}

enum SettingFormat {
    static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }
}
