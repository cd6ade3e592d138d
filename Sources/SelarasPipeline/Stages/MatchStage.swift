import Foundation
import SelarasCore
import SelarasTM

/// Looks every segment up in the translation memory: exact, in-context and fuzzy matches.
public struct MatchStage: Stage {
    public static let name = "match"
    public static let doc = "Look every segment up in the translation memories (resources.translation_memories)."
    public static let requires: Set<Layer> = [.segments]
    public static let provides: Set<Layer> = [.matches]
    public static let options: [OptionSpec] = [
        OptionSpec("threshold", .double(0...100), default: .double(75), "Lowest fuzzy score (0–100) kept as a match."),
        OptionSpec("max", .int(1...50), default: .int(5), "Most matches kept per segment."),
        OptionSpec("context", .bool, default: .bool(true), "Use neighbouring segments to find in-context exact matches."),
    ]

    let tm: TranslationMemory
    let threshold: Double
    let maxMatches: Int
    let useContext: Bool
    let sources: [URL]
    let revision: String

    public init(options: StageOptions, context: RunContext) throws {
        tm = try context.translationMemory()
        if context.config.translationMemories.isEmpty {
            context.warn("stage 'match': resources.translation_memories is empty, so nothing will match")
        }
        threshold = options.double("threshold") ?? 75
        maxMatches = options.int("max") ?? 5
        useContext = options.bool("context") ?? true
        sources = context.config.translationMemories + context.config.glossaries
        revision = context.translationMemoryRevision()
    }

    public func process(_ document: inout Document, run: ArticleRun) throws {
        let segments = document.segments ?? []
        var matches: [[TMMatch]] = []
        matches.reserveCapacity(segments.count)
        for (i, segment) in segments.enumerated() {
            let query = TMQuery(
                text: segment.text,
                previous: useContext && i > 0 ? segments[i - 1].text : nil,
                next: useContext && i + 1 < segments.count ? segments[i + 1].text : nil,
                terms: document.terms?[i] ?? [])
            matches.append(tm.lookup(query, threshold: threshold, max: maxMatches))
        }
        document.matches = matches
    }

    public var fingerprintInputs: [URL] { sources }
    public var fingerprintValues: [String] { [revision] }
}
