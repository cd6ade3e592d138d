/// A glossary term found in a segment.
public struct TermHit: Sendable, Codable, Hashable {
    /// How the text matched the entry.
    public enum Kind: String, Sendable, Codable, Hashable {
        /// The term or one of its variants, as written (up to case).
        case exact
        /// An inflected form: affixes, clitics, reduplication.
        case inflected
        /// An acronym in capitals.
        case acronym
    }

    /// The entry's source term exactly as written in the glossary file.
    public var term: String
    /// Code-point offsets of the hit inside the segment text.
    public var start: Int
    public var end: Int
    /// The text as it appears in the segment.
    public var text: String
    /// Translations, preferred first.
    public var translations: [String]
    /// Translations the glossary forbids for this term.
    public var forbidden: [String]
    public var kind: Kind
    /// The glossary the entry came from (file name).
    public var origin: String

    public init(term: String, start: Int, end: Int, text: String, translations: [String], forbidden: [String] = [],
                kind: Kind, origin: String) {
        self.term = term
        self.start = start
        self.end = end
        self.text = text
        self.translations = translations
        self.forbidden = forbidden
        self.kind = kind
        self.origin = origin
    }
}
