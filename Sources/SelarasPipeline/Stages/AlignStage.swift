import Foundation
import SelarasAlign
import SelarasCore

/// The aligner of a run: the FreeDict dictionary (`resources.alignment_dictionary`, by default
/// Debian's when installed) and the run's glossaries, loaded once.
public struct AlignerResource: Resource {
    public struct Options: Settings {
        @Setting("The FreeDict English-Indonesian dictionary the align stage uses (default: Debian's dict-freedict-eng-ind when installed).", mustExist: true)
        public var alignmentDictionary: URL? = nil
        public init() {}
    }

    public static let name = "aligner"
    public let aligner: SentenceAligner

    public static func load(_ options: Options, context: RunContext) throws -> AlignerResource {
        var resources = AlignmentJob.Resources()
        if let d = options.alignmentDictionary { resources.dictionary = d }
        var (aligner, _) = try AlignmentJob.aligner(resources) { context.warn($0) }
        aligner.lexicon.addGlossaries(try context.resource(GlossaryResource.self).glossaries)
        return AlignerResource(aligner: aligner)
    }
}

/// Aligns each article with its English edition, for articles given as pairs: `ARTICLE.id.txt`
/// with `ARTICLE.en.txt` beside it (the English file is not an article of its own), or a JSON line
/// with `text_en` beside `text`. The English is segmented with the English rules; the beads go to
/// the `alignment` layer, and those at `min_confidence` or more are pairs in the TMX outputs.
public struct AlignStage: Stage {
    public struct Options: Settings {
        @Setting("Lowest confidence of a bead that goes into the TMX outputs as a pair (the others stay in the JSON, for review).", range: 0...1)
        public var minConfidence: Double = 0.5
        public init() {}
    }

    public static let name = "align"
    public static let doc = "Align each article with its English edition (ARTICLE.en.txt beside ARTICLE.id.txt, or text_en in JSONL); sure pairs go into the TMX outputs."
    public static let requires: [any LayerKey.Type] = [SegmentsLayer.self]
    public static let provides: [any LayerKey.Type] = [AlignmentLayer.self]
    public static let resources: [any Resource.Type] = [AlignerResource.self, GlossaryResource.self]

    let aligner: SentenceAligner
    let minConfidence: Double

    public init(options: Options, context: RunContext) throws {
        aligner = try context.resource(AlignerResource.self).aligner
        minConfidence = options.minConfidence
    }

    /// The English edition of an article, if it has one.
    static func english(of article: Article) -> String? {
        if let t = article.metadata["text_en"] { return t }
        guard let path = article.sourcePath, let url = Self.englishFile(for: URL(fileURLWithPath: path)) else { return nil }
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// `X.en.txt` for `X.id.txt` (any extension), when it exists.
    static func englishFile(for url: URL) -> URL? {
        let name = url.lastPathComponent
        guard let r = name.range(of: ".id.", options: .backwards) else { return nil }
        let en = url.deletingLastPathComponent().appendingPathComponent(name.replacingCharacters(in: r, with: ".en."))
        return FileManager.default.fileExists(atPath: en.path) ? en : nil
    }

    public func process(_ document: inout Document, run: ArticleRun) throws {
        guard let english = Self.english(of: document.article) else {
            run.warnings.append("align: no English edition (ARTICLE.en.txt beside ARTICLE.id.txt, or text_en); not aligned")
            return
        }
        let source = (document.segments ?? []).map(\.text)
        let target = AlignmentJob.sentences(english, language: "en")
        let beads = aligner.align(documents: [(source, target)], workers: 1)[0]
        document[AlignmentLayer.self] = Alignment(minConfidence: minConfidence, pairs: beads.map {
            AlignedPair(segments: Array($0.source), english: Array(target[$0.target]), confidence: ($0.confidence * 1000).rounded() / 1000)
        })
    }
}
