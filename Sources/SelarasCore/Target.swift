/// The English for one segment and where it came from.
public struct Target: Sendable, Codable, Hashable {
    /// Where a target came from. Machine translation is never reported as TM.
    public enum Provenance: String, Sendable, Codable, Hashable {
        case exactTM = "tm-exact"
        case fuzzyTM = "tm-fuzzy"
        case repairedTM = "tm-repaired"
        case machine = "mt"
        case reviewed
        case untranslated
    }

    /// nil when untranslated.
    public var text: String?
    public var provenance: Provenance
    /// The TM score for TM targets.
    public var score: Double?
    /// The TMX file, MT provider or reviewer that supplied the text.
    public var origin: String?

    public init(text: String?, provenance: Provenance, score: Double? = nil, origin: String? = nil) {
        self.text = text
        self.provenance = provenance
        self.score = score
        self.origin = origin
    }

    public static let untranslated = Target(text: nil, provenance: .untranslated)
}
