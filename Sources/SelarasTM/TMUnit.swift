/// One translation unit: an Indonesian source with its English target.
public struct TMUnit: Sendable, Hashable, Codable {
    /// The unit's `tuid`, when the TMX gave one.
    public var tuid: String?
    public var source: String
    public var target: String
    public var sourceLanguage: String
    public var targetLanguage: String
    /// `<prop type="...">` values, in file order.
    public var props: [Prop]
    public var notes: [String]
    /// The file name the unit came from.
    public var origin: String
    /// The line of the `<tu>` in its file.
    public var line: Int?
    /// TMX creation/change dates as written (YYYYMMDDThhmmssZ).
    public var creationDate: String?
    public var changeDate: String?

    public struct Prop: Sendable, Hashable, Codable {
        public var type: String
        public var value: String
        public init(type: String, value: String) {
            self.type = type
            self.value = value
        }
    }

    public init(tuid: String? = nil, source: String, target: String, sourceLanguage: String = "id",
                targetLanguage: String = "en", props: [Prop] = [], notes: [String] = [], origin: String,
                line: Int? = nil, creationDate: String? = nil, changeDate: String? = nil) {
        self.tuid = tuid
        self.source = source
        self.target = target
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.props = props
        self.notes = notes
        self.origin = origin
        self.line = line
        self.creationDate = creationDate
        self.changeDate = changeDate
    }
}
