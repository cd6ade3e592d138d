import SelarasCore

/// A problem with an SRX file: XML that does not parse, a missing element or attribute, a rule
/// whose pattern does not compile, or a language no map covers. Carries `file:line:column`.
public struct SRXError: Error, Sendable, CustomStringConvertible, Equatable {
    public var location: SourceLocation
    public var message: String

    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}
