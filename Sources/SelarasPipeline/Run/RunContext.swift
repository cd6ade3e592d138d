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

    /// The translation memory built from the config's TMX files (loaded on first call).
    public func translationMemory() throws -> TranslationMemory {
        lock.lock()
        if let tm { lock.unlock(); return tm }
        lock.unlock()
        let (loaded, issues) = try TranslationMemory.load(
            tmx: config.translationMemories, sourceLanguage: config.sourceLanguage, targetLanguage: config.targetLanguage)
        for issue in issues { warn(issue.description) }
        lock.lock(); defer { lock.unlock() }
        if tm == nil { tm = loaded }
        return tm!
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
