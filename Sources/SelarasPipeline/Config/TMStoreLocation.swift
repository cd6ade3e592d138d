import Foundation
import SelarasPostgres
import SelarasCore
import Yams

/// Where a TM store is: a SQLite file (a path, resolved against the config's folder) or a shared
/// PostgreSQL database (`postgres://USER[:PASS]@HOST[:PORT]/DB`; the password may instead come
/// from `PGPASSWORD` or `~/.pgpass`, and is never printed).
public enum TMStoreLocation: Sendable, Equatable {
    case file(URL)
    case postgres(String)

    /// A `--store` / `--tm-store` argument: a URL, or a path relative to `directory`.
    public init(argument: String, relativeTo directory: URL) {
        if PostgresURL.isPostgres(argument) {
            self = .postgres(argument)
        } else {
            self = .file(URL(fileURLWithPath: argument, relativeTo: directory).standardizedFileURL)
        }
    }

    /// How the location reads in messages (a password replaced by `***`).
    public var display: String {
        switch self {
        case let .file(url): return url.path
        case let .postgres(url): return PostgresURL.redacted(url)
        }
    }
}

extension TMStoreLocation: PathSettingValue {
    public static var expected: String { "a path or a postgres:// URL (a string)" }
    public var paths: [URL] {
        if case let .file(url) = self { return [url] }
        return []
    }
    public var settingText: String? { display }
    public static func decode(_ node: Node, _ context: SettingContext, _ problems: inout [Diagnostic]) -> TMStoreLocation? {
        guard let s = node.scalar, !s.string.isEmpty, !context.isNull(node) else { problems.append(context.wrongType(node)); return nil }
        if PostgresURL.isPostgres(s.string) { return .postgres(s.string) }
        return .file(context.resolve(s.string))
    }
}
