import SelarasCore

/// A problem in a pipeline config, with the place in the YAML file where there is one.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case syntax = "E001"
        case unknownKey = "E002"
        case wrongType = "E003"
        case missingKey = "E004"
        case missingFile = "E005"
        case unknownStage = "E006"
        case stageOrder = "E007"
        case invalidValue = "E008"
        case unreadable = "E009"
    }

    public var kind: Kind
    public var location: SourceLocation
    public var message: String

    public init(_ kind: Kind, at location: SourceLocation, _ message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    /// `file:line:column: error[E002]: message`
    public var description: String { "\(location): error[\(kind.rawValue)]: \(message)" }
}

/// All the problems found in one config.
public struct ConfigErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [ConfigError]
    public init(_ errors: [ConfigError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
