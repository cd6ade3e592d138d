import Foundation
import SelarasCore
import SelarasTM

/// The translation memory of the config's TMX files: the SQLite store at `resources.tm_store`, else
/// `OUTPUT/.selaras/tm.sqlite`, built on first use and refreshed by content hash, so later runs do
/// not parse the TMX again. Units added to the store with `selaras tm update` are matched too, and
/// glossary terms drive term repair of fuzzy matches.
public struct TranslationMemoryResource: Resource {
    public struct Options: Settings {
        @Setting("TMX files to match against.", mustExist: true)
        public var translationMemories: [URL] = []
        @Setting("SQLite store built from the TMX files (default: OUTPUT/.selaras/tm.sqlite).")
        public var tmStore: URL? = nil
        public init() {}
    }

    public static let name = "translation memory"
    public static let dependencies: [any Resource.Type] = [GlossaryResource.self]

    public let memory: TranslationMemory
    /// The store the memory was loaded from (also where the MT cache lives); nil when the memory
    /// was read into memory instead.
    public let store: TMStore?

    public static func load(_ options: Options, context: RunContext) throws -> TranslationMemoryResource {
        let matcher = try context.resource(GlossaryResource.self).matcher
        let (loaded, issues) = try TranslationMemory.open(
            tmx: options.translationMemories, store: storeURL(options, context), sourceLanguage: context.config.sourceLanguage,
            targetLanguage: context.config.targetLanguage, termMatcher: { matcher.match($0) })
        for issue in issues { context.warn(issue.description) }
        let store = try? TMStore(url: storeURL(options, context), sourceLanguage: context.config.sourceLanguage,
                                 targetLanguage: context.config.targetLanguage)
        return TranslationMemoryResource(memory: loaded, store: store)
    }

    /// Where the run's TM store is.
    public static func storeURL(_ options: Options, _ context: RunContext) -> URL {
        options.tmStore ?? context.output.appendingPathComponent(".selaras/tm.sqlite")
    }

    /// What the store holds: its files' content hashes and the units added to it (an article is
    /// processed again after `selaras tm update`).
    public static func fingerprint(_ options: Options, context: RunContext) -> [String] {
        // The store is refreshed from the TMX files when the memory loads; its revision is read after.
        _ = try? context.resource(Self.self)
        guard let store = try? TMStore(url: storeURL(options, context), sourceLanguage: context.config.sourceLanguage,
                                       targetLanguage: context.config.targetLanguage, create: false),
              let files = try? store.files() else { return ["store:none"] }
        var f = Fingerprint()
        for file in files { f.combine("\(file.kind)|\(file.path)|\(file.hash)|\(file.units)|\(file.imported)") }
        return ["store:\(f.hex)"]
    }
}
