/// The tunable constants of the summarisers, with their defaults in one place.
///
/// The defaults were chosen on the IndoSum dev fold (see docs/summary.md); the learned ranker takes
/// its own selection constants from its model file and uses only the boosts from here.
public struct SummaryOptions: Sendable, Hashable {
    /// Reduce words to their roots (`IndonesianStemmer`) before comparing sentences in the graph
    /// ranker. Off by default: on IndoSum dev01 stemming lowered LexRank's ROUGE-1 by 0.5 and made
    /// the command about 1.35x slower (see docs/summary.md). The learned ranker follows its model file.
    public var stemming: Bool = false
    /// Probability that the LexRank walk follows an edge rather than jumping (PageRank's d).
    public var damping: Double = 0.85
    /// Position prior of the graph ranker: the jump probability to the i-th rankable sentence is
    /// proportional to `1 / (i + 1)^positionExponent` (0 = plain LexRank).
    public var positionExponent: Double = 1.5
    /// How much the position prior also weighs in the final score: `score = lexrank × prior^positionWeight`.
    public var positionWeight: Double = 1.0
    /// MMR trade-off for the graph ranker (0 = no redundancy control).
    public var redundancy: Double = 0.15
    /// Extra jump weight for sentences sharing terms with the headline: `× (1 + headlineBoost × cosine)`.
    public var headlineBoost: Double = 1.0
    /// Boost for sentences with glossary terms: score `× (1 + glossaryBoost × ln(1 + terms))`.
    public var glossaryBoost: Double = 0.2
    /// Boost for sentences dense in named entities (capitalised words not at the sentence start):
    /// score `× (1 + entityBoost × share of such words)`.
    public var entityBoost: Double = 0.0

    public init() {}

    public static let `default` = SummaryOptions()
}
