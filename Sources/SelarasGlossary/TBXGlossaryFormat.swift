import CLibXML2
import Foundation
import SelarasCore

/// TBX read and write.
///
/// Read: TBX-Basic v2 (`martif/text/body/termEntry/langSet/tig|ntig`) and TBX v3 (ISO 30042:2019,
/// `tbx/text/body/conceptEntry/langSec/termSec`), with libxml2, no network, no external entities.
/// The Indonesian language section gives the term (the preferred one, else the first) and its
/// variants; the English one the translations (preferred first) and, from deprecated, superseded or
/// forbidden terms, the forbidden renderings. Entry-level `descrip type="subjectField"` is the
/// domain, `note` the note, `admin type="source"` the source, the last `transacGrp/date` the date;
/// `termNote type="partOfSpeech"` the part of speech.
///
/// Written: TBX-Basic v2 with `tig` (or `ntig/termGrp` on request; valid against the martif schema)
/// or TBX v3 in DCA style.
enum TBXGlossaryFormat {
    static let v3Namespace = "urn:iso:std:iso:30042:ed-2"

    static func isIndonesian(_ lang: String) -> Bool {
        let p = lang.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        return p == "id" || p == "in" || p == "ind"
    }

    static func isEnglish(_ lang: String) -> Bool {
        let p = lang.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        return p == "en" || p == "eng"
    }

    /// One term of a language section with what TBX says about it.
    struct TermInfo {
        var text: String
        var status: String
        var pos: String
        var termType: String
        var line: Int
    }

    static func read(data: Data, url: URL) throws -> GlossaryFile {
        let file = url.lastPathComponent
        let tree = try XMLTree(data: data, name: file)
        guard let root = tree.root else {
            throw GlossaryIssue(location: SourceLocation(file: file), message: "empty XML document")
        }
        let rootName = XMLNode.name(root)
        guard rootName == "martif" || rootName == "tbx" else {
            throw GlossaryIssue(location: SourceLocation(file: file, line: XMLNode.line(root)),
                                message: "not TBX: the root element is <\(rootName)>, expected <martif> or <tbx>")
        }
        let v3 = rootName == "tbx"
        var result = GlossaryFile(url: url, format: v3 ? .tbx3 : .tbx2, raw: [], issues: [],
                                  hasBOM: data.starts(with: [0xEF, 0xBB, 0xBF]), comments: [], header: nil)
        let rootLang = XMLNode.language(root) ?? "id"
        let entryNames: Set<String> = ["termEntry", "conceptEntry"]
        let entries = XMLNode.descendants(root, named: entryNames)
        if entries.isEmpty {
            result.issues.append(GlossaryIssue(location: SourceLocation(file: file, line: XMLNode.line(root)),
                                               message: "no termEntry or conceptEntry elements", severity: .warning))
        }
        for entry in entries {
            let line = XMLNode.line(entry)
            var raw = RawGlossaryEntry(line: line, term: "")
            var notes: [String] = []
            func takeMeta(_ n: xmlNodePtr) {
                let name = XMLNode.name(n)
                let type = XMLNode.attribute(n, "type") ?? ""
                switch (name, type) {
                case ("descrip", "subjectField"): if raw.domain.isEmpty { raw.domain = XMLNode.text(n) }
                case ("descrip", "definition"), ("descrip", "context"): notes.append(XMLNode.text(n))
                case ("note", _): notes.append(XMLNode.text(n))
                case ("admin", "source"), ("descrip", "source"): if raw.source.isEmpty { raw.source = XMLNode.text(n) }
                case ("transacGrp", _):
                    if let d = XMLNode.children(n, "date").last { raw.date = XMLNode.text(d) }
                case ("descripGrp", _), ("adminGrp", _):
                    for c in XMLNode.children(n) { takeMeta(c) }
                default: break
                }
            }
            var sections: [(lang: String, terms: [TermInfo])] = []
            for child in XMLNode.children(entry) {
                let name = XMLNode.name(child)
                if name == "langSet" || name == "langSec" {
                    let lang = XMLNode.language(child) ?? rootLang
                    var terms: [TermInfo] = []
                    for t in XMLNode.children(child) {
                        switch XMLNode.name(t) {
                        case "tig", "termSec", "ntig":
                            if let info = termInfo(t, meta: takeMeta) { terms.append(info) }
                        default:
                            takeMeta(t)
                        }
                    }
                    sections.append((lang, terms))
                } else {
                    takeMeta(child)
                }
            }
            let source = sections.first { isIndonesian($0.lang) }
                ?? sections.first { $0.lang.lowercased() == rootLang.lowercased() && !isEnglish($0.lang) }
            let target = sections.first { isEnglish($0.lang) }
            let loc = SourceLocation(file: file, line: line)
            guard let source, !source.terms.isEmpty else {
                result.issues.append(GlossaryIssue(location: loc, message: "entry has no Indonesian term"))
                continue
            }
            if target == nil {
                result.issues.append(GlossaryIssue(location: loc, message: "entry has no English language section"))
            }
            let mainIndex = Self.mainIndex(source.terms)
            let main = source.terms[mainIndex]
            raw.term = main.text
            raw.line = main.line > 0 ? main.line : line
            raw.status = main.status
            raw.pos = canonicalPOS(main.pos)
            raw.variants = source.terms.enumerated().filter { $0.offset != mainIndex }.map(\.element.text)
            var preferred: [String] = [], others: [String] = []
            for t in target?.terms ?? [] {
                switch GlossaryEntry.Status(parsing: t.status) {
                case .deprecated?: raw.forbidden.append(t.text)
                case .preferred?: preferred.append(t.text)
                default: others.append(t.text)
                }
                if raw.pos.isEmpty { raw.pos = canonicalPOS(t.pos) }
            }
            raw.translations = preferred + others
            raw.translationStatuses = (target?.terms ?? []).map(\.status)
            raw.note = notes.joined(separator: "; ")
            result.raw.append(raw)
        }
        return result
    }

    /// Which Indonesian term of an entry is the entry's term: the preferred one, else the first that
    /// is not an acronym, abbreviation or variant, else the first.
    static func mainIndex(_ terms: [TermInfo]) -> Int {
        terms.firstIndex { GlossaryEntry.Status(parsing: $0.status) == .preferred }
            ?? terms.firstIndex { !["acronym", "abbreviation", "shortform", "variant"].contains($0.termType.lowercased()) }
            ?? 0
    }

    /// The entry's term as `read` would choose it, or nil when it has no Indonesian term.
    static func mainTerm(_ entry: xmlNodePtr, rootLang: String) -> String? {
        for section in XMLNode.children(entry) where ["langSet", "langSec"].contains(XMLNode.name(section)) {
            guard isIndonesian(XMLNode.language(section) ?? rootLang) else { continue }
            let terms = XMLNode.children(section).filter { ["tig", "termSec", "ntig"].contains(XMLNode.name($0)) }
                .compactMap { termInfo($0, meta: { _ in }) }
            return terms.isEmpty ? nil : terms[mainIndex(terms)].text
        }
        return nil
    }

    /// The term of a `tig`, `ntig` or `termSec` with its notes; entry-level metadata found inside
    /// (notes, sources) is handed to `meta`.
    static func termInfo(_ node: xmlNodePtr, meta: (xmlNodePtr) -> Void) -> TermInfo? {
        var info = TermInfo(text: "", status: "", pos: "", termType: "", line: XMLNode.line(node))
        var found = false
        func scan(_ n: xmlNodePtr) {
            for c in XMLNode.children(n) {
                switch XMLNode.name(c) {
                case "term":
                    info.text = XMLNode.text(c); info.line = XMLNode.line(c); found = true
                case "termGrp", "termNoteGrp":
                    scan(c)
                case "termNote":
                    let v = XMLNode.text(c)
                    switch XMLNode.attribute(c, "type") ?? "" {
                    case "administrativeStatus", "normativeAuthorization": info.status = v
                    case "partOfSpeech": info.pos = v
                    case "termType": info.termType = v
                    default: break
                    }
                default:
                    meta(c)
                }
            }
        }
        scan(node)
        return found ? info : nil
    }

    /// TBX's part-of-speech names mapped to the short ones the TSV uses.
    static func canonicalPOS(_ s: String) -> String {
        switch s.trimmingCharacters(in: .whitespaces).lowercased() {
        case "propernoun", "proper noun": return "propn"
        case "adjective": return "adj"
        case "adverb": return "adv"
        default: return s
        }
    }

    /// Our part of speech as a TBX-Basic picklist value.
    static func tbxPOS(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        switch PartOfSpeech(parsing: s) {
        case .noun?: return "noun"
        case .properNoun?: return "properNoun"
        case .verb?: return "verb"
        case .adjective?: return "adjective"
        case .other?: return s.lowercased() == "adv" || s.lowercased() == "adverb" ? "adverb" : "other"
        case nil: return s
        }
    }

    static func termType(_ variant: String) -> String {
        let letters = variant.filter(\.isLetter)
        if letters.count >= 2, letters.allSatisfy(\.isUppercase) { return "acronym" }
        return variant.split(separator: " ").count == 1 && variant.count <= 8 ? "abbreviation" : "variant"
    }

    // MARK: writing

    /// The `termEntry` (v2) or `conceptEntry` (v3) element for one entry, indented by `indent`.
    static func entryXML(_ e: GlossaryEntry, id: String, v3: Bool, indent: String, ntig: Bool = false) -> String {
        let i1 = indent + "  ", i2 = i1 + "  ", i3 = i2 + "  "
        let entryName = v3 ? "conceptEntry" : "termEntry"
        let langName = v3 ? "langSec" : "langSet"
        let termName = v3 ? "termSec" : "tig"
        var x = "\(indent)<\(entryName) id=\"\(Markup.escapeAttribute(id))\">\n"
        if let d = e.domain { x += "\(i1)<descrip type=\"subjectField\">\(Markup.escapeText(d))</descrip>\n" }
        if let s = e.source { x += "\(i1)<admin type=\"source\">\(Markup.escapeText(s))</admin>\n" }
        if let n = e.note { x += "\(i1)<note>\(Markup.escapeText(n))</note>\n" }
        if let d = e.date {
            x += "\(i1)<transacGrp>\n\(i2)<transac type=\"transactionType\">modification</transac>\n"
            x += "\(i2)<date>\(Markup.escapeText(d))</date>\n\(i1)</transacGrp>\n"
        }
        func term(_ text: String, status: String, pos: String?, type: String?) -> String {
            let useNtig = ntig && !v3
            let (open, inner) = useNtig ? ("\(i2)<ntig>\n\(i3)<termGrp>\n", i3 + "  ") : ("\(i2)<\(termName)>\n", i3)
            var t = open + "\(inner)<term>\(Markup.escapeText(text))</term>\n"
            if let type { t += "\(inner)<termNote type=\"termType\">\(type)</termNote>\n" }
            if let pos { t += "\(inner)<termNote type=\"partOfSpeech\">\(Markup.escapeText(pos))</termNote>\n" }
            t += "\(inner)<termNote type=\"administrativeStatus\">\(status)</termNote>\n"
            t += useNtig ? "\(i3)</termGrp>\n\(i2)</ntig>\n" : "\(i2)</\(termName)>\n"
            return t
        }
        let pos = tbxPOS(e.partOfSpeech)
        x += "\(i1)<\(langName) xml:lang=\"id\">\n"
        x += term(e.term, status: e.status.tbxValue, pos: pos, type: nil)
        for v in e.variants {
            x += term(v, status: GlossaryEntry.Status.admitted.tbxValue, pos: pos, type: termType(v))
        }
        x += "\(i1)</\(langName)>\n"
        x += "\(i1)<\(langName) xml:lang=\"en\">\n"
        for (k, t) in e.translations.enumerated() {
            x += term(t, status: (k == 0 ? GlossaryEntry.Status.preferred : .admitted).tbxValue, pos: pos, type: nil)
        }
        for f in e.forbidden {
            x += term(f, status: GlossaryEntry.Status.deprecated.tbxValue, pos: pos, type: nil)
        }
        x += "\(i1)</\(langName)>\n"
        x += "\(indent)</\(entryName)>\n"
        return x
    }

    static func write(_ entries: [GlossaryEntry], v3: Bool, title: String, ntig: Bool = false) -> String {
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
        for (k, e) in entries.enumerated() {
            x += entryXML(e, id: "\(v3 ? "c" : "e")\(k + 1)", v3: v3, indent: "      ", ntig: ntig)
        }
        x += "    </body>\n  </text>\n"
        x += v3 ? "</tbx>\n" : "</martif>\n"
        return x
    }

    // MARK: editing in place

    /// The file with entries whose term matches `removing` (ignoring case and spacing)
    /// taken out and `adding` appended at the end of the body; comments, order and everything else
    /// stay as they were. Returns the new bytes and how many entries were removed.
    static func edit(data: Data, name: String, removing: String?, adding: GlossaryEntry?) throws -> (Data, Int) {
        let tree = try XMLTree(data: data, name: name)
        guard let root = tree.root else {
            throw GlossaryIssue(location: SourceLocation(file: name), message: "empty XML document")
        }
        let v3 = XMLNode.name(root) == "tbx"
        guard let body = XMLNode.descendants(root, named: ["body"]).first else {
            throw GlossaryIssue(location: SourceLocation(file: name), message: "no <body> element")
        }
        let rootLang = XMLNode.language(root) ?? "id"
        var removed = 0
        var existingIDs = Set<String>()
        for entry in XMLNode.descendants(root, named: ["termEntry", "conceptEntry"]) {
            if let id = XMLNode.attribute(entry, "id") { existingIDs.insert(id) }
            guard let removing else { continue }
            if let term = mainTerm(entry, rootLang: rootLang),
               GlossaryEditor.editKey(term) == GlossaryEditor.editKey(removing) {
                unlinkWithWhitespace(entry)
                removed += 1
            }
        }
        if let adding {
            var n = existingIDs.count + 1
            while existingIDs.contains("\(v3 ? "c" : "e")\(n)") { n += 1 }
            // Written with the body's indentation, so that the new entry looks like its neighbours.
            let lineBreak = bodyIndent(body)
            let indent = String(lineBreak.drop { $0 == "\n" || $0 == "\r" })
            var xml = entryXML(adding, id: "\(v3 ? "c" : "e")\(n)", v3: v3, indent: indent)
            xml = String(xml.dropFirst(indent.count))
            while xml.hasSuffix("\n") { xml.removeLast() }
            var list: xmlNodePtr?
            let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
            let rc = xml.withCString { p in xmlParseInNodeContext(body, p, Int32(strlen(p)), options, &list) }
            guard rc == XML_ERR_OK, let element = list else {
                if let list { xmlFreeNodeList(list) }
                throw GlossaryIssue(location: SourceLocation(file: name), message: "cannot insert the new entry")
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
