/// What a run tells its caller as it goes (the library never prints; the CLI renders these).
public enum RunEvent: Sendable {
    /// A non-fatal problem (a TMX unit skipped, an empty glossary list).
    case warning(String)
    /// The articles are known and work starts.
    case started(total: Int, jobs: Int)
    /// One article is done (written, failed or skipped).
    case finished(RunReport.Article, done: Int, total: Int)
}
