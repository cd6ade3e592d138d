import Foundation
import SelarasCore
import SelarasSummary

/// Picks the summary sentences. Headlines, subheadings and news furniture are never picked.
public struct SummarizeStage: Stage {
    public static let name = "summarize"
    public static let doc = "Choose the summary sentences (extractive)."
    public static let requires: Set<Layer> = [.segments]
    public static let provides: Set<Layer> = [.summary]
    public static let options: [OptionSpec] = [
        OptionSpec("method", .choice(SummarizerRegistry.names), default: .string(SummarizerRegistry.defaultName),
                   "Summariser: \(SummarizerRegistry.names.joined(separator: ", "))."),
        OptionSpec("sentences", .int(1...100), default: .int(3), "Sentences in the summary."),
        OptionSpec("ratio", .double(0.01...1), default: nil, "Fraction of the sentences instead of a count."),
        OptionSpec("words", .int(1...10_000), default: nil, "Word budget instead of a count."),
    ]

    let summarizer: any Summarizer
    let length: SummaryLength

    public init(options: StageOptions, context: RunContext) throws {
        let method = options.string("method") ?? SummarizerRegistry.defaultName
        guard let s = SummarizerRegistry.summarizer(named: method) else {
            throw StageError(stage: Self.name, "unknown method '\(method)'")
        }
        summarizer = s
        if let r = options.double("ratio") {
            length = .ratio(r)
        } else if let w = options.int("words") {
            length = .words(w)
        } else {
            length = .sentences(options.int("sentences") ?? 3)
        }
    }

    public func process(_ document: inout Document, run: ArticleRun) throws {
        let segments = document.segments ?? []
        let candidates = segments.map { SummaryCandidate(text: $0.text, rankable: $0.role == .body) }
        document.summary = Summary(method: summarizer.name, sentences: summarizer.summarize(candidates, length: length))
    }
}
