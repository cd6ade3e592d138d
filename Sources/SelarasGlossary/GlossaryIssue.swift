import SelarasCore

/// A problem found while reading or checking a glossary, with its place.
public struct GlossaryIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case warning, error

        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var location: SourceLocation
    public var message: String
    public var severity: Severity

    public init(location: SourceLocation, message: String, severity: Severity = .error) {
        self.location = location
        self.message = message
        self.severity = severity
    }

    /// `file:line: message`.
    public var description: String { "\(location): \(message)" }

    /// `file:line: severity: message`, the form `glossary lint` prints.
    public var lintDescription: String { "\(location): \(severity.rawValue): \(message)" }
}
