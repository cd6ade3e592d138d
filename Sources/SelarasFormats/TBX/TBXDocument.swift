import CLibXML2
import Foundation
import SelarasCore

/// A TBX file's concepts, read into a model that knows TBX's structure but not what a glossary makes
/// of it: TBX-Basic v2 (`martif/text/body/termEntry/langSet/tig|ntig`) and TBX v3 (ISO 30042:2019,
/// `tbx/text/body/conceptEntry/langSec/termSec`), read with the safe options of `XMLParsing`.
///
/// Each concept lists its data categories (`descrip`, `admin`, `note`, `transacGrp/date`, also those
/// inside `descripGrp`/`adminGrp`, and those at language and term level) in document order, and its
/// language sections with their terms and term notes (`termNote type="..."`). Writing produces
/// TBX-Basic v2 with `tig` (or `ntig/termGrp`), valid against the martif schema, or TBX v3 in DCA
/// style; `edit` removes and adds concepts in a file keeping everything else as it was.
public struct TBXDocument: Sendable {
    public enum Dialect: String, Sendable {
        /// TBX-Basic v2 (`martif`).
        case basic2
        /// TBX v3 (`tbx`, ISO 30042:2019).
        case v3
    }

    public static let v3Namespace = "urn:iso:std:iso:30042:ed-2"

    public var dialect: Dialect
    /// The root's `xml:lang` (default language of sections without one).
    public var language: String
    public var concepts: [TBXConcept]
    /// The root element's line, for messages about the whole file.
    public var rootLine: Int

    /// Reads TBX from `data`; `name` is the file in messages. Throws a diagnostic with code
    /// `code` (the caller's domain) when the file is not well-formed or not TBX.
    public static func read(data: Data, name: String, code: Diagnostic.Code) throws(Diagnostic) -> TBXDocument {
        let tree: XMLDocument
        do {
            tree = try XMLDocument(data: data, name: name)
        } catch {
            throw .error(code, at: SourceLocation(file: name, line: error.line > 0 ? error.line : nil,
                                                  column: error.column > 0 ? error.column : nil), error.message)
        }
        guard let root = tree.root else { throw .error(code, at: SourceLocation(file: name), "empty XML document") }
        let rootName = XMLNode.name(root)
        guard rootName == "martif" || rootName == "tbx" else {
            throw .error(code, at: SourceLocation(file: name, line: XMLNode.line(root)),
                         "not TBX: the root element is <\(rootName)>, expected <martif> or <tbx>")
        }
        let lang = XMLNode.language(root) ?? "id"
        let concepts = XMLNode.descendants(root, named: entryNames).map { concept($0, rootLanguage: lang) }
        return TBXDocument(dialect: rootName == "tbx" ? .v3 : .basic2, language: lang, concepts: concepts, rootLine: XMLNode.line(root))
    }

    static let entryNames: Set<String> = ["termEntry", "conceptEntry"]
    static let languageNames: Set<String> = ["langSet", "langSec"]
    static let termNames: Set<String> = ["tig", "termSec", "ntig"]

    /// One `termEntry`/`conceptEntry`.
    static func concept(_ entry: xmlNodePtr, rootLanguage: String) -> TBXConcept {
        var c = TBXConcept(id: XMLNode.attribute(entry, "id"), line: XMLNode.line(entry))
        for child in XMLNode.children(entry) {
            if languageNames.contains(XMLNode.name(child)) {
                var section = TBXLanguage(language: XMLNode.language(child) ?? rootLanguage, line: XMLNode.line(child))
                for t in XMLNode.children(child) {
                    if termNames.contains(XMLNode.name(t)) {
                        if let term = term(t, fields: &c.fields) { section.terms.append(term) }
                    } else {
                        fields(t, level: .language, into: &c.fields)
                    }
                }
                c.languages.append(section)
            } else {
                fields(child, level: .concept, into: &c.fields)
            }
        }
        return c
    }

    /// The term of a `tig`, `ntig` or `termSec` with its notes; other data categories inside go to `fields`.
    static func term(_ node: xmlNodePtr, fields out: inout [TBXField]) -> TBXTerm? {
        var term = TBXTerm(text: "", line: XMLNode.line(node))
        var found = false
        func scan(_ n: xmlNodePtr) {
            for c in XMLNode.children(n) {
                switch XMLNode.name(c) {
                case "term":
                    term.text = XMLNode.text(c)
                    term.line = XMLNode.line(c)
                    found = true
                case "termGrp", "termNoteGrp":
                    scan(c)
                case "termNote":
                    term.notes.append(TBXNote(type: XMLNode.attribute(c, "type") ?? "", value: XMLNode.text(c)))
                default:
                    fields(c, level: .term, into: &out)
                }
            }
        }
        scan(node)
        return found ? term : nil
    }

    /// A data category element (and those inside `descripGrp`/`adminGrp`), in document order.
    static func fields(_ n: xmlNodePtr, level: TBXField.Level, into out: inout [TBXField]) {
        let name = XMLNode.name(n)
        switch name {
        case "descrip", "admin", "note", "ref", "xref":
            out.append(TBXField(element: name, type: XMLNode.attribute(n, "type") ?? "", value: XMLNode.text(n), level: level))
        case "transacGrp":
            if let d = XMLNode.children(n, "date").last {
                out.append(TBXField(element: "date", type: "", value: XMLNode.text(d), level: level))
            }
        case "descripGrp", "adminGrp":
            for c in XMLNode.children(n) { fields(c, level: level, into: &out) }
        default:
            break
        }
    }

    // MARK: Writing

    /// A whole TBX document holding `concepts`.
    public static func write(_ concepts: [TBXConcept], dialect: Dialect, title: String, ntig: Bool = false) -> String {
        let v3 = dialect == .v3
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let header: String
        if v3 {
            x += "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"id\" xmlns=\"\(v3Namespace)\">\n"
            header = "tbxHeader"
        } else {
            x += "<martif type=\"TBX-Basic\" xml:lang=\"id\">\n"
            header = "martifHeader"
        }
        x += "  <\(header)>\n    <fileDesc>\n      <titleStmt>\n        <title>\(Markup.escapeText(title))</title>\n"
        x += "      </titleStmt>\n      <sourceDesc>\n        <p>Written by Selaras</p>\n      </sourceDesc>\n    </fileDesc>\n"
        if !v3 { x += "    <encodingDesc>\n      <p type=\"XCSURI\">TBXBasicXCSV02.xcs</p>\n    </encodingDesc>\n" }
        x += "  </\(header)>\n  <text>\n    <body>\n"
        for (k, c) in concepts.enumerated() {
            var c = c
            if c.id == nil { c.id = "\(v3 ? "c" : "e")\(k + 1)" }
            x += conceptXML(c, dialect: dialect, indent: "      ", ntig: ntig)
        }
        x += "    </body>\n  </text>\n"
        x += v3 ? "</tbx>\n" : "</martif>\n"
        return x
    }

    /// The `termEntry` (v2) or `conceptEntry` (v3) element of one concept, indented by `indent`:
    /// its concept-level fields, then each language with its terms (term notes in order).
    public static func conceptXML(_ c: TBXConcept, dialect: Dialect, indent: String, ntig: Bool = false) -> String {
        let v3 = dialect == .v3
        let i1 = indent + "  ", i2 = i1 + "  ", i3 = i2 + "  "
        let entryName = v3 ? "conceptEntry" : "termEntry"
        let langName = v3 ? "langSec" : "langSet"
        let termName = v3 ? "termSec" : "tig"
        var x = "\(indent)<\(entryName)\(c.id.map { " id=\"\(Markup.escapeAttribute($0))\"" } ?? "")>\n"
        for f in c.fields where f.level == .concept {
            if f.element == "date" {
                x += "\(i1)<transacGrp>\n\(i2)<transac type=\"transactionType\">modification</transac>\n"
                x += "\(i2)<date>\(Markup.escapeText(f.value))</date>\n\(i1)</transacGrp>\n"
            } else {
                let type = f.type.isEmpty ? "" : " type=\"\(Markup.escapeAttribute(f.type))\""
                x += "\(i1)<\(f.element)\(type)>\(Markup.escapeText(f.value))</\(f.element)>\n"
            }
        }
        for section in c.languages {
            x += "\(i1)<\(langName) xml:lang=\"\(Markup.escapeAttribute(section.language))\">\n"
            for t in section.terms {
                let useNtig = ntig && !v3
                let (open, inner) = useNtig ? ("\(i2)<ntig>\n\(i3)<termGrp>\n", i3 + "  ") : ("\(i2)<\(termName)>\n", i3)
                x += open + "\(inner)<term>\(Markup.escapeText(t.text))</term>\n"
                for n in t.notes {
                    x += "\(inner)<termNote type=\"\(Markup.escapeAttribute(n.type))\">\(Markup.escapeText(n.value))</termNote>\n"
                }
                x += useNtig ? "\(i3)</termGrp>\n\(i2)</ntig>\n" : "\(i2)</\(termName)>\n"
            }
            x += "\(i1)</\(langName)>\n"
        }
        x += "\(indent)</\(entryName)>\n"
        return x
    }

    // MARK: Editing in place

    /// The file with the concepts for which `removing` is true taken out and `adding` appended at the
    /// end of the body (its id chosen so it is new); comments, order and everything else stay as they
    /// were. Returns the new bytes and how many concepts were removed.
    public static func edit(data: Data, name: String, code: Diagnostic.Code, removing: (TBXConcept) -> Bool,
                            adding: TBXConcept?) throws(Diagnostic) -> (Data, Int) {
        let tree: XMLDocument
        do {
            tree = try XMLDocument(data: data, name: name)
        } catch {
            throw .error(code, at: SourceLocation(file: name, line: error.line > 0 ? error.line : nil), error.message)
        }
        guard let root = tree.root else { throw .error(code, at: SourceLocation(file: name), "empty XML document") }
        let v3 = XMLNode.name(root) == "tbx"
        guard let body = XMLNode.descendants(root, named: ["body"]).first else {
            throw .error(code, at: SourceLocation(file: name), "no <body> element")
        }
        let rootLanguage = XMLNode.language(root) ?? "id"
        var removed = 0
        var existingIDs = Set<String>()
        for entry in XMLNode.descendants(root, named: entryNames) {
            if let id = XMLNode.attribute(entry, "id") { existingIDs.insert(id) }
            if removing(concept(entry, rootLanguage: rootLanguage)) {
                unlinkWithWhitespace(entry)
                removed += 1
            }
        }
        if var adding {
            var n = existingIDs.count + 1
            while existingIDs.contains("\(v3 ? "c" : "e")\(n)") { n += 1 }
            adding.id = "\(v3 ? "c" : "e")\(n)"
            // Written with the body's indentation, so that the new entry looks like its neighbours.
            let lineBreak = bodyIndent(body)
            let indent = String(lineBreak.drop { $0 == "\n" || $0 == "\r" })
            var xml = conceptXML(adding, dialect: v3 ? .v3 : .basic2, indent: indent)
            xml = String(xml.dropFirst(indent.count))
            while xml.hasSuffix("\n") { xml.removeLast() }
            guard let element = XMLDocument.fragment(xml, in: body) else {
                throw .error(code, at: SourceLocation(file: name), "cannot insert the new entry")
            }
            // After the last entry, before the whitespace that closes the body. (Text nodes are added
            // next to elements only: libxml2 merges adjacent text nodes.)
            xmlUnlinkNode(element)
            if let last = body.pointee.last, last.pointee.type == XML_TEXT_NODE, xmlIsBlankNode(last) != 0 {
                xmlAddPrevSibling(last, element)
            } else {
                xmlAddChild(body, element)
                xmlAddNextSibling(element, xmlNewText("\n"))
            }
            xmlAddPrevSibling(element, xmlNewText(lineBreak))
        }
        return (tree.serialized(), removed)
    }

    /// The whitespace before the body's first entry (newline and indentation), or a newline.
    static func bodyIndent(_ body: xmlNodePtr) -> String {
        if let first = body.pointee.children, first.pointee.type == XML_TEXT_NODE {
            let t = XMLNode.text(first)
            if t.allSatisfy(\.isWhitespace), let nl = t.lastIndex(of: "\n") { return String(t[nl...]) }
        }
        return "\n"
    }

    /// Removes an element and the whitespace text before it.
    static func unlinkWithWhitespace(_ n: xmlNodePtr) {
        if let prev = n.pointee.prev, prev.pointee.type == XML_TEXT_NODE, xmlIsBlankNode(prev) != 0 {
            xmlUnlinkNode(prev)
            xmlFreeNode(prev)
        }
        xmlUnlinkNode(n)
        xmlFreeNode(n)
    }
}

/// One concept (`termEntry`, `conceptEntry`).
public struct TBXConcept: Sendable, Hashable {
    public var id: String?
    public var line: Int
    /// Every data category of the concept, its languages and its terms, in document order.
    public var fields: [TBXField]
    public var languages: [TBXLanguage]

    public init(id: String? = nil, line: Int = 0, fields: [TBXField] = [], languages: [TBXLanguage] = []) {
        self.id = id
        self.line = line
        self.fields = fields
        self.languages = languages
    }
}

/// A data category: `descrip`, `admin`, `note`, `ref`, `xref` with its `type`, or `date` (the last
/// date of a `transacGrp`).
public struct TBXField: Sendable, Hashable {
    public enum Level: Sendable, Hashable { case concept, language, term }
    public var element: String
    public var type: String
    public var value: String
    public var level: Level

    public init(element: String, type: String = "", value: String, level: Level = .concept) {
        self.element = element
        self.type = type
        self.value = value
        self.level = level
    }
}

/// A language section (`langSet`, `langSec`).
public struct TBXLanguage: Sendable, Hashable {
    public var language: String
    public var line: Int
    public var terms: [TBXTerm]

    public init(language: String, line: Int = 0, terms: [TBXTerm] = []) {
        self.language = language
        self.line = line
        self.terms = terms
    }
}

/// A term with its term notes (`termNote type="administrativeStatus"`, `partOfSpeech`, `termType`, ...).
public struct TBXTerm: Sendable, Hashable {
    public var text: String
    public var line: Int
    public var notes: [TBXNote]

    public init(text: String, line: Int = 0, notes: [TBXNote] = []) {
        self.text = text
        self.line = line
        self.notes = notes
    }

    /// The first note of this type.
    public func note(_ type: String) -> String? { notes.first { $0.type == type }?.value }
}

public struct TBXNote: Sendable, Hashable {
    public var type: String
    public var value: String
    public init(type: String, value: String) {
        self.type = type
        self.value = value
    }
}
