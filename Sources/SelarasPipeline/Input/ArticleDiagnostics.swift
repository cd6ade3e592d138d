import SelarasCore

/// The stable codes of article-input problems (see docs/diagnostics.md).
extension Diagnostic.Code {
    /// The file cannot be read.
    public static let articleUnreadable: Self = "ART001"
    /// The article has no text.
    public static let articleEmpty: Self = "ART002"
    /// A binary file, not text.
    public static let articleBinary: Self = "ART003"
    /// Bytes that are not UTF-8 (the byte offset is given).
    public static let articleEncoding: Self = "ART004"
    /// A JSON line that is not an article record.
    public static let articleBadRecord: Self = "ART005"
    /// Larger than `max_article_bytes`.
    public static let articleTooLarge: Self = "ART006"
    /// Not a regular file (a FIFO, a socket, a device).
    public static let articleNotAFile: Self = "ART007"
}

extension ArticleError: DiagnosticConvertible {
    /// The error as a diagnostic: the article is skipped, the rest of the batch goes on.
    public var diagnostic: Diagnostic {
        switch self {
        case let .unreadable(path, reason): return .error(.articleUnreadable, at: SourceLocation(file: path), "cannot read: \(reason)", action: .skipped)
        case let .empty(path): return .error(.articleEmpty, at: SourceLocation(file: path), "empty article (no text)", action: .skipped)
        case let .binary(path): return .error(.articleBinary, at: SourceLocation(file: path), "binary file, not text", action: .skipped)
        case let .invalidEncoding(path, offset):
            return .error(.articleEncoding, at: SourceLocation(file: path), "invalid UTF-8 at byte \(offset)", action: .skipped)
        case let .badRecord(path, reason): return .error(.articleBadRecord, at: SourceLocation(file: path), reason, action: .skipped)
        case let .tooLarge(path, bytes, limit):
            return .error(.articleTooLarge, at: SourceLocation(file: path), "the article is \(bytes) bytes, more than max_article_bytes (\(limit)); not read", action: .skipped)
        case let .notAFile(path, kind):
            return .error(.articleNotAFile, at: SourceLocation(file: path), "not a regular file (\(kind)); not read", action: .skipped)
        case let .page(d): return d
        }
    }
}
