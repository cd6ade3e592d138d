/// One concept in a glossary: an Indonesian term with its variants and English translations.
public struct GlossaryEntry: Sendable, Hashable, Codable {
    /// Status of the Indonesian term (TBX administrative status).
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case preferred, admitted, deprecated
    }

    /// The source term exactly as written in the glossary file.
    public var term: String
    /// Other written forms, abbreviations and acronyms included.
    public var variants: [String]
    /// English translations, preferred first.
    public var translations: [String]
    /// English renderings that must not be used.
    public var forbidden: [String]
    public var partOfSpeech: String?
    public var status: Status
    public var domain: String?
    public var note: String?
    public var source: String?
    public var date: String?
    /// The line of the entry in its file, for messages.
    public var line: Int?

    public init(term: String, variants: [String] = [], translations: [String], forbidden: [String] = [],
                partOfSpeech: String? = nil, status: Status = .preferred, domain: String? = nil, note: String? = nil,
                source: String? = nil, date: String? = nil, line: Int? = nil) {
        self.term = term
        self.variants = variants
        self.translations = translations
        self.forbidden = forbidden
        self.partOfSpeech = partOfSpeech
        self.status = status
        self.domain = domain
        self.note = note
        self.source = source
        self.date = date
        self.line = line
    }
}
