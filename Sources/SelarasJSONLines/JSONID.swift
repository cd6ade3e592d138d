/// A record's `id`, exactly as the input gave it: a JSON string or a JSON number, written back
/// with the same JSON type and the same text (`7` stays `7`, `"7"` stays `"7"`, `1.50` stays `1.50`,
/// a string's escapes stay as they were written).
public struct JSONID: Sendable, Hashable, CustomStringConvertible {
    /// The JSON token (a string literal with its quotes, or a number), valid UTF-8.
    public let json: [UInt8]
    /// Whether the id is a JSON string (false: a number).
    public let isString: Bool
    /// The id's value: the unescaped string, or the number's text.
    public let value: String

    public init(json: [UInt8], isString: Bool, value: String) {
        self.json = json
        self.isString = isString
        self.value = value
    }

    /// A string id.
    public init(string: String) {
        var out: [UInt8] = []
        var s = string
        s.withUTF8 { JSONText.appendString($0, to: &out) }
        json = out
        isString = true
        value = string
    }

    /// A number id (its decimal text).
    public init(number: Int) {
        value = String(number)
        json = Array(value.utf8)
        isString = false
    }

    public var description: String { value }
}
