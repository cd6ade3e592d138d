/// The summarisers a pipeline or the CLI may name.
///
/// - `learned` (default): logistic-regression ranker with the bundled weights (`LearnedSummarizer`).
/// - `lexrank`: unsupervised position-biased LexRank with MMR (`LexRankSummarizer`).
/// - `lead`: the first sentences (`LeadSummarizer`).
public enum SummarizerRegistry {
    public static let defaultName = "learned"

    public static var names: [String] { ["learned", "lexrank", "lead"] }

    /// The summariser called `name`, or nil when there is none (or, for `learned`, when its model
    /// cannot be loaded; `make(named:)` says why).
    public static func summarizer(named name: String) -> (any Summarizer)? {
        try? make(named: name)
    }

    /// The summariser called `name`, with `options` for the boosts and the graph ranker.
    public static func make(named name: String, options: SummaryOptions = .default) throws -> any Summarizer {
        switch name {
        case "learned": return LearnedSummarizer(model: try SummaryModel.bundled.get(), options: options)
        case "lexrank": return LexRankSummarizer(options: options)
        case "lead": return LeadSummarizer()
        default: throw SummarizerRegistryError.unknownMethod(name)
        }
    }
}

/// A summariser that cannot be made.
public enum SummarizerRegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownMethod(String)

    public var description: String {
        switch self {
        case let .unknownMethod(name):
            return "unknown summary method '\(name)' (known: \(SummarizerRegistry.names.joined(separator: ", ")))"
        }
    }
}
