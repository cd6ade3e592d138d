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
        SegmentsLayer.self, MatchesLayer.self, TermsLayer.self, SummaryLayer.self, TargetsLayer.self,
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
