import Foundation
import SelarasCore
import SelarasOutput

/// Writes each article's files into the output folder, each atomically (temporary file, then rename).
public struct WriteStage: Stage {
    public static let name = "write"
    public static let doc = "Write the bilingual files for each article."
    public static let requires: Set<Layer> = [.segments]
    public static let provides: Set<Layer> = []
    public static let options: [OptionSpec] = [
        OptionSpec("formats", .choices(OutputFormat.allCases.map(\.rawValue)),
                   default: .list(["xlf", "tmx", "tsv", "md", "json", "html"]),
                   "Formats written per article: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))."),
    ]

    let formats: [OutputFormat]
    let output: URL
    let writerContext: WriterContext

    public init(options: StageOptions, context: RunContext) throws {
        formats = (options.list("formats") ?? []).compactMap(OutputFormat.init(rawValue:))
        output = context.output
        writerContext = WriterContext(
            sourceLanguage: context.config.sourceLanguage, targetLanguage: context.config.targetLanguage,
            toolName: SelarasInfo.name, toolVersion: SelarasInfo.version, date: context.date,
            fillThreshold: context.config.stages.first { $0.name == TranslateStage.name }?.options.double("fill_threshold") ?? 95)
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
    }
}
