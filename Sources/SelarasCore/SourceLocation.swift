/// A place in an input file, for error messages: `file:line:column`.
public struct SourceLocation: Sendable, Codable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based; nil when unknown.
    public var line: Int?
    /// 1-based; nil when unknown.
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if let line = line, line > 0, let column { s += ":\(column)" }
        return s
    }
}
