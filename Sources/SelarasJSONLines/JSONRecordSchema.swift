/// Which fields a command reads from each JSON-lines record, besides `id`.
///
/// Fields not named here are skipped (their JSON is still checked), except with `keepOtherStrings`,
/// which keeps every other string or number field by name (article metadata).
public struct JSONRecordSchema: Sendable {
    /// String fields, in the order `JSONRecord.string(_:)` indexes them.
    public var strings: [String]
    /// Fields holding a list of strings (a single string is taken as a list of one).
    public var stringLists: [String]
    /// Fields a record must have (strings or lists).
    public var required: Set<String>
    /// Whether a record must have an `id`.
    public var requiresID: Bool
    /// Keep other string and number fields by name.
    public var keepOtherStrings: Bool

    public init(strings: [String], stringLists: [String] = [], required: Set<String>, requiresID: Bool = true,
                keepOtherStrings: Bool = false) {
        self.strings = strings
        self.stringLists = stringLists
        self.required = required
        self.requiresID = requiresID
        self.keepOtherStrings = keepOtherStrings
    }

    /// `{"id", "text"}`, the contract of `segment`, `summarize` and `glossary match`.
    public static let text = JSONRecordSchema(strings: ["text"], required: ["text"])

    /// How a record is named in messages: `{"id", "text"}`.
    public var shape: String {
        let names = (requiresID ? ["id"] : []) + (strings + stringLists).filter { required.contains($0) }
        return "{" + names.map { "\"\($0)\"" }.joined(separator: ", ") + "}"
    }
}
