import Foundation
import SelarasCore
import Yams

/// A step of a pipeline.
///
/// A stage declares, beside its code: the document layers it needs and adds (typed `LayerKey`s), its
/// options (a `Settings` group whose `@Setting` declarations are the defaults and the docs), and the
/// shared resources it reads (`Resource` types). From these alone the config is validated before any
/// article is read, the config reference is written, and the skip fingerprint of every article is
/// made (the config, every file an option names, every resource's content). Adding a stage is one
/// file plus one line in `StageRegistry.standard`; see docs/architecture.md.
///
/// One instance serves a whole run and `process` is called from several threads at once, so it must
/// not mutate shared state except through `Locked`.
public protocol Stage: Sendable {
    associatedtype Options: Settings = NoSettings

    /// The name used in `stages:` of a config.
    static var name: String { get }
    /// One line for the config reference.
    static var doc: String { get }
    /// Layers that must be present before this stage runs (the article always is).
    static var requires: [any LayerKey.Type] { get }
    /// Layers this stage adds.
    static var provides: [any LayerKey.Type] { get }
    /// The shared resources the stage reads (their config keys, loading and fingerprints).
    static var resources: [any Resource.Type] { get }

    /// Checks between options that the declarations cannot express (a provider that needs a URL).
    /// A diagnostic without a location is reported at the stage's line in the config.
    static func check(_ options: Options) -> [Diagnostic]

    /// Builds the stage once per run from its validated options and the run's shared resources.
    init(options: Options, context: RunContext) throws

    /// Adds this stage's layers to one article's document.
    func process(_ document: inout Document, run: ArticleRun) throws

    /// Called once at the end of every run, after every article (processed, skipped or failed; also
    /// when none was processed), for batch-level outputs. An error becomes a warning of the run.
    func finish(_ report: RunReport) throws

    /// Values of the skip fingerprint that neither the config nor a resource holds (rarely needed).
    var fingerprintValues: [String] { get }

    // Provided by the extension below (the type-erased face the loader and runner use); not for
    // stages to implement.
    static var optionDeclarations: [SettingDeclaration] { get }
    static var forbiddenOptionKeys: [String: String] { get }
    static func decodeOptions(_ values: [String: Node], _ context: SettingContext, problems: inout [Diagnostic]) -> any Settings
    static func check(erased options: any Settings) -> [Diagnostic]
    static func make(_ options: any Settings, context: RunContext) throws -> any Stage
}

extension Stage {
    public static var resources: [any Resource.Type] { [] }
    public static func check(_ options: Options) -> [Diagnostic] { [] }
    public func finish(_ report: RunReport) throws {}
    public var fingerprintValues: [String] { [] }

    /// The layer ids this stage needs.
    public static var requiredLayers: Set<LayerID> { Set(requires.map { $0.id }) }
    /// The layer ids this stage adds.
    public static var providedLayers: Set<LayerID> { Set(provides.map { $0.id }) }
    /// The stage's option declarations (for the reference and messages).
    public static var optionDeclarations: [SettingDeclaration] { Options.declarations }
    public static var forbiddenOptionKeys: [String: String] { Options.forbiddenKeys }

    /// Reads this stage's options from its YAML mapping (type-erased, for the loader).
    public static func decodeOptions(_ values: [String: Node], _ context: SettingContext, problems: inout [Diagnostic]) -> any Settings {
        SettingsCoder.decode(Options.self, values: values, context, name: { "option '\($0)' of stage '\(name)'" }, problems: &problems)
    }

    /// The cross-option check on type-erased options.
    public static func check(erased options: any Settings) -> [Diagnostic] {
        guard let o = options as? Options else { return [] }
        return check(o)
    }

    /// Builds the stage from type-erased options (for the runner).
    public static func make(_ options: any Settings, context: RunContext) throws -> any Stage {
        guard let o = options as? Options else {
            throw StageError(stage: name, "options of the wrong type (\(type(of: options)), expected \(Options.self))")
        }
        return try Self(options: o, context: context)
    }
}

/// Per-article bookkeeping that stages add to while one article is processed (not shared).
public final class ArticleRun {
    /// Output file names written for this article (relative to the output folder).
    public var outputs: [String] = []
    /// Non-fatal problems (e.g. an MT provider that failed for some sentences).
    public var warnings: [String] = []
    /// Set when the article's outputs are written but not complete (machine translation failed):
    /// the run reports it `partial` and the next run processes it again.
    public var incomplete = false
    /// What machine translation did, for the report.
    public var machineTranslation: MachineTranslationReport?

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
