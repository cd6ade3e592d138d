import SelarasCore

/// One parsed record, as a `JSONLinesJob` transform sees it: valid during the call only.
public struct JSONRecord {
    /// The line's bytes (without its line break and byte-order mark).
    public let line: UnsafeBufferPointer<UInt8>
    /// The 1-based line number in the input.
    public let number: Int
    /// The input's name in messages.
    public let source: String
    let parser: JSONRecordParser

    /// The id as given; a record without one (when the schema allows it) gets its line number.
    public var id: JSONID { parser.id ?? JSONID(number: number) }

    /// Whether string field `k` of the schema was given.
    public func has(_ k: Int) -> Bool { parser.has(k) }

    /// Calls `body` with the UTF-8 of string field `k` (an index into `schema.strings`).
    public func withString<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try parser.withString(k, in: line, body)
    }

    /// String field `k`, nil when absent.
    public func string(_ k: Int) -> String? { parser.string(k, in: line) }

    /// List field `k` (an index into `schema.stringLists`), nil when absent.
    public func strings(_ k: Int) -> [String]? { parser.strings(k) }

    /// Other string and number fields (with `keepOtherStrings`).
    public var otherFields: [(key: String, value: String)] { parser.otherFields }

    /// The record's place, for messages.
    public var location: SourceLocation { SourceLocation(file: source, line: number) }
}
