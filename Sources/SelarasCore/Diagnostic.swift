/// A problem found in an input, at a place, kept as a value until the command line prints it.
///
/// Every reader and checker of Selaras reports through this one type: TMX and XLIFF units, glossary
/// lines, SRX rules, pipeline configs, JSON lines. `code` is stable across versions (scripts may match
/// on it; the list is in docs/diagnostics.md); `message` is for people and may change.
///
/// `description` is the one printed form: `file:line:column: severity[CODE]: (unit) message [action]`.
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
        case note, warning, error

        public static func < (a: Severity, b: Severity) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// What became of the thing reported, where that matters to the reader of the message.
    public enum Action: String, Sendable, Hashable, Codable {
        /// Read as it was, despite the problem.
        case kept
        /// Read after a fix (forbidden characters removed, bytes replaced).
        case repaired
        /// Left out; the rest was read.
        case skipped
        /// The file (or the rest of it) could not be read.
        case failed
    }

    /// A stable identifier of the kind of problem: a domain prefix and a number (`TMX004`, `E002`).
    public struct Code: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { rawValue = value }
        public var description: String { rawValue }
    }

    public var severity: Severity
    public var code: Code
    public var location: SourceLocation?
    public var message: String
    /// The unit, entry or record the problem is about (a tuid, a trans-unit id, a JSON id), if any.
    public var subject: String?
    public var action: Action?

    public init(_ severity: Severity, _ code: Code, at location: SourceLocation?, _ message: String,
                subject: String? = nil, action: Action? = nil) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
        self.subject = subject
        self.action = action
    }

    public static func error(_ code: Code, at location: SourceLocation?, _ message: String, subject: String? = nil,
                             action: Action? = nil) -> Diagnostic {
        Diagnostic(.error, code, at: location, message, subject: subject, action: action)
    }

    public static func warning(_ code: Code, at location: SourceLocation?, _ message: String, subject: String? = nil,
                               action: Action? = nil) -> Diagnostic {
        Diagnostic(.warning, code, at: location, message, subject: subject, action: action)
    }

    public static func note(_ code: Code, at location: SourceLocation?, _ message: String, subject: String? = nil,
                            action: Action? = nil) -> Diagnostic {
        Diagnostic(.note, code, at: location, message, subject: subject, action: action)
    }

    /// The file the diagnostic is about, if it names one.
    public var file: String? { location?.file }
    public var line: Int? { location?.line }

    /// `file:line:column: severity[CODE]: (subject) message [action]`
    public var description: String {
        var s = location.map { "\($0): " } ?? ""
        s += "\(severity.rawValue)[\(code.rawValue)]: "
        if let subject { s += "(\(subject)) " }
        s += message
        if let action, action != .failed { s += " [\(action.rawValue)]" }
        return s
    }

    /// Orders diagnostics by file, line and column (those without a place first), stable otherwise.
    public static func sortedByPlace(_ list: [Diagnostic]) -> [Diagnostic] {
        list.enumerated().sorted { a, b in
            let x = (a.element.file ?? "", a.element.line ?? 0, a.element.location?.column ?? 0, a.offset)
            let y = (b.element.file ?? "", b.element.line ?? 0, b.element.location?.column ?? 0, b.offset)
            return x < y
        }.map(\.element)
    }
}

/// An error that can be reported as a `Diagnostic` (errors that are not diagnostics themselves).
public protocol DiagnosticConvertible: Error {
    var diagnostic: Diagnostic { get }
}

/// Several diagnostics thrown at once (for example every problem of a config file).
public struct Diagnostics: Error, Sendable, Hashable, CustomStringConvertible {
    public var list: [Diagnostic]
    public init(_ list: [Diagnostic]) { self.list = list }
    public var description: String { list.map(\.description).joined(separator: "\n") }
    public var hasErrors: Bool { list.contains { $0.severity == .error } }
}

extension Diagnostic {
    /// `error` as a diagnostic: itself, its own conversion, or an unplaced one with `code`.
    public static func from(_ error: any Error, code: Code = "X000", at location: SourceLocation? = nil) -> Diagnostic {
        if let d = error as? Diagnostic { return d }
        if let c = error as? DiagnosticConvertible { return c.diagnostic }
        return .error(code, at: location, "\(error)")
    }
}
