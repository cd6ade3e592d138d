/// How a translation-memory match relates to the new sentence, best first (after Okapi's MatchType).
public enum MatchKind: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    /// Same source text and the same neighbouring segments (in-context exact match).
    case exactWithContext = "exact-context"
    /// Same source text, character for character.
    case exact
    /// Same words; differs only in case, punctuation, spacing or inline tags.
    case exactTextOnly = "exact-text"
    /// A fuzzy match whose differing placeables or terms were rewritten into the target.
    case repairedFuzzy = "repaired-fuzzy"
    /// A fuzzy match above the threshold.
    case fuzzy

    /// Rank order: smaller is better.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: MatchKind, rhs: MatchKind) -> Bool { lhs.rank < rhs.rank }
}

/// One reason a match scored below 100, with the points it cost.
public struct MatchPenalty: Sendable, Codable, Hashable {
    public var reason: String
    public var points: Double
    public init(reason: String, points: Double) {
        self.reason = reason
        self.points = points
    }
}

/// A translation-memory match for one segment.
public struct TMMatch: Sendable, Codable, Hashable {
    /// 0–100, after penalties.
    public var score: Double
    public var kind: MatchKind
    public var source: String
    public var target: String
    /// The target rewritten for the new sentence (numbers, dates, terms), when repair applied.
    public var repairedTarget: String?
    /// What the repair changed, one human-readable line each ("3,5 → 3.5").
    public var repairs: [String]
    public var penalties: [MatchPenalty]
    /// Where the unit came from: the TMX file name (and tuid when there is one).
    public var origin: String

    public init(score: Double, kind: MatchKind, source: String, target: String, repairedTarget: String? = nil,
                repairs: [String] = [], penalties: [MatchPenalty] = [], origin: String) {
        self.score = score
        self.kind = kind
        self.source = source
        self.target = target
        self.repairedTarget = repairedTarget
        self.repairs = repairs
        self.penalties = penalties
        self.origin = origin
    }

    /// The target a translator should start from: the repaired one when there is one.
    public var bestTarget: String { repairedTarget ?? target }
}
