/// One translation unit: an Indonesian source with its English target.
///
/// `source` and `target` are plain text: inline codes of the TMX segment (`bpt`, `ept`, `ph`, `it`,
/// `ut`, `hi`) are not in the text but kept as placeholders in `sourceVariant.markup` and
/// `targetVariant.markup`, each at a code-point offset of the text, so that a round trip through
/// `TMXReader` and `TMXWriter` writes them back. Everything else a TMX unit carries that Selaras
/// does not interpret (other attributes, `tuv`-level props and notes) is kept too.
public struct TMUnit: Sendable, Hashable, Codable {
    /// The unit's `tuid`, when the TMX gave one.
    public var tuid: String?
    public var source: String
    public var target: String
    public var sourceLanguage: String
    public var targetLanguage: String
    /// `<prop type="...">` values of the `tu`, in file order.
    public var props: [Prop]
    /// `<note>` texts of the `tu`, in file order.
    public var notes: [String]
    /// The file name the unit came from.
    public var origin: String
    /// The line of the `<tu>` in its file.
    public var line: Int?
    /// TMX creation/change dates as written (YYYYMMDDThhmmssZ).
    public var creationDate: String?
    public var changeDate: String?
    /// Other attributes of the `tu` (creationid, usagecount, ...), in file order.
    public var attributes: [TMAttribute]
    /// The source `tuv`'s markup, props, notes and other attributes.
    public var sourceVariant: Variant
    /// The target `tuv`'s markup, props, notes and other attributes.
    public var targetVariant: Variant

    public struct Prop: Sendable, Hashable, Codable {
        public var type: String
        public var value: String
        public init(type: String, value: String) {
            self.type = type
            self.value = value
        }
    }

    /// What a `tuv` carries besides its language and text.
    public struct Variant: Sendable, Hashable, Codable {
        /// Inline codes, ordered by offset (document order for equal offsets).
        public var markup: [TMInline]
        public var props: [Prop]
        public var notes: [String]
        /// Attributes other than `xml:lang`/`lang`, in file order.
        public var attributes: [TMAttribute]

        public init(markup: [TMInline] = [], props: [Prop] = [], notes: [String] = [], attributes: [TMAttribute] = []) {
            self.markup = markup
            self.props = props
            self.notes = notes
            self.attributes = attributes
        }

        public var isEmpty: Bool { markup.isEmpty && props.isEmpty && notes.isEmpty && attributes.isEmpty }
    }

    public init(tuid: String? = nil, source: String, target: String, sourceLanguage: String = "id",
                targetLanguage: String = "en", props: [Prop] = [], notes: [String] = [], origin: String,
                line: Int? = nil, creationDate: String? = nil, changeDate: String? = nil,
                attributes: [TMAttribute] = [], sourceVariant: Variant = Variant(), targetVariant: Variant = Variant()) {
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
        self.attributes = attributes
        self.sourceVariant = sourceVariant
        self.targetVariant = targetVariant
    }

    enum CodingKeys: String, CodingKey {
        case tuid, source, target, sourceLanguage, targetLanguage, props, notes, origin, line, creationDate, changeDate
        case attributes, sourceVariant, targetVariant
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tuid = try c.decodeIfPresent(String.self, forKey: .tuid)
        source = try c.decode(String.self, forKey: .source)
        target = try c.decode(String.self, forKey: .target)
        sourceLanguage = try c.decodeIfPresent(String.self, forKey: .sourceLanguage) ?? "id"
        targetLanguage = try c.decodeIfPresent(String.self, forKey: .targetLanguage) ?? "en"
        props = try c.decodeIfPresent([Prop].self, forKey: .props) ?? []
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
        origin = try c.decodeIfPresent(String.self, forKey: .origin) ?? ""
        line = try c.decodeIfPresent(Int.self, forKey: .line)
        creationDate = try c.decodeIfPresent(String.self, forKey: .creationDate)
        changeDate = try c.decodeIfPresent(String.self, forKey: .changeDate)
        attributes = try c.decodeIfPresent([TMAttribute].self, forKey: .attributes) ?? []
        sourceVariant = try c.decodeIfPresent(Variant.self, forKey: .sourceVariant) ?? Variant()
        targetVariant = try c.decodeIfPresent(Variant.self, forKey: .targetVariant) ?? Variant()
    }

    /// Where the unit came from, as matches report it: `file#tuid`, or `file:line`, or the file name.
    public var originLabel: String {
        if let tuid { return "\(origin)#\(tuid)" }
        if let line { return "\(origin):\(line)" }
        return origin
    }
}

/// An XML attribute kept for a round trip.
public struct TMAttribute: Sendable, Hashable, Codable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
