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
    /// The TMX file, MT provider or reviewer that supplied the text (for an untranslated segment:
    /// why it has no English, when something failed).
    public var origin: String?
    /// What the quality checks found wrong with the text (nil or empty: nothing).
    public var qa: [QAFinding]?

    public init(text: String?, provenance: Provenance, score: Double? = nil, origin: String? = nil, qa: [QAFinding]? = nil) {
        self.text = text
        self.provenance = provenance
        self.score = score
        self.origin = origin
        self.qa = qa
    }

    /// Whether a check flagged the text.
    public var needsReview: Bool { !(qa ?? []).isEmpty }

    public static let untranslated = Target(text: nil, provenance: .untranslated)
}

/// One problem a quality check found in a translation (machine translation or a TM fill).
public struct QAFinding: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The check that found it.
    public enum Check: String, Sendable, Codable, Hashable, CaseIterable {
        /// A number, amount, percentage, date or time of the source is missing or changed.
        case number
        /// A glossary term's translation is missing, or a forbidden one is used.
        case term
        /// The target is the source, or mostly copies it.
        case untranslated
        /// The target is much shorter than translations of such a sentence are: something is left out.
        case omission
        /// The target is much longer than translations of such a sentence are: something was added.
        case addition
        /// Inline tags or placeholders of the source are missing from the target, or extra.
        case tags
    }

    public var check: Check
    public var message: String

    public init(_ check: Check, _ message: String) {
        self.check = check
        self.message = message
    }

    public var description: String { "\(check.rawValue): \(message)" }
}
