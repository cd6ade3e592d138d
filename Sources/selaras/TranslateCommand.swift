import ArgumentParser
import Foundation
import SelarasCore
import SelarasGlossary
import SelarasJSONLines
import SelarasPipeline
import SelarasQA
import SelarasTM

/// `selaras translate [FILE ...] [--jsonl] [--pipeline P.yaml] [--provider P ...]`: sentences in,
/// English out, as the `translate` stage gives it (TM fill, MT with glossary terms and TM examples,
/// the MT cache, the checks).
struct TranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Translate sentences: TM fill, then the MT provider (with glossary terms, TM examples, cache), then the checks.",
        discussion: """
            Plain text (default): one sentence per line in; its English per line out (an empty line when it has none), \
            and each check's finding on stderr as FILE:LINE: check: message.

            --jsonl: {"id", "text", "previous"?, "next"?} per line in (previous/next: context sentences); \
            {"id", "translation", "provenance", "origin", "score"?, "qa": [{"check", "message"}]} per line out, same id, \
            same order. translation is null when there is none, and origin says why.

            --pipeline takes the translate stage's options and the resources (TMX files, TM store, glossaries) of a \
            pipeline config; the options below override them. Without it, give --provider (and what it needs) and, \
            for TM fills, examples and the MT cache, --tmx or --store. The API key is read from the environment \
            variable --api-key-env names.

            Exit status: 0 success; 1 some lines were not records or some sentences got no English because the \
            provider failed; 2 bad usage.
            """)

    @Argument(help: "Files of sentences (JSON-lines files with --jsonl). Standard input when none.")
    var files: [String] = []

    @Flag(name: .long, help: "Read {\"id\",\"text\"} JSON lines, write {\"id\",\"translation\",...} JSON lines.")
    var jsonl = false

    @Option(name: .long, help: ArgumentHelp("Take the translate options and resources of this pipeline config.", valueName: "PIPELINE.yaml"))
    var pipeline: String?

    @Option(name: .long, help: "The provider: none, openai, deepl, google, azure, libretranslate, command.")
    var provider: String?
    @Option(name: .long, help: "The provider's server.")
    var url: String?
    @Option(name: .long, help: "The model (openai).")
    var model: String?
    @Option(name: .long, help: "The NAME of the environment variable holding the API key.")
    var apiKeyEnv: String?
    @Option(name: .long, help: "The program to run (command provider).")
    var command: String?
    @Option(name: .long, help: "Sentences per request.")
    var batchSize: Int?
    @Option(name: .long, help: "Requests in flight at once.")
    var concurrency: Int?
    @Option(name: .long, help: "Seconds allowed for one request.")
    var timeout: Double?
    @Option(name: .long, help: "Further attempts after a failure.")
    var retries: Int?
    @Option(name: .long, help: "Characters sent at most.")
    var maxCharacters: Int?
    @Option(name: .long, help: "Lowest TM score whose target fills a sentence.")
    var fillThreshold: Double?
    @Option(name: .long, parsing: .singleValue, help: "A TMX file (repeatable): TM fills and examples.")
    var tmx: [String] = []
    @Option(name: .long, help: "A TM store (TM fills, examples, and the MT cache).")
    var store: String?
    @Option(name: .long, parsing: .singleValue, help: "A glossary file (repeatable).")
    var glossary: [String] = []
    @Flag(name: .long, help: "Do not run the checks.")
    var noQa = false
    @Flag(name: .long, help: "Do not use the MT cache.")
    var noCache = false

    func validate() throws {
        if let provider, TranslationSettings.Provider(rawValue: provider) == nil {
            throw ValidationError("unknown --provider '\(provider)' (known: \(TranslationSettings.Provider.words.joined(separator: ", ")))")
        }
        if store != nil && !tmx.isEmpty && pipeline != nil { throw ValidationError("give --store/--tmx or --pipeline, not both") }
    }

    func run() throws {
        let translator = try makeTranslator()
        let output = FileOutput()
        var failed = false
        for input in Inputs(files) {
            guard let fd = input.open() else { failed = true; continue }
            defer { input.close(fd) }
            guard let bytes = input.readAll(fd) else { failed = true; continue }
            var sentences: [SentenceTranslator.Input] = []
            var ids: [JSONID] = []
            if jsonl {
                let schema = JSONRecordSchema(strings: ["text", "previous", "next"], required: ["text"])
                JSONLines.forEach(in: bytes, schema: schema, source: input.name) { r in
                    ids.append(r.id)
                    sentences.append(.init(id: r.id.value, text: r.string(0) ?? "", previous: r.string(1), next: r.string(2)))
                } bad: { d in
                    Console.report(d)
                    failed = true
                }
            } else {
                for (n, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
                    sentences.append(.init(id: "\(n + 1)", text: text))
                }
                if sentences.last?.text.isEmpty == true { sentences.removeLast() }
            }
            let run = ArticleRun()
            let results = translator.translate(sentences, run: run)
            for w in run.warnings { Console.error("warning: \(input.name): \(w)") }
            if run.incomplete { failed = true }
            for (k, r) in results.enumerated() {
                if jsonl {
                    var w = JSONWriter()
                    w.beginRecord(id: ids[k])
                    w.key("origin"); if let o = r.target.origin { w.string(o) } else { w.null() }
                    w.key("provenance"); w.string(r.target.provenance.rawValue)
                    w.key("qa")
                    w.beginArray()
                    for f in r.target.qa ?? [] {
                        w.beginObject(); w.key("check"); w.string(f.check.rawValue); w.key("message"); w.string(f.message); w.endObject()
                    }
                    w.endArray()
                    if let s = r.target.score { w.key("score"); w.number(s) }
                    w.key("translation"); if let t = r.target.text { w.string(t) } else { w.null() }
                    w.endRecord()
                    output.bytes(w.bytes)
                } else {
                    output.line(r.target.text ?? "")
                    if r.target.text == nil, let why = r.target.origin, !sentences[k].text.isEmpty {
                        Console.error("\(input.name):\(k + 1): no English: \(why)")
                    }
                    for f in r.target.qa ?? [] { Console.error("\(input.name):\(k + 1): \(f)") }
                }
            }
        }
        output.flush()
        if failed { throw ExitCode(ExitStatus.someFailed) }
    }

    /// The translator from --pipeline and the options.
    func makeTranslator() throws -> SentenceTranslator {
        var settings = TranslationSettings()
        var memory: TranslationMemory?
        var cacheStore: TMStore?
        var matcher: TermMatcher?
        var glossaries: [Glossary] = []
        if let pipeline {
            let config: PipelineConfig
            do {
                config = try ConfigLoader(checkInputs: false).load(URL(fileURLWithPath: pipeline))
            } catch {
                for d in error.list { Console.report(d) }
                throw ExitCode(ExitStatus.usage)
            }
            settings = config.options(ofStage: TranslateStage.self) ?? settings
            let context = RunContext(config: config, output: config.output) { Console.error("warning: \($0)") }
            let tm = try context.resource(TranslationMemoryResource.self)
            memory = tm.memory
            cacheStore = tm.store
            let g = try context.resource(GlossaryResource.self)
            matcher = g.matcher
            glossaries = g.glossaries
        }
        if let provider { settings.provider = TranslationSettings.Provider(rawValue: provider)! }
        if let url { settings.url = url }
        if let model { settings.model = model }
        if let apiKeyEnv { settings.apiKeyEnv = apiKeyEnv }
        if let command { settings.command = command }
        if let batchSize { settings.batchSize = batchSize }
        if let concurrency { settings.concurrency = concurrency }
        if let timeout { settings.timeout = timeout }
        if let retries { settings.retries = retries }
        if let maxCharacters { settings.maxCharacters = maxCharacters }
        if let fillThreshold { settings.fillThreshold = fillThreshold }
        if noQa { settings.qa = false }
        if noCache { settings.cache = false }
        if let store {
            let s = try TMCommandSupport.openStore(store, languages: TMLanguageOptions(), create: true)
            if !tmx.isEmpty { _ = try s.sync(tmx: tmx.map(TMCommandSupport.url), prune: false) }
            memory = try TranslationMemory(store: s)
            cacheStore = s
        } else if !tmx.isEmpty {
            let (tm, issues) = try TranslationMemory.open(tmx: tmx.map(TMCommandSupport.url))
            TMCommandSupport.report(issues, limit: 20)
            memory = tm
            cacheStore = try? TMStore(url: TranslationMemory.defaultStoreURL(tmx: tmx.map(TMCommandSupport.url)))
        }
        if !glossary.isEmpty {
            glossaries = try GlossaryLoading.load(glossary)
            matcher = TermMatcher(glossaries: glossaries)
        }
        var entries: [(String, String)] = []
        for g in glossaries { for e in g.entries { if let t = e.translations.first { entries.append((e.term, t)) } } }
        let made: any TranslationProvider
        switch Result(catching: { () throws(Diagnostics) -> any TranslationProvider in try settings.makeProvider(glossary: entries) }) {
        case let .success(p): made = p
        case let .failure(e):
            for d in e.list { Console.error("error: \(d.message)") }
            throw ExitCode(ExitStatus.usage)
        }
        let translation = MachineTranslation(provider: made, settings: settings, memory: memory, cache: cacheStore,
                                             qa: settings.checker)
        return SentenceTranslator(translation: translation, matcher: matcher)
    }
}
