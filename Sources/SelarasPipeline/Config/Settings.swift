import Foundation
import SelarasCore

/// A group of settings read from one mapping of a pipeline config: a stage's options, a resource's
/// keys under `resources:`, the config's top level.
///
/// Declare each setting once, as a property whose initial value is its default, with its one-line
/// doc beside it (as swift-argument-parser's `@Option` does):
///
///     struct Options: Settings {
///         @Setting("Lowest fuzzy score (0–100) kept as a match.", range: 0...100)
///         var threshold: Double = 75
///         @Setting("Most matches kept per segment.", range: 1...50)
///         var max: Int = 5
///     }
///
/// The YAML key is the property name in snake case (`fillThreshold` → `fill_threshold`) unless
/// `key:` names it. Validation, defaults, error messages with line and column, the config reference
/// (`selaras stages`, README) and the skip fingerprint (every file a setting names) all come from
/// these declarations. Every stored property of a `Settings` type must be a `@Setting`.
public protocol Settings: Sendable, Decodable {
    /// The defaults.
    init()

    /// Keys that must not be written in the config, with the message that says what to do instead
    /// (an API key, which belongs in an environment variable). Default: none.
    static var forbiddenKeys: [String: String] { get }
}

/// No settings (a stage or resource without options).
public struct NoSettings: Settings {
    public init() {}
}

extension Settings {
    public static var forbiddenKeys: [String: String] { [:] }

    /// The declared settings, in declaration order.
    public static var declarations: [SettingDeclaration] {
        SettingsCoder.slots(of: Self()).map { $0.declaration }
    }

    /// Every file the settings name (paths), for the skip fingerprint.
    public var files: [URL] {
        SettingsCoder.slots(of: self).flatMap { $0.slot.files }
    }
}

/// One declared setting, as the config reference shows it.
public struct SettingDeclaration: Sendable, Hashable {
    /// The YAML key.
    public var key: String
    /// The property name in Swift.
    public var property: String
    /// How the expected value reads ("an integer from 1 to 50").
    public var expected: String
    /// The default as written in YAML, or nil when the setting is unset by default.
    public var defaultValue: String?
    public var doc: String
}
