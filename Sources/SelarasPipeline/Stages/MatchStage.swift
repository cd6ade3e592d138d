import Foundation
import SelarasCore
import SelarasTM

/// Looks every segment up in the translation memory: exact, in-context and fuzzy matches.
public struct MatchStage: Stage {
    public struct Options: Settings {
        @Setting("Lowest fuzzy score (0–100) kept as a match.", range: 0...100)
        public var threshold: Double = 75
        @Setting("Most matches kept per segment.", range: 1...50)
        public var max: Int = 5
        @Setting("Use neighbouring segments to find in-context exact matches.")
        public var context: Bool = true
        public init() {}
    }

    public static let name = "match"
    public static let doc = "Look every segment up in the translation memories (resources.translation_memories)."
    public static let requires: [any LayerKey.Type] = [SegmentsLayer.self]
    public static let provides: [any LayerKey.Type] = [MatchesLayer.self]
    public static let resources: [any Resource.Type] = [TranslationMemoryResource.self]

    let tm: TranslationMemory
    let options: Options

    public init(options: Options, context: RunContext) throws {
        tm = try context.resource(TranslationMemoryResource.self).memory
        if context.config.translationMemories.isEmpty {
            context.warn("stage 'match': resources.translation_memories is empty, so nothing will match")
        }
        self.options = options
    }

    public func process(_ document: inout Document, run: ArticleRun) throws {
        let segments = document.segments ?? []
        let terms = document.terms
        let queries = segments.indices.map { i in
            TMQuery(text: segments[i].text,
                    previous: options.context && i > 0 ? segments[i - 1].text : nil,
                    next: options.context && i + 1 < segments.count ? segments[i + 1].text : nil,
                    terms: terms?[i] ?? [])
        }
        document.matches = queries.map { tm.lookup($0, threshold: options.threshold, max: options.max) }
    }
}
