import ArgumentParser
import Foundation
import SelarasCore
import SelarasJSONLines
import SelarasPipeline

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
    @Option(name: .long, help: "A TM store (TM fills, examples, and the MT cache): a SQLite file or postgres://USER@HOST:PORT/DB.")
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
    }

    func run() throws {
        let translator = try makeTranslator()
        let output = FileOutput()
        var failed = false
        for input in Inputs(files) {
            guard let fd = input.open() else { failed = true; continue }
            defer { input.close(fd) }
            guard let bytes = input.readAll(fd) else { failed = true; continue }
            let (ids, sentences) = SentenceTranslator.inputs(bytes, jsonl: jsonl, source: input.name) { Console.report($0); failed = true }
            let run = ArticleRun()
            let results = translator.translate(sentences, run: run)
            for w in run.warnings { Console.error("warning: \(input.name): \(w)") }
            if run.incomplete { failed = true }
            for (k, r) in results.enumerated() {
                if jsonl {
                    output.bytes(r.jsonRecord(id: ids[k]))
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
        let sources = SentenceTranslator.Sources(pipeline: pipeline.map(TMCommandSupport.url), tmx: tmx.map(TMCommandSupport.url),
                                                 store: store.map { TMStoreLocation(argument: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) }, glossaries: glossary.map(TMCommandSupport.url))
        do {
            let overrides = TranslationSettings.Overrides(
                provider: provider.flatMap(TranslationSettings.Provider.init(rawValue:)), url: url, model: model, apiKeyEnv: apiKeyEnv, command: command,
                batchSize: batchSize, concurrency: concurrency, timeout: timeout, retries: retries, maxCharacters: maxCharacters,
                fillThreshold: fillThreshold, qa: noQa ? false : nil, cache: noCache ? false : nil)
            return try SentenceTranslator.make(sources, adjust: overrides.apply(to:), warn: { Console.error("warning: \($0)") })
        } catch let e as Diagnostics {
            for d in e.list { Console.report(d) }
            throw ExitCode(ExitStatus.usage)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(ExitStatus.usage)
        }
    }
}
