import Foundation
import SelarasCore
import SelarasOutput

/// Writes each article's files into the output folder, each atomically (temporary file, then rename),
/// and at the end of the run the batch's `index.html` and `run.tmx`.
public final class WriteStage: Stage, @unchecked Sendable {
    public static let name = "write"
    public static let doc = "Write the bilingual files for each article, and the run's index.html and run.tmx."
    public static let requires: Set<Layer> = [.segments]
    public static let provides: Set<Layer> = []
    public static let options: [OptionSpec] = [
        OptionSpec("formats", .choices(OutputFormat.allCases.map(\.rawValue)),
                   default: .list(["xlf", "tmx", "tsv", "md", "json", "html"]),
                   "Formats written per article: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")) (xlf2 = XLIFF 2.0)."),
        OptionSpec("index", .bool, default: .bool(true), "Write index.html, a page linking every article's files."),
        OptionSpec("run_tmx", .bool, default: .bool(true),
                   "Write run.tmx: every article's TM and reviewed pairs, for an OmegaT project's tm/ folder."),
    ]

    let formats: [OutputFormat]
    let output: URL
    let writerContext: WriterContext
    let writeIndex: Bool
    let writeRunTMX: Bool
    let pipelineName: String
    private let runTMX: RunTMXCollector
    // Guarded by `lock`: index entries of the articles processed in this run, by id.
    private let lock = NSLock()
    private var entries: [String: BatchIndexEntry] = [:]

    public init(options: StageOptions, context: RunContext) throws {
        formats = (options.list("formats") ?? []).compactMap(OutputFormat.init(rawValue:))
        output = context.output
        writeIndex = options.bool("index") ?? true
        writeRunTMX = options.bool("run_tmx") ?? true
        pipelineName = context.config.name
        writerContext = WriterContext(
            sourceLanguage: context.config.sourceLanguage, targetLanguage: context.config.targetLanguage,
            toolName: SelarasInfo.name, toolVersion: SelarasInfo.version, date: context.date,
            fillThreshold: context.config.stages.first { $0.name == TranslateStage.name }?.options.double("fill_threshold") ?? 95)
        runTMX = RunTMXCollector(context: writerContext)
    }

    public func process(_ document: inout Document, run: ArticleRun) throws {
        // Render everything first, so a format that fails leaves no partial set of new files.
        var rendered: [(String, Data)] = []
        for format in formats {
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
        if writeRunTMX { runTMX.add(document) }
        if writeIndex {
            let entry = BatchIndexEntry(document: document, formats: formats, fillThreshold: writerContext.fillThreshold)
            lock.lock()
            entries[document.article.id] = entry
            lock.unlock()
        }
    }

    /// index.html and run.tmx. Articles skipped as unchanged are taken from the files of the run that
    /// wrote them (their `.json`, else their `.tmx`); failed ones are listed with the reason.
    public func finish(_ report: RunReport) throws {
        var index: [BatchIndexEntry] = []
        for article in report.articles {
            lock.lock()
            let processed = entries[article.id]
            lock.unlock()
            if let processed {
                index.append(processed)
                continue
            }
            var entry = BatchIndexEntry(id: article.id, title: article.title, status: article.status == .failed ? .failed : .skipped,
                                        links: links(article.outputs), reason: article.error, sourcePath: article.source)
            if article.status == .skipped {
                let json = output.appendingPathComponent(OutputFormat.json.fileName(forArticle: article.id))
                let tmx = output.appendingPathComponent(OutputFormat.tmx.fileName(forArticle: article.id))
                if let data = try? Data(contentsOf: json), let document = try? JSONDecoder().decode(Document.self, from: data) {
                    entry = BatchIndexEntry(document: document, formats: formats, status: .skipped,
                                            fillThreshold: writerContext.fillThreshold)
                    if writeRunTMX { runTMX.add(document) }
                } else if writeRunTMX, FileManager.default.fileExists(atPath: tmx.path) {
                    _ = try? runTMX.addTMX(at: tmx, key: article.id)
                }
            }
            index.append(entry)
        }
        if writeIndex {
            let html = BatchIndexWriter().render(entries: index, context: writerContext, title: "Selaras: \(pipelineName)")
            try AtomicFile.write(html, to: output.appendingPathComponent(BatchIndexWriter.fileName))
        }
        if writeRunTMX {
            try AtomicFile.write(runTMX.render(), to: output.appendingPathComponent(RunTMXCollector.fileName))
        }
    }

    func links(_ outputs: [String]) -> [BatchIndexEntry.Link] {
        outputs.map { name in
            let label = OutputFormat.allCases.filter { name.hasSuffix($0.fileName(forArticle: "")) }
                .max { $0.fileName(forArticle: "").count < $1.fileName(forArticle: "").count }?.rawValue
            return BatchIndexEntry.Link(label: label ?? name, path: name)
        }
    }
}
