import Foundation
import SelarasCore
import SelarasPostgres
import SelarasTM

/// The translation memory of the config's TMX files: the SQLite store at `resources.tm_store`, else
/// `OUTPUT/.selaras/tm.sqlite`, built on first use and refreshed by content hash, so later runs do
/// not parse the TMX again. Units added to the store with `selaras tm update` are matched too, and
/// glossary terms drive term repair of fuzzy matches.
///
/// With `tm_store: postgres://…` the store is a team's shared one (`PostgresTMStore`): the config's
/// TMX files are imported into it (each only when its content changed), and the run matches
/// against this machine's replica of it, brought up to the latest change when the run starts.
public struct TranslationMemoryResource: Resource {
    public struct Options: Settings {
        @Setting("TMX files to match against.", mustExist: true)
        public var translationMemories: [URL] = []
        @Setting("The TM store: a SQLite file built from the TMX files (default: OUTPUT/.selaras/tm.sqlite), or a shared postgres://USER@HOST:PORT/DB (password from PGPASSWORD or ~/.pgpass); --tm-store replaces it.")
        public var tmStore: TMStoreLocation? = nil
        public init() {}
    }

    public static let name = "translation memory"
    public static let dependencies: [any Resource.Type] = [GlossaryResource.self]

    public let memory: TranslationMemory
    /// The store the memory was loaded from (also where the MT cache lives); nil when the memory
    /// was read into memory instead.
    public let store: TMStore?
    /// Where machine translations are kept: the shared PostgreSQL store when there is one (so a
    /// sentence one machine translated is not sent again by another), else `store`.
    public let cache: (any TranslationCache)?

    public init(memory: TranslationMemory, store: TMStore?, cache: (any TranslationCache)? = nil) {
        self.memory = memory
        self.store = store
        self.cache = cache ?? store
    }

    public static func load(_ options: Options, context: RunContext) throws -> TranslationMemoryResource {
        let matcher = try context.resource(GlossaryResource.self).matcher
        if case let .postgres(url)? = options.tmStore {
            let shared = try PostgresTMStore(url: url, sourceLanguage: context.config.sourceLanguage,
                                             targetLanguage: context.config.targetLanguage)
            let (_, failed) = try shared.importTMX(options.translationMemories)
            for issue in failed { context.warn(issue.description) }
            let (replica, report) = try shared.replica()
            for issue in report.sync?.issues ?? [] { context.warn(issue.description) }
            return TranslationMemoryResource(memory: try TranslationMemory(store: replica, termMatcher: { matcher.match($0) }), store: replica,
                                             cache: shared)
        }
        let (loaded, issues) = try TranslationMemory.open(
            tmx: options.translationMemories, store: storeURL(options, context), sourceLanguage: context.config.sourceLanguage,
            targetLanguage: context.config.targetLanguage, termMatcher: { matcher.match($0) })
        for issue in issues { context.warn(issue.description) }
        let store = try? TMStore(url: storeURL(options, context), sourceLanguage: context.config.sourceLanguage,
                                 targetLanguage: context.config.targetLanguage)
        return TranslationMemoryResource(memory: loaded, store: store)
    }

    /// Where the run's SQLite TM store is (for a shared PostgreSQL store, this machine's replica).
    public static func storeURL(_ options: Options, _ context: RunContext) -> URL {
        switch options.tmStore {
        case let .file(url)?: return url
        case let .postgres(url)?: return PostgresTMStore.defaultCacheDirectory(for: url).appendingPathComponent("tm.sqlite")
        case nil: return context.output.appendingPathComponent(".selaras/tm.sqlite")
        }
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
