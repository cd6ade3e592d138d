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
        OptionSpec("stem", .bool, default: .bool(SummaryOptions.default.stemming),
                   "Compare sentences on stemmed words (lexrank; the learned model says for itself)."),
        OptionSpec("glossary_boost", .double(0...10), default: .double(SummaryOptions.default.glossaryBoost),
                   "Weight of glossary terms (from the terms stage) in a sentence's score (lexrank)."),
        OptionSpec("redundancy", .double(0...1), default: .double(SummaryOptions.default.redundancy),
                   "How strongly a sentence that repeats a chosen one is held back (MMR; lexrank)."),
    ]

    public static func check(_ options: StageOptions) -> [String] {
        let lengths = ["sentences", "ratio", "words"].filter { options.isExplicit($0) }
        return lengths.count > 1 ? ["give one of \(lengths.joined(separator: ", ")), not several"] : []
    }

    let summarizer: any Summarizer
    let length: SummaryLength

    public init(options: StageOptions, context: RunContext) throws {
        let method = options.string("method") ?? SummarizerRegistry.defaultName
        var tuning = SummaryOptions.default
        tuning.stemming = options.bool("stem") ?? tuning.stemming
        tuning.glossaryBoost = options.double("glossary_boost") ?? tuning.glossaryBoost
        tuning.redundancy = options.double("redundancy") ?? tuning.redundancy
        do {
            summarizer = try SummarizerRegistry.make(named: method, options: tuning)
        } catch {
            throw StageError(stage: Self.name, "\(error)")
        }
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
        let candidates = segments.enumerated().map { i, s in
            SummaryCandidate(text: s.text, rankable: s.role == .body, paragraph: s.paragraph,
                             isHeadline: s.role == .headline, glossaryTerms: document.terms?[i].count ?? 0)
        }
        document.summary = Summary(method: summarizer.name, sentences: summarizer.summarize(candidates, length: length))
    }
}
