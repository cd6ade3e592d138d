import SelarasCore

/// Why an article could not be read.
public enum ArticleError: Error, Sendable, CustomStringConvertible, Equatable {
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case binary(path: String)
    case invalidEncoding(path: String, byteOffset: Int)
    case badRecord(path: String, reason: String)
    /// Larger than `max_article_bytes`.
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// Not a regular file (a FIFO, a device, a socket).
    case notAFile(path: String, kind: String)
    /// A saved web page that could not be read (the page reader's diagnostic).
    case page(Diagnostic)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): return "\(path): cannot read: \(reason)"
        case let .empty(path): return "\(path): empty article (no text)"
        case let .binary(path): return "\(path): binary file, not text"
        case let .invalidEncoding(path, offset): return "\(path): invalid UTF-8 at byte \(offset)"
        case let .badRecord(path, reason): return "\(path): \(reason)"
        case let .tooLarge(path, bytes, limit):
            return "\(path): the article is \(bytes) bytes, more than max_article_bytes (\(limit)); not read"
        case let .notAFile(path, kind): return "\(path): not a regular file (\(kind)); not read"
        case let .page(d): return d.description
        }
    }

    /// A short reason for reports.
    public var reason: String {
        switch self {
        case .unreadable: return "unreadable"
        case .empty: return "empty"
        case .binary: return "binary"
        case .invalidEncoding: return "invalid-encoding"
        case .badRecord: return "bad-record"
        case .tooLarge: return "too-large"
        case .notAFile: return "not-a-file"
        case let .page(d): return d.code == .htmlNoArticle ? "no-article" : "unreadable-page"
        }
    }
}
