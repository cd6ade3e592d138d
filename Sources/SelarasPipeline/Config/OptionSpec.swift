import Foundation

/// One option of a stage (or of the config's top level): its name, type, default and one-line doc.
/// Every stage declares its options in one table beside its code; validation, defaults and the
/// config reference come from these tables.
public struct OptionSpec: Sendable {
    /// The YAML type an option takes.
    public enum Kind: Sendable, Equatable {
        case int(ClosedRange<Int>)
        case double(ClosedRange<Double>)
        case bool
        case string
        /// A path, relative to the config file; `mustExist` files are checked at validation.
        case path(mustExist: Bool)
        /// One of a fixed set of words.
        case choice([String])
        /// A list of words, each from a fixed set.
        case choices([String])
        /// A list of paths (a single string is accepted as a one-element list).
        case paths(mustExist: Bool)
        /// A nested mapping with keys of its own (validated by its own table).
        case mapping
        /// The list of stages.
        case stageList

        /// How the expected type reads in an error message.
        public var expected: String {
            switch self {
            case let .int(r): return r.count == 1 ? "the integer \(r.lowerBound)" : "an integer from \(r.lowerBound) to \(r.upperBound)"
            case let .double(r): return "a number from \(Self.format(r.lowerBound)) to \(Self.format(r.upperBound))"
            case .bool: return "true or false"
            case .string: return "a string"
            case .path: return "a path (a string)"
            case let .choice(c): return "one of \(c.joined(separator: ", "))"
            case let .choices(c): return "a list of \(c.joined(separator: ", "))"
            case .paths: return "a path or a list of paths"
            case .mapping: return "a mapping"
            case .stageList: return "a list of stages"
            }
        }

        static func format(_ d: Double) -> String {
            d == d.rounded() ? String(Int(d)) : String(d)
        }
    }

    public let name: String
    public let kind: Kind
    /// nil means "not set" (the option is optional and has no default value).
    public let defaultValue: OptionValue?
    public let doc: String

    public init(_ name: String, _ kind: Kind, default defaultValue: OptionValue?, _ doc: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.doc = doc
    }
}

/// A validated option value.
public enum OptionValue: Sendable, Hashable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    case list([String])
    case url(URL)
    case urls([URL])

    public var description: String {
        switch self {
        case let .int(i): return String(i)
        case let .double(d): return OptionSpec.Kind.format(d)
        case let .bool(b): return String(b)
        case let .string(s): return s
        case let .list(l): return "[" + l.joined(separator: ", ") + "]"
        case let .url(u): return u.path
        case let .urls(u): return "[" + u.map(\.path).joined(separator: ", ") + "]"
        }
    }
}

/// The options of one stage after validation: every declared option has its value or default.
public struct StageOptions: Sendable, Hashable {
    public private(set) var values: [String: OptionValue]
    /// Options the config set explicitly (as opposed to defaults).
    public private(set) var explicit: Set<String>

    public init(values: [String: OptionValue] = [:], explicit: Set<String> = []) {
        self.values = values
        self.explicit = explicit
    }

    public func int(_ name: String) -> Int? {
        if case let .int(i)? = values[name] { return i }
        return nil
    }

    public func double(_ name: String) -> Double? {
        switch values[name] {
        case let .double(d)?: return d
        case let .int(i)?: return Double(i)
        default: return nil
        }
    }

    public func bool(_ name: String) -> Bool? {
        if case let .bool(b)? = values[name] { return b }
        return nil
    }

    public func string(_ name: String) -> String? {
        if case let .string(s)? = values[name] { return s }
        return nil
    }

    public func list(_ name: String) -> [String]? {
        if case let .list(l)? = values[name] { return l }
        return nil
    }

    public func url(_ name: String) -> URL? {
        if case let .url(u)? = values[name] { return u }
        return nil
    }

    public func urls(_ name: String) -> [URL]? {
        if case let .urls(u)? = values[name] { return u }
        return nil
    }

    public func isExplicit(_ name: String) -> Bool { explicit.contains(name) }

    /// Fills every option the specs declare with its default when the config did not set it.
    public static func withDefaults(_ specs: [OptionSpec], values: [String: OptionValue] = [:]) -> StageOptions {
        var all = values
        for spec in specs where all[spec.name] == nil {
            if let d = spec.defaultValue { all[spec.name] = d }
        }
        return StageOptions(values: all, explicit: Set(values.keys))
    }
}
