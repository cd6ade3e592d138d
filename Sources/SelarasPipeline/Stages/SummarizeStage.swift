import Foundation
import SelarasCore
import SelarasSummary

/// Picks the summary sentences. Headlines, subheadings and news furniture are never picked.
public struct SummarizeStage: Stage {
    public struct Options: Settings {
        @Setting("Summariser: \(SummarizerRegistry.names.joined(separator: ", ")).", choices: SummarizerRegistry.names)
        public var method: String = SummarizerRegistry.defaultName
        @Setting("Sentences in the summary.", range: 1...100)
        public var sentences: Int = SummaryLength.defaultSentences
        @Setting("Fraction of the sentences instead of a count.", range: 0.01...1)
        public var ratio: Double? = nil
        @Setting("Word budget instead of a count.", range: 1...10_000)
        public var words: Int? = nil
        @Setting("Compare sentences on stemmed words (lexrank; the learned model says for itself).")
        public var stem: Bool = SummaryOptions.default.stemming
        @Setting("Weight of glossary terms (from the terms stage) in a sentence's score (lexrank).", range: 0...10)
        public var glossaryBoost: Double = SummaryOptions.default.glossaryBoost
        @Setting("How strongly a sentence that repeats a chosen one is held back (MMR; lexrank).", range: 0...1)
        public var redundancy: Double = SummaryOptions.default.redundancy
        public init() {}

        /// The length the options ask for.
        public var length: SummaryLength {
            if let ratio { return .ratio(ratio) }
            if let words { return .words(words) }
            return .sentences(sentences)
        }
    }

    public static let name = "summarize"
    public static let doc = "Choose the summary sentences (extractive)."
    public static let requires: [any LayerKey.Type] = [SegmentsLayer.self]
    public static let provides: [any LayerKey.Type] = [SummaryLayer.self]

    public static func check(_ options: Options) -> [Diagnostic] {
        let lengths = [("sentences", options.$sentences.location), ("ratio", options.$ratio.location), ("words", options.$words.location)]
            .filter { $0.1 != nil }
        guard lengths.count > 1 else { return [] }
        return [.error(.configInvalidValue, at: lengths[1].1, "give one of \(lengths.map(\.0).joined(separator: ", ")), not several")]
    }

    let summarizer: any Summarizer
    let length: SummaryLength

    public init(options: Options, context: RunContext) throws {
        var tuning = SummaryOptions.default
        tuning.stemming = options.stem
        tuning.glossaryBoost = options.glossaryBoost
        tuning.redundancy = options.redundancy
        do {
            summarizer = try SummarizerRegistry.make(named: options.method, options: tuning)
        } catch {
            throw StageError(stage: Self.name, "\(error)")
        }
        length = options.length
    }

    public func process(_ document: inout Document, run: ArticleRun) throws {
        let candidates = SummaryCandidate.candidates(document.segments ?? [], terms: document.terms)
        document.summary = Summary(method: summarizer.name, sentences: summarizer.summarize(candidates, length: length))
    }
}
