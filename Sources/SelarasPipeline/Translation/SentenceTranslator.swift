import Foundation
import SelarasCore
import SelarasGlossary
import SelarasJSONLines
import SelarasQA
import SelarasPostgres
import SelarasTM

/// Translates loose sentences (not articles) the way the `translate` stage does: TM fill, then the
/// provider with glossary terms, TM examples and the context the caller gives, through the MT cache,
/// then the checks. For `selaras translate` and other scripts.
public struct SentenceTranslator: Sendable {
    /// One sentence and the text around it (nil: none).
    public struct Input: Sendable {
        public var id: String
        public var text: String
        public var previous: String?
        public var next: String?

        public init(id: String, text: String, previous: String? = nil, next: String? = nil) {
            self.id = id
            self.text = text
            self.previous = previous
            self.next = next
        }
    }

    /// The English of one sentence, where it came from, and what the checks found.
    public struct Output: Sendable {
        public var target: Target
        /// The glossary terms found in the sentence.
        public var terms: [TermHit]
    }

    public let translation: MachineTranslation
    public let matcher: TermMatcher?
    public let matchThreshold: Double

    public init(translation: MachineTranslation, matcher: TermMatcher?, matchThreshold: Double = 75) {
        self.translation = translation
        self.matcher = matcher
        self.matchThreshold = matchThreshold
    }

    /// The outputs, one per input, in order; problems go to `run`.
    public func translate(_ inputs: [Input], run: ArticleRun) -> [Output] {
        var document = Document(article: Article(id: "sentences", paragraphs: inputs.map { Paragraph($0.text) }))
        document.segments = inputs.enumerated().map { i, input in
            Segment(id: input.id, text: input.text, paragraph: i, range: 0..<input.text.unicodeScalars.count)
        }
        let terms = inputs.map { matcher?.match($0.text) ?? [] }
        document.terms = terms
        if let memory = translation.memory {
            document.matches = inputs.map { memory.lookup(TMQuery(text: $0.text, terms: []), threshold: matchThreshold, max: 5) }
        }
        translation.fill(&document, run: run) { i in (inputs[i].previous, inputs[i].next) }
        return zip(document.targets ?? [], terms).map { Output(target: $0, terms: $1) }
    }
}

extension SentenceTranslator {
    /// The sentences of a `selaras translate` input: `{"id", "text", "previous"?, "next"?}` JSON
    /// lines (bad lines go to `bad`), or one sentence per line (ids are line numbers; a last empty
    /// line is not a sentence).
    public static func inputs(_ bytes: [UInt8], jsonl: Bool, source: String, bad: (Diagnostic) -> Void) -> ([JSONID], [Input]) {
        var ids: [JSONID] = []
        var sentences: [Input] = []
        if jsonl {
            let schema = JSONRecordSchema(strings: ["text", "previous", "next"], required: ["text"])
            JSONLines.forEach(in: bytes, schema: schema, source: source) { r in
                ids.append(r.id)
                sentences.append(Input(id: r.id.value, text: r.string(0) ?? "", previous: r.string(1), next: r.string(2)))
            } bad: { bad($0) }
            return (ids, sentences)
        }
        for (n, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            sentences.append(Input(id: "\(n + 1)", text: line.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        if sentences.last?.text.isEmpty == true { sentences.removeLast() }
        return (ids, sentences)
    }
}

extension SentenceTranslator.Output {
    /// The `selaras translate --jsonl` record: `{"id", "origin", "provenance", "qa", "score"?,
    /// "translation"}` (`translation` and `origin` null when absent; `qa` always a list).
    public func jsonRecord(id: JSONID) -> [UInt8] {
        var w = JSONWriter()
        w.beginRecord(id: id)
        w.key("origin")
        if let o = target.origin { w.string(o) } else { w.null() }
        w.key("provenance")
        w.string(target.provenance.rawValue)
        w.key("qa")
        w.beginArray()
        for f in target.qa ?? [] {
            w.beginObject()
            w.key("check"); w.string(f.check.rawValue)
            w.key("message"); w.string(f.message)
            w.endObject()
        }
        w.endArray()
        if let s = target.score { w.key("score"); w.number(s) }
        w.key("translation")
        if let t = target.text { w.string(t) } else { w.null() }
        w.endRecord()
        return w.bytes
    }
}

extension SentenceTranslator {
    /// Where a translator's options, TM, MT cache and glossaries come from.
    public struct Sources: Sendable {
        /// A pipeline config: its `translate` options and its resources (TMX files, TM store, glossaries).
        public var pipeline: URL?
        /// TMX files (without `store`: read into the TMX files' default store, which also keeps the MT cache).
        public var tmx: [URL] = []
        /// A TM store: TM fills, examples and the MT cache (created when missing; `tmx` synced into
        /// it); a shared `postgres://` store too (its replica for the TM, the shared MT cache).
        public var store: TMStoreLocation?
        /// Glossary files (replacing the pipeline's).
        public var glossaries: [URL] = []

        public init(pipeline: URL? = nil, tmx: [URL] = [], store: TMStoreLocation? = nil, glossaries: [URL] = []) {
            self.pipeline = pipeline
            self.tmx = tmx
            self.store = store
            self.glossaries = glossaries
        }
    }

    /// A translator from `sources`: the pipeline's options (or the defaults), changed by `adjust`,
    /// with the resources given. Reading problems that do not stop it (skipped TMX units, glossary
    /// warnings) go to `warn`. Throws `Diagnostics` for a bad config or provider settings, and the
    /// store's and readers' errors otherwise.
    public static func make(_ sources: Sources, adjust: (inout TranslationSettings) -> Void,
                            warn: @escaping @Sendable (String) -> Void) throws -> SentenceTranslator {
        var settings = TranslationSettings()
        var memory: TranslationMemory?
        var cache: (any TranslationCache)?
        var glossaries: [Glossary] = []
        var matcher: TermMatcher?
        if let pipeline = sources.pipeline {
            let config = try ConfigLoader(checkInputs: false).load(pipeline)
            settings = config.options(ofStage: TranslateStage.self) ?? settings
            let context = RunContext(config: config, output: config.output, onWarning: warn)
            let tm = try context.resource(TranslationMemoryResource.self)
            memory = tm.memory
            cache = tm.cache
            let g = try context.resource(GlossaryResource.self)
            glossaries = g.glossaries
            matcher = g.matcher
        }
        adjust(&settings)
        if case let .postgres(url)? = sources.store {
            let shared = try PostgresTMStore(url: url)
            if !sources.tmx.isEmpty {
                for issue in try shared.importTMX(sources.tmx).failed { warn(issue.description) }
            }
            memory = try TranslationMemory(store: shared.replica().store)
            cache = shared
        } else if case let .file(url)? = sources.store {
            let store = try TMStore(url: url, create: true)
            if !sources.tmx.isEmpty { _ = try store.sync(tmx: sources.tmx, prune: false) }
            memory = try TranslationMemory(store: store)
            cache = store
        } else if !sources.tmx.isEmpty {
            let (tm, issues) = try TranslationMemory.open(tmx: sources.tmx)
            for issue in issues.prefix(20) { warn(issue.description) }
            memory = tm
            cache = try? TMStore(url: TranslationMemory.defaultStoreURL(tmx: sources.tmx))
        }
        if !sources.glossaries.isEmpty {
            glossaries = try sources.glossaries.map { url in
                let (g, issues) = try Glossary.load(contentsOf: url)
                for issue in Glossary.located(issues, in: url.path) { warn(issue.description) }
                return g
            }
            matcher = TermMatcher(glossaries: glossaries)
        }
        var entries: [(String, String)] = []
        for g in glossaries { for e in g.entries { if let t = e.translations.first { entries.append((e.term, t)) } } }
        let provider = try settings.makeProvider(glossary: entries)
        let translation = MachineTranslation(provider: provider, settings: settings, memory: memory, cache: cache, qa: settings.checker)
        return SentenceTranslator(translation: translation, matcher: matcher)
    }
}
