/// The layers of the standard stages. Each is a key of `Document`; the writers read them.

/// The sentences (and headline, headings, furniture) cut from the article's paragraphs.
public enum SegmentsLayer: LayerKey {
    public static let name = "segments"
    public typealias Value = [Segment]
}

/// Translation-memory matches, best first, per segment.
public enum MatchesLayer: LayerKey {
    public static let name = "matches"
    public typealias Value = [[TMMatch]]
}

/// Glossary terms found, per segment.
public enum TermsLayer: LayerKey {
    public static let name = "terms"
    public typealias Value = [[TermHit]]
}

/// The summary sentences.
public enum SummaryLayer: LayerKey {
    public static let name = "summary"
    public typealias Value = Summary
}

/// The English for each segment and where it came from.
public enum TargetsLayer: LayerKey {
    public static let name = "targets"
    public typealias Value = [Target]
}

extension Document {
    /// The layer keys Selaras itself defines (decoded with their types from a JSON document).
    public static let standardLayers: [any LayerKey.Type] = [
        SegmentsLayer.self, MatchesLayer.self, TermsLayer.self, SummaryLayer.self, TargetsLayer.self, AlignmentLayer.self,
    ]

    public var segments: [Segment]? {
        get { self[SegmentsLayer.self] }
        set { self[SegmentsLayer.self] = newValue }
    }

    public var matches: [[TMMatch]]? {
        get { self[MatchesLayer.self] }
        set { self[MatchesLayer.self] = newValue }
    }

    public var terms: [[TermHit]]? {
        get { self[TermsLayer.self] }
        set { self[TermsLayer.self] = newValue }
    }

    public var summary: Summary? {
        get { self[SummaryLayer.self] }
        set { self[SummaryLayer.self] = newValue }
    }

    public var targets: [Target]? {
        get { self[TargetsLayer.self] }
        set { self[TargetsLayer.self] = newValue }
    }
}

/// One bead of an article aligned with its English edition: the segments (indices into `segments`)
/// and the English sentences that translate them, with the aligner's confidence.
public struct AlignedPair: Sendable, Hashable, Codable {
    public var segments: [Int]
    public var english: [String]
    public var confidence: Double

    public init(segments: [Int], english: [String], confidence: Double) {
        self.segments = segments
        self.english = english
        self.confidence = confidence
    }
}

/// An article aligned with its English edition: every bead, and the confidence from which a bead
/// is a translation pair (for the TMX outputs; the others are for review).
public struct Alignment: Sendable, Hashable, Codable {
    public var minConfidence: Double
    public var pairs: [AlignedPair]

    public init(minConfidence: Double, pairs: [AlignedPair]) {
        self.minConfidence = minConfidence
        self.pairs = pairs
    }

    enum CodingKeys: String, CodingKey { case minConfidence = "min_confidence", pairs }
}

/// The article's segments aligned with the sentences of its English edition (the `align` stage).
public enum AlignmentLayer: LayerKey {
    public static let name = "alignment"
    public typealias Value = Alignment
}
