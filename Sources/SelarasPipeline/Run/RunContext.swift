import Foundation
import SelarasCore
import SelarasGlossary
import SelarasTM

/// What the stages of one run share: the config, the output folder and the resources, each loaded
/// once on first use (a TM or glossary is read once per run, not once per article).
public final class RunContext: @unchecked Sendable {
    public let config: PipelineConfig
    public let output: URL
    /// Fixed timestamp for the whole run.
    public let date: Date
    private let lock = NSLock()
    private var tm: TranslationMemory?
    private var glossaryList: [Glossary]?
    private var warningsList: [String] = []
    private let onWarning: @Sendable (String) -> Void

    public init(config: PipelineConfig, output: URL, date: Date = Date(), onWarning: @escaping @Sendable (String) -> Void = { _ in }) {
        self.config = config
        self.output = output
        self.date = date
        self.onWarning = onWarning
    }

    /// Reports a non-fatal problem found while preparing or running the pipeline.
    public func warn(_ message: String) {
        lock.lock()
        warningsList.append(message)
        lock.unlock()
        onWarning(message)
    }

    public var warnings: [String] {
        lock.lock(); defer { lock.unlock() }
        return warningsList
    }

    /// The translation memory of the config's TMX files (opened on first call): the SQLite store at
    /// `resources.tm_store`, else `OUTPUT/.selaras/tm.sqlite`, built on first use and refreshed by
    /// content hash, so later runs do not parse the TMX again.
    /// Units added with `selaras tm update` to that store are matched too. Glossary terms drive
    /// term repair of fuzzy matches.
    public func translationMemory() throws -> TranslationMemory {
        lock.lock()
        if let tm { lock.unlock(); return tm }
        lock.unlock()
        let matcher = TermMatcher(glossaries: try glossaries())
        let (loaded, issues) = try TranslationMemory.open(
            tmx: config.translationMemories, store: tmStoreURL, sourceLanguage: config.sourceLanguage,
            targetLanguage: config.targetLanguage, termMatcher: { matcher.match($0) })
        for issue in issues { warn(issue.description) }
        lock.lock(); defer { lock.unlock() }
        if tm == nil { tm = loaded }
        return tm!
    }

    /// Where the run's TM store is.
    public var tmStoreURL: URL {
        config.tmStore ?? output.appendingPathComponent(".selaras/tm.sqlite")
    }

    /// What the TM holds, as a fingerprint: its files' content hashes and the units added to the store
    /// (an article is processed again after `selaras tm update`).
    public func translationMemoryRevision() -> String {
        guard let store = try? TMStore(url: tmStoreURL, sourceLanguage: config.sourceLanguage, targetLanguage: config.targetLanguage, create: false),
              let files = try? store.files() else { return "memory" }
        var f = Fingerprint()
        for file in files { f.combine("\(file.kind)|\(file.path)|\(file.hash)|\(file.units)|\(file.imported)") }
        return f.hex
    }

    /// The config's glossaries (loaded on first call).
    public func glossaries() throws -> [Glossary] {
        lock.lock()
        if let glossaryList { lock.unlock(); return glossaryList }
        lock.unlock()
        var list: [Glossary] = []
        for url in config.glossaries {
            let (g, issues) = try Glossary.load(contentsOf: url)
            for issue in issues { warn(issue.description) }
            list.append(g)
        }
        lock.lock(); defer { lock.unlock() }
        if glossaryList == nil { glossaryList = list }
        return glossaryList!
    }
}
