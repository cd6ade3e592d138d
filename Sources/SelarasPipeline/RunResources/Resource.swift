import Foundation
import SelarasCore
import Yams

/// Something stages share for a whole run, loaded once on first use: a translation memory, the
/// glossaries, a word list.
///
/// A resource declares its keys under the config's `resources:` (a `Settings` group), how it is
/// loaded, and what it depends on. The run context loads it lazily, once, whichever stage asks first
/// (`context.resource(R.self)`), and the skip fingerprint of every article includes, for each
/// resource a stage of the pipeline reads: the content of every file its settings name, the values
/// `fingerprint` adds (a store's revision), and its dependencies' fingerprints. So a changed glossary
/// or TM re-runs the articles, without any stage having to remember to say so.
public protocol Resource: Sendable {
    associatedtype Options: Settings = NoSettings

    /// The resource's name in messages ("translation memory").
    static var name: String { get }
    /// Resources this one reads while loading (their fingerprints are part of this one's).
    static var dependencies: [any Resource.Type] { get }

    /// Loads the resource; called at most once per run.
    static func load(_ options: Options, context: RunContext) throws -> Self

    /// What the resource holds beyond the files its settings name, for the skip fingerprint (for
    /// example a store's revision). Default: nothing more.
    static func fingerprint(_ options: Options, context: RunContext) -> [String]

    // Provided by the extension below (the type-erased face the loader and context use).
    static var optionDeclarations: [SettingDeclaration] { get }
    static func decodeOptions(_ values: [String: Node], _ context: SettingContext, problems: inout [Diagnostic]) -> any Settings
    static func ownFingerprint(_ context: RunContext) -> [String]
}

extension Resource {
    public static var dependencies: [any Resource.Type] { [] }
    public static func fingerprint(_ options: Options, context: RunContext) -> [String] { [] }

    /// The declarations of this resource's keys under `resources:`.
    public static var optionDeclarations: [SettingDeclaration] { Options.declarations }

    public static func decodeOptions(_ values: [String: Node], _ context: SettingContext, problems: inout [Diagnostic]) -> any Settings {
        SettingsCoder.decode(Options.self, values: values, context, name: { "resources.\($0)" }, problems: &problems)
    }

    static func load(erased context: RunContext) throws -> any Sendable {
        try load(context.options(of: Self.self), context: context)
    }

    /// The fingerprint of this resource alone (files and extras, not its dependencies).
    public static func ownFingerprint(_ context: RunContext) -> [String] {
        let options = context.options(of: Self.self)
        var out = ["resource:\(name)"]
        for url in options.files.sorted(by: { $0.path < $1.path }) {
            out.append("\(url.path)=\(Fingerprint.ofFile(url)?.hex ?? "missing")")
        }
        return out + fingerprint(options, context: context)
    }
}
