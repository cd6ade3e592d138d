import SelarasCore

/// The stable codes of JSON-lines problems (see docs/diagnostics.md).
extension Diagnostic.Code {
    /// A line that is not a record of the expected shape (the line is skipped).
    public static let jsonlBadRecord: Self = "JSONL001"
    /// Ill-formed UTF-8 or a lone surrogate escape replaced by U+FFFD (the record is used).
    public static let jsonlRepaired: Self = "JSONL002"
    /// The input could not be read to its end.
    public static let jsonlReadFailed: Self = "JSONL003"
    /// A record the command could not process (the line is skipped).
    public static let jsonlRecordFailed: Self = "JSONL004"
}
