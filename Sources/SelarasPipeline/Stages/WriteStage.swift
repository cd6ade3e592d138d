import Foundation
import SelarasCore
import SelarasOutput

extension OutputFormat: SettingChoice {}

/// Writes each article's files into the output folder, each atomically (temporary file, then rename),
/// and at the end of the run the batch's `index.html` and `run.tmx`.
public struct WriteStage: Stage {
    public struct Options: Settings {
        @Setting("Formats written per article: \(OutputFormat.words.joined(separator: ", ")) (xlf2 = XLIFF 2.0).")
        public var formats: [OutputFormat] = [.xliff, .tmx, .tsv, .markdown, .json, .html]
        @Setting("Write index.html, a page linking every article's files.")
        public var index: Bool = true
        @Setting("Write run.tmx: every article's TM and reviewed pairs, for an OmegaT project's tm/ folder.")
        public var runTmx: Bool = true
        public init() {}
    }

    public static let name = "write"
    public static let doc = "Write the bilingual files for each article, and the run's index.html and run.tmx."
    public static let requires: [any LayerKey.Type] = [SegmentsLayer.self]
    public static let provides: [any LayerKey.Type] = []

    let options: Options
    let output: URL
    let writerContext: WriterContext
    let pipelineName: String
    /// The layers of JSON documents read back for skipped articles.
    let layerKeys: [any LayerKey.Type]
    private let runTMX: RunTMXCollector
    /// Index entries of the articles processed in this run, by id.
    private let entries = Locked<[String: BatchIndexEntry]>([:])

    public init(options: Options, context: RunContext) throws {
        self.options = options
        output = context.output
        pipelineName = context.config.name
        // The translate stage's threshold when the pipeline has one (the writers mark fills by it).
        let fill = (context.config.options(ofStage: TranslateStage.self) ?? TranslationSettings()).fillThreshold
        writerContext = WriterContext(
            sourceLanguage: context.config.sourceLanguage, targetLanguage: context.config.targetLanguage,
            toolName: SelarasInfo.name, toolVersion: SelarasInfo.version, date: context.date, fillThreshold: fill)
        runTMX = RunTMXCollector(context: writerContext)
        layerKeys = Document.standardLayers + context.config.stages.flatMap { $0.type.provides }
    }

    public func process(_ document: inout Document, run: ArticleRun) throws {
        // Render everything first, so a format that fails leaves no partial set of new files.
        var rendered: [(String, Data)] = []
        for format in options.formats {
            do {
                rendered.append((format.fileName(forArticle: document.article.id), try format.writer.render(document, context: writerContext)))
            } catch {
                throw StageError(stage: Self.name, "\(format.rawValue): \(error)")
            }
        }
        for (name, data) in rendered {
            try AtomicFile.write(data, to: output.appendingPathComponent(name))
            run.outputs.append(name)
        }
        if options.runTmx { runTMX.add(document) }
        if options.index {
            let entry = BatchIndexEntry(document: document, formats: options.formats, status: run.incomplete ? .partial : .ok,
                                        reason: run.incomplete ? "some sentences have no English: machine translation failed (retried on the next run)" : nil,
                                        fillThreshold: writerContext.fillThreshold)
            let id = document.article.id
            entries.withLock { $0[id] = entry }
        }
    }

    /// index.html and run.tmx. Articles skipped as unchanged are taken from the files of the run that
    /// wrote them (their `.json`, else their `.tmx`); failed ones are listed with the reason. When
    /// every article was skipped and the batch files list the same articles, they are left as they are.
    public func finish(_ report: RunReport) throws {
        // A run interrupted before any article finished has nothing to list.
        guard !report.articles.isEmpty else { return }
        let manifest = BatchManifest(report: report, options: options)
        if report.totals.ok == 0, report.totals.failed == 0, report.totals.partial == 0, manifest.isCurrent(in: output, index: options.index, runTMX: options.runTmx) {
            return
        }
        let processed = entries.value
        var index: [BatchIndexEntry] = []
        let decoder = JSONDecoder()
        decoder.userInfo[Document.layerKeysKey] = layerKeys
        for article in report.articles {
            if let entry = processed[article.id] {
                index.append(entry)
                continue
            }
            var entry = BatchIndexEntry(id: article.id, title: article.title, status: article.status == .failed ? .failed : .skipped,
                                        links: links(article.outputs), reason: article.error, sourcePath: article.source)
            // Articles written by another process (a shard, for `report merge`) are read back like
            // skipped ones, and keep their status.
            if article.status != .failed {
                let status: BatchIndexEntry.Status = article.status == .ok ? .ok : article.status == .partial ? .partial : .skipped
                let json = output.appendingPathComponent(OutputFormat.json.fileName(forArticle: article.id))
                let tmx = output.appendingPathComponent(OutputFormat.tmx.fileName(forArticle: article.id))
                if let data = try? Data(contentsOf: json), let document = try? decoder.decode(Document.self, from: data) {
                    entry = BatchIndexEntry(document: document, formats: options.formats, status: status,
                                            fillThreshold: writerContext.fillThreshold)
                    if options.runTmx { runTMX.add(document) }
                } else if options.runTmx, FileManager.default.fileExists(atPath: tmx.path) {
                    _ = try? runTMX.addTMX(at: tmx, key: article.id)
                }
            }
            index.append(entry)
        }
        if options.index {
            let html = BatchIndexWriter().render(entries: index, context: writerContext, title: "Selaras: \(pipelineName)")
            try AtomicFile.write(html, to: output.appendingPathComponent(BatchIndexWriter.fileName))
        }
        if options.runTmx {
            try AtomicFile.write(runTMX.render(), to: output.appendingPathComponent(RunTMXCollector.fileName))
        }
        try manifest.save(in: output)
    }

    func links(_ outputs: [String]) -> [BatchIndexEntry.Link] {
        outputs.map { name in
            let label = OutputFormat.allCases.filter { name.hasSuffix($0.fileName(forArticle: "")) }
                .max { $0.fileName(forArticle: "").count < $1.fileName(forArticle: "").count }?.rawValue
            return BatchIndexEntry.Link(label: label ?? name, path: name)
        }
    }
}

/// What the batch files (index.html, run.tmx) were last built from: the articles and their
/// statuses, and the write options. Kept in `OUTPUT/.selaras/batch.json`.
struct BatchManifest: Codable, Equatable {
    var articles: [String]
    var formats: [String]

    init(report: RunReport, options: WriteStage.Options) {
        articles = report.articles.map { "\($0.id)|\($0.status.rawValue == "failed" ? "failed" : "done")|\($0.source)" }
        formats = options.formats.map(\.rawValue) + ["index=\(options.index)", "run_tmx=\(options.runTmx)"]
    }

    static func url(in output: URL) -> URL { output.appendingPathComponent(".selaras/batch.json") }

    /// Whether the files on disk were built from the same articles and options, and are all there.
    func isCurrent(in output: URL, index: Bool, runTMX: Bool) -> Bool {
        guard let data = FileManager.default.contents(atPath: Self.url(in: output).path),
              let saved = try? JSONDecoder().decode(BatchManifest.self, from: data), saved == self else { return false }
        if index, !FileManager.default.fileExists(atPath: output.appendingPathComponent(BatchIndexWriter.fileName).path) { return false }
        if runTMX, !FileManager.default.fileExists(atPath: output.appendingPathComponent(RunTMXCollector.fileName).path) { return false }
        return true
    }

    func save(in output: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(try encoder.encode(self), to: Self.url(in: output))
    }
}
