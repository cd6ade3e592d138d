/// A token of Indonesian text with its code-point range in the text it came from.
public struct Token: Sendable, Hashable {
    /// What a token is.
    ///
    /// Placeables (see `Placeable`) come as `number`, `currency` (an amount of money: `Rp2,1
    /// triliun`), `percent`, `date` (`13/2`, `Kamis (13/2)`, `13 Februari 2025`) and `time`
    /// (`19.30 WIB`), with `placeable` set.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Letters (and digits) with inner hyphens and apostrophes: `negara-negara`, `Jum'at`.
        case word
        case number
        case punctuation
        case symbol
        case url
        case email
        case hashtag
        case mention
        /// Upper-case words (`DPR`, `COVID-19`, `PDI-P`) and dotted abbreviations (`S.H.`, `a.n.`).
        case acronym
        case date
        case time
        case percent
        /// An amount of money.
        case currency
    }

    public var text: String
    /// Code-point offsets in the tokenised text.
    public var range: Range<Int>
    public var kind: Kind
    /// The number, amount, percentage, date or time this token stands for, if any.
    public var placeable: Placeable?

    public init(text: String, range: Range<Int>, kind: Kind, placeable: Placeable? = nil) {
        self.text = text
        self.range = range
        self.kind = kind
        self.placeable = placeable
    }

    /// A hyphenated word whose halves repeat one root: `negara-negara`, `berbeda-beda`,
    /// `sehari-hari`, `undang-undang`.
    public var isReduplication: Bool {
        guard kind == .word || kind == .acronym else { return false }
        let parts = text.lowercased().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        let a = String(parts[0]), b = String(parts[1])
        return a == b || a.hasSuffix(b) || b.hasPrefix(a)
    }

    /// Whether the token is a word, acronym or other letters-bearing token (not punctuation,
    /// a symbol or a placeable).
    public var isWordLike: Bool {
        switch kind {
        case .word, .acronym, .hashtag, .mention: return true
        default: return false
        }
    }
}

extension Token.Kind {
    init(_ placeable: Placeable.Kind) {
        switch placeable {
        case .number: self = .number
        case .amount: self = .currency
        case .percent: self = .percent
        case .date: self = .date
        case .time: self = .time
        }
    }
}
