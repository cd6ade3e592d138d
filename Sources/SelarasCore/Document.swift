/// The value that passes from stage to stage: the article plus the layers stages have added.
///
/// Each layer is `nil` until the stage that provides it has run. Per-segment layers (`matches`,
/// `terms`, `targets`) are parallel to `segments`: element `i` belongs to segment `i`.
public struct Document: Sendable, Codable, Hashable {
    public var article: Article
    public var segments: [Segment]?
    public var matches: [[TMMatch]]?
    public var terms: [[TermHit]]?
    public var summary: Summary?
    public var targets: [Target]?

    public init(article: Article) {
        self.article = article
    }

    /// The layers present in this document.
    public var layers: Set<Layer> {
        var l: Set<Layer> = [.article]
        if segments != nil { l.insert(.segments) }
        if matches != nil { l.insert(.matches) }
        if terms != nil { l.insert(.terms) }
        if summary != nil { l.insert(.summary) }
        if targets != nil { l.insert(.targets) }
        return l
    }
}

/// A layer of the document that a stage requires or provides.
public enum Layer: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case article, segments, matches, terms, summary, targets

    public static func < (lhs: Layer, rhs: Layer) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
