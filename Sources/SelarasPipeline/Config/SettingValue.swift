import Foundation
import SelarasCore
import Yams

/// A type a `Setting` can hold: how it reads from YAML, how it is described in messages, and how
/// its value is written in the config reference.
public protocol SettingValue: Sendable {
    /// How the type reads in messages ("an integer", "true or false", "a path (a string)").
    static var expected: String { get }
    /// The value in `node`, or nil with the problem recorded (at the node's line and column).
    static func decode(_ node: Node, _ context: SettingContext, _ problems: inout [Diagnostic]) -> Self?
    /// The value as YAML would write it, for the config reference; nil for "not set".
    var settingText: String? { get }
}

/// Values a range can bound (`Int`, `Int?`).
public protocol IntegerSettingValue: SettingValue {
    var integer: Int? { get }
}

/// Values a range can bound (`Double`, `Double?`).
public protocol NumberSettingValue: SettingValue {
    var number: Double? { get }
}

/// Values that name files (`URL?`, `[URL]`): checked for existence when asked, and fingerprinted.
public protocol PathSettingValue: SettingValue {
    var paths: [URL] { get }
}

/// Types that can be items of a list setting.
public protocol SettingListElement: SettingValue {
    /// How a list of these reads in messages ("a list of xlf, tmx", "a path or a list of paths").
    static var expectedList: String { get }
}

/// A word from a fixed set: declare an enum `String`-backed and `CaseIterable`, and conform.
public protocol SettingChoice: SettingListElement, RawRepresentable, CaseIterable where RawValue == String {}

extension SettingChoice {
    public static var words: [String] { allCases.map(\.rawValue) }
    public static var expected: String { "one of \(words.joined(separator: ", "))" }
    public static var expectedList: String { "a list of \(words.joined(separator: ", "))" }
    public var settingText: String? { rawValue }

    public static func decode(_ node: Node, _ context: SettingContext, _ problems: inout [Diagnostic]) -> Self? {
        guard let s = node.scalar, !context.isNull(node) else { problems.append(context.wrongType(node)); return nil }
        guard let value = Self(rawValue: s.string) else {
            problems.append(.error(.configInvalidValue, at: context.location(node),
                                   "\(context.what): '\(s.string)' is not one of \(words.joined(separator: ", "))\(Suggestion.hint(for: s.string, in: words))"))
            return nil
        }
        return value
    }
}

/// How a setting is being read: the config file (for places and relative paths) and the setting's
/// name in messages.
public struct SettingContext: Sendable {
    public let file: String
    /// The folder relative paths are resolved against (the config file's).
    public let directory: URL
    /// The setting as messages name it ("option 'threshold' of stage 'match'", "'jobs'").
    public let what: String
    /// What the setting expects, as messages say it.
    public let expectedText: String

    public init(file: String, directory: URL, what: String = "the value", expectedText: String = "a value") {
        self.file = file
        self.directory = directory
        self.what = what
        self.expectedText = expectedText
    }

    func naming(_ what: String) -> SettingContext {
        SettingContext(file: file, directory: directory, what: what, expectedText: expectedText)
    }

    func expecting(_ expected: String) -> SettingContext {
        SettingContext(file: file, directory: directory, what: what, expectedText: expected)
    }

    public func location(_ node: Node?) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line, column: node?.mark?.column)
    }

    /// "option 'x' of stage 'y' must be an integer from 1 to 50, found the string "ten""
    public func wrongType(_ node: Node) -> Diagnostic {
        .error(.configWrongType, at: location(node), "\(what) must be \(expectedText), found \(describe(node))")
    }

    /// A path as written in the config, absolute (`~` expanded; relative to the config's folder).
    public func resolve(_ path: String) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL }
        return directory.appendingPathComponent(expanded).standardizedFileURL
    }

    public func isNull(_ node: Node) -> Bool {
        guard let s = node.scalar, s.style == .plain else { return false }
        return s.string.isEmpty || s.string == "~" || s.string == "null" || s.string == "Null" || s.string == "NULL"
    }

    /// How a node reads in messages: "the integer 3", "the string "x"", "a list".
    public func describe(_ node: Node) -> String {
        switch node {
        case let .scalar(s):
            if s.style != .plain { return "the string \"\(s.string)\"" }
            if Int(s.string) != nil { return "the integer \(s.string)" }
            if Double(s.string) != nil { return "the number \(s.string)" }
            if ["true", "false", "yes", "no", "on", "off"].contains(s.string.lowercased()) { return "the boolean \(s.string)" }
            if isNull(node) { return "nothing (null)" }
            return "the string \"\(s.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

extension Int: IntegerSettingValue {
    public static var expected: String { "an integer" }
    public var integer: Int? { self }
    public var settingText: String? { String(self) }
    public static func decode(_ node: Node, _ context: SettingContext, _ problems: inout [Diagnostic]) -> Int? {
        guard let s = node.scalar, s.style == .plain, let i = Int(s.string) else { problems.append(context.wrongType(node)); return nil }
        return i
    }
}

extension Double: NumberSettingValue {
    public static var expected: String { "a number" }
    public var number: Double? { self }
    public var settingText: String? { SettingFormat.number(self) }
    public static func decode(_ node: Node, _ context: SettingContext, _ problems: inout [Diagnostic]) -> Double? {
        guard let s = node.scalar, s.style == .plain, let d = Double(s.string), d.isFinite else {
            problems.append(context.wrongType(node)); return nil
        }
        return d
    }
}

extension Bool: SettingValue {
    public static var expected: String { "true or false" }
    public var settingText: String? { String(self) }
    public static func decode(_ node: Node, _ context: SettingContext, _ problems: inout [Diagnostic]) -> Bool? {
        guard let s = node.scalar, s.style == .plain else { problems.append(context.wrongType(node)); return nil }
        switch s.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: problems.append(context.wrongType(node)); return nil
        }
    }
}

extension String: SettingListElement {
    public static var expected: String { "a string" }
    public static var expectedList: String { "a string or a list of strings" }
    public var settingText: String? { self }
    public static func decode(_ node: Node, _ context: SettingContext, _ problems: inout [Diagnostic]) -> String? {
        guard let s = node.scalar, !context.isNull(node) else { problems.append(context.wrongType(node)); return nil }
        return s.string
    }
}

extension URL: PathSettingValue, SettingListElement {
    public static var expected: String { "a path (a string)" }
    public static var expectedList: String { "a path or a list of paths" }
    public var paths: [URL] { [self] }
    public var settingText: String? { path }
    public static func decode(_ node: Node, _ context: SettingContext, _ problems: inout [Diagnostic]) -> URL? {
        guard let s = node.scalar, !s.string.isEmpty, !context.isNull(node) else { problems.append(context.wrongType(node)); return nil }
        return context.resolve(s.string)
    }
}

extension Optional: SettingValue where Wrapped: SettingValue {
    public static var expected: String { Wrapped.expected }
    public var settingText: String? { self?.settingText }
    public static func decode(_ node: Node, _ context: SettingContext, _ problems: inout [Diagnostic]) -> Wrapped?? {
        if context.isNull(node) { return .some(nil) }
        guard let v = Wrapped.decode(node, context, &problems) else { return nil }
        return .some(v)
    }
}

extension Optional: IntegerSettingValue where Wrapped: IntegerSettingValue {
    public var integer: Int? { self?.integer }
}

extension Optional: NumberSettingValue where Wrapped: NumberSettingValue {
    public var number: Double? { self?.number }
}

extension Optional: PathSettingValue where Wrapped: PathSettingValue {
    public var paths: [URL] { self?.paths ?? [] }
}

extension Array: SettingValue where Element: SettingListElement {
    public static var expected: String { Element.expectedList }
    public var settingText: String? { "[" + compactMap(\.settingText).joined(separator: ", ") + "]" }
    /// A list, or a single item taken as a list of one.
    public static func decode(_ node: Node, _ context: SettingContext, _ problems: inout [Diagnostic]) -> [Element]? {
        let items: [Node]
        if let seq = node.sequence {
            items = Array<Node>(seq)
        } else if node.scalar != nil, !context.isNull(node) {
            items = [node]
        } else {
            problems.append(context.wrongType(node)); return nil
        }
        let itemContext = context.expecting(Element.expected).naming("\(context.what) items")
        var out: [Element] = []
        var failed = false
        for item in items {
            if let v = Element.decode(item, item.scalar == nil ? itemContext : context, &problems) { out.append(v) } else { failed = true }
        }
        return failed ? nil : out
    }
}

extension Array: PathSettingValue where Element == URL {
    public var paths: [URL] { self }
}
