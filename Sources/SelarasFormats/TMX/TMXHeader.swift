/// The `<header>` of a TMX file: what `TMXReader` found and what `TMXWriter` writes.
///
/// The seven attributes TMX 1.4b requires always have a value; the defaults describe a file written
/// by Selaras (sentence segments, plain text, Indonesian source).
public struct TMXHeader: Sendable, Hashable, Codable {
    /// The `version` of the `<tmx>` element as read ("1.4", "1.1", ...). The writer always writes 1.4.
    public var version: String
    public var creationTool: String
    public var creationToolVersion: String
    /// block, paragraph, sentence or phrase.
    public var segType: String
    /// `o-tmf`: the format of the TM this file came from.
    public var originalFormat: String
    public var adminLanguage: String
    /// `srclang`: a language code, or `*all*`.
    public var sourceLanguage: String
    public var dataType: String
    /// TMX creation date (YYYYMMDDThhmmssZ); the writer stamps the current time when nil.
    public var creationDate: String?
    public var creationID: String?
    public var changeDate: String?
    public var changeID: String?
    /// Other attributes (o-encoding, ...), in file order.
    public var attributes: [TMAttribute]
    public var props: [TMUnit.Prop]
    public var notes: [String]

    public init(version: String = "1.4", creationTool: String = "Selaras", creationToolVersion: String = "1",
                segType: String = "sentence", originalFormat: String = "Selaras", adminLanguage: String = "en",
                sourceLanguage: String = "id", dataType: String = "plaintext", creationDate: String? = nil,
                creationID: String? = nil, changeDate: String? = nil, changeID: String? = nil,
                attributes: [TMAttribute] = [], props: [TMUnit.Prop] = [], notes: [String] = []) {
        self.version = version
        self.creationTool = creationTool
        self.creationToolVersion = creationToolVersion
        self.segType = segType
        self.originalFormat = originalFormat
        self.adminLanguage = adminLanguage
        self.sourceLanguage = sourceLanguage
        self.dataType = dataType
        self.creationDate = creationDate
        self.creationID = creationID
        self.changeDate = changeDate
        self.changeID = changeID
        self.attributes = attributes
        self.props = props
        self.notes = notes
    }

    /// Sets a header attribute by its TMX name (unknown names go to `attributes`).
    mutating func set(_ name: String, _ value: String) {
        switch name {
        case "creationtool": creationTool = value
        case "creationtoolversion": creationToolVersion = value
        case "segtype": segType = value
        case "o-tmf": originalFormat = value
        case "adminlang": adminLanguage = value
        case "srclang": sourceLanguage = value
        case "datatype": dataType = value
        case "creationdate": creationDate = value
        case "creationid": creationID = value
        case "changedate": changeDate = value
        case "changeid": changeID = value
        default: attributes.append(TMAttribute(name: name, value: value))
        }
    }
}
