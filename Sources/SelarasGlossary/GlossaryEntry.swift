/// One concept in a glossary: an Indonesian term with its variants and English translations.
public struct GlossaryEntry: Sendable, Hashable, Codable {
    /// Status of the Indonesian term (TBX administrative status).
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case preferred, admitted, deprecated

        /// Reads a status as people write it: the three names, TBX's `preferredTerm-admn-sts` family,
        /// and `forbidden`/`superseded`/`obsolete` as deprecated. Nil for anything else.
        public init?(parsing text: String) {
            let t = text.trimmingCharacters(in: .whitespaces).lowercased()
            switch t {
            case "preferred", "preferredterm-admn-sts", "preferredterm", "preferred term": self = .preferred
            case "admitted", "admittedterm-admn-sts", "admittedterm", "admitted term", "permitted": self = .admitted
            case "deprecated", "deprecatedterm-admn-sts", "deprecatedterm", "forbidden", "supersededterm-admn-sts",
                 "superseded", "obsolete", "notrecommended", "not recommended":
                self = .deprecated
            default: return nil
            }
        }

        /// The TBX-Basic `administrativeStatus` value.
        public var tbxValue: String { "\(rawValue)Term-admn-sts" }
    }

    /// The domains the shipped glossaries use; others are allowed but `lint` warns about them.
    public static let knownDomains: [String] = [
        "politics", "government", "military", "law", "economy", "international relations",
    ]

    /// Whether `domain` is one of `knownDomains`, ignoring case and `-`/`_` for spaces.
    public static func isKnownDomain(_ domain: String) -> Bool {
        let d = domain.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return knownDomains.contains(d)
    }

    /// The source term exactly as written in the glossary file.
    public var term: String
    /// Other written forms, abbreviations and acronyms included.
    public var variants: [String]
    /// English translations, preferred first.
    public var translations: [String]
    /// English renderings that must not be used.
    public var forbidden: [String]
    /// Part of speech as written (`noun`, `verb`, `adj`, `propn`, ...); see `PartOfSpeech`.
    public var partOfSpeech: String?
    public var status: Status
    public var domain: String?
    /// When to use which translation, and anything else a translator should know.
    public var note: String?
    /// Where the entry comes from (a law, a style guide, a dictionary).
    public var source: String?
    /// Date of the entry (ISO 8601, `YYYY-MM-DD`).
    public var date: String?
    /// Phrases in which a form of the term means something else, so that the term is not reported
    /// there: `menahan diri` (restrain oneself) for `menahan` (detain), `sah-sah saja` (perfectly
    /// acceptable) for `sah` (valid). They match inflected like the term (`menahan dirinya`).
    public var exceptions: [String]
    /// The line of the entry in its file, for messages.
    public var line: Int?

    public init(term: String, variants: [String] = [], translations: [String], forbidden: [String] = [],
                partOfSpeech: String? = nil, status: Status = .preferred, domain: String? = nil, note: String? = nil,
                source: String? = nil, date: String? = nil, exceptions: [String] = [], line: Int? = nil) {
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
        self.exceptions = exceptions
        self.line = line
    }

    /// The term followed by its variants.
    public var forms: [String] { [term] + variants }

    /// The same entry without its file position (for comparing content).
    public var withoutLine: GlossaryEntry {
        var e = self
        e.line = nil
        return e
    }
}

/// Parts of speech as the matcher understands them.
public enum PartOfSpeech: String, Sendable, Hashable, CaseIterable {
    case noun, properNoun = "propn", verb, adjective = "adj", other

    /// Reads the `pos` field: English and Indonesian names and common abbreviations.
    /// Nil when the field is empty or unknown.
    public init?(parsing text: String?) {
        guard let t = text?.trimmingCharacters(in: .whitespaces).lowercased(), !t.isEmpty else { return nil }
        switch t {
        case "n", "noun", "nomina", "nn", "noun phrase", "np", "kata benda", "abbr", "abbreviation", "acronym",
             "singkatan", "akronim":
            self = .noun
        case "propn", "proper noun", "proper", "nnp", "name", "nama diri", "proper name":
            self = .properNoun
        case "v", "verb", "verba", "vb", "vt", "vi", "verb phrase", "vp", "kata kerja":
            self = .verb
        case "adj", "a", "adjective", "adjektiva", "jj", "kata sifat":
            self = .adjective
        case "adv", "adverb", "other", "phrase", "prep", "preposition", "x":
            self = .other
        default:
            return nil
        }
    }
}
