import SelarasCore

/// A problem with one unit or with a whole TMX file, reported with its place.
public struct TMXIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Action: String, Sendable, Hashable {
        /// The unit was loaded after a fix (for example forbidden characters removed).
        case repaired
        /// The unit was left out.
        case skipped
        /// The file could not be read at all.
        case failed
        /// Information, nothing lost (for example: the store could not be used, the TMX was read instead).
        case note
    }
    public var location: SourceLocation
    public var tuid: String?
    public var message: String
    public var action: Action

    public init(location: SourceLocation, tuid: String? = nil, message: String, action: Action) {
        self.location = location
        self.tuid = tuid
        self.message = message
        self.action = action
    }

    public var description: String {
        let unit = tuid.map { " (tuid \($0))" } ?? ""
        return "\(location):\(unit) \(message)" + (action == .failed || action == .note ? "" : " [\(action.rawValue)]")
    }
}
