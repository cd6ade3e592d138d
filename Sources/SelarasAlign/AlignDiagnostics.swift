import SelarasCore

/// The stable codes of alignment problems (see docs/diagnostics.md).
extension Diagnostic.Code {
    /// The bilingual dictionary cannot be read.
    public static let alignDictionary: Self = "ALN001"
    /// An input of `selaras align` cannot be used (an unreadable text, a record without both sides).
    public static let alignInput: Self = "ALN002"
}
