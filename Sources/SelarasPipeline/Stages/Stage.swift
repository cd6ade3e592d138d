import Foundation
import SelarasCore

/// A step of a pipeline. A stage declares the document layers it needs and adds, and its options
/// (name, type, default, one-line doc) in one table; the config is checked against these before any
/// article is read. One instance serves a whole run and is called from several threads at once, so
/// `process` must not mutate shared state without a lock.
public protocol Stage: Sendable {
    /// The name used in `stages:` of a config.
    static var name: String { get }
    /// One line for the config reference.
    static var doc: String { get }
    /// Layers that must be present before this stage runs.
    static var requires: Set<Layer> { get }
    /// Layers this stage adds.
    static var provides: Set<Layer> { get }
    /// The stage's options with defaults and docs.
    static var options: [OptionSpec] { get }

    /// Checks between options that the table cannot express (e.g. a provider that needs a URL);
    /// each message is reported at the stage's line in the config.
    static func check(_ options: StageOptions) -> [String]

    /// Builds the stage once per run from its validated options and the run's shared resources.
    init(options: StageOptions, context: RunContext) throws

    /// Adds this stage's layers to one article's document.
    func process(_ document: inout Document, run: ArticleRun) throws

    /// Called once after every article, with the report of the run (batch-level outputs).
    func finish(_ report: RunReport) throws

    /// Extra inputs of the skip fingerprint (e.g. an SRX file's content), beyond the config.
    var fingerprintInputs: [URL] { get }

    /// Extra values of the skip fingerprint that are not files (e.g. the TM store's revision).
    var fingerprintValues: [String] { get }
}

extension Stage {
    public static func check(_ options: StageOptions) -> [String] { [] }
    public func finish(_ report: RunReport) throws {}
    public var fingerprintInputs: [URL] { [] }
    public var fingerprintValues: [String] { [] }
}

/// Per-article bookkeeping that stages add to while one article is processed (not shared).
public final class ArticleRun {
    /// Output file names written for this article (relative to the output folder).
    public var outputs: [String] = []
    /// Non-fatal problems (e.g. an MT provider that failed for some sentences).
    public var warnings: [String] = []

    public init() {}
}

/// Stage failure with the stage and the reason.
public struct StageError: Error, Sendable, CustomStringConvertible {
    public var stage: String
    public var message: String
    public init(stage: String, _ message: String) {
        self.stage = stage
        self.message = message
    }
    public var description: String { "stage '\(stage)': \(message)" }
}
