/// A token of Indonesian text with its code-point range in the text it came from.
public struct Token: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case word, number, punctuation, symbol, url, email, hashtag, mention, acronym, date, time, percent, currency
    }
    public var text: String
    /// Code-point offsets in the tokenised text.
    public var range: Range<Int>
    public var kind: Kind

    public init(text: String, range: Range<Int>, kind: Kind) {
        self.text = text
        self.range = range
        self.kind = kind
    }
}
