import CLibXML2
import Foundation
import SelarasCore
import SelarasFormats

/// A parsed SRX (Segmentation Rules eXchange) file, version 2.0 or 1.0.
///
/// Reading follows the LISA SRX 2.0 specification: `header` (`cascade`, `segmentsubflows`,
/// `formathandle`), `languagerules` with named lists of `rule` elements (`break="yes|no"`, default
/// yes, each with an optional `beforebreak` and `afterbreak` pattern), and `maprules` with
/// `languagemap` elements mapping a language-code pattern to a rule list. SRX 1.0 files (maps inside
/// `maprule`, no cascade) are read too. Every pattern is compiled when the file is read, so a bad
/// pattern is reported with its file, line and column.
///
/// Not used, because Selaras segments plain text: `segmentsubflows` and `formathandle` (kept in
/// the model), and vendor extensions such as Okapi's `okpsrx:options` (ignored).
public struct SRXDocument: Sendable {
    /// One `rule`: break or no-break, with its two patterns.
    public struct Rule: Sendable {
        public var isBreak: Bool
        public var beforeBreak: String
        public var afterBreak: String
        /// Where the rule is, for messages.
        public var location: SourceLocation
        let before: RegexNode
        let after: RegexNode
    }

    /// One `languagerule`: a named, ordered list of rules.
    public struct LanguageRule: Sendable {
        public var name: String
        public var rules: [Rule]
        public var location: SourceLocation
    }

    /// One `languagemap`.
    public struct LanguageMap: Sendable {
        public var languagePattern: String
        public var languageRuleName: String
        public var location: SourceLocation
        let pattern: SRXRegex
    }

    /// The SRX version the file declares ("2.0" or "1.0").
    public var version: String
    /// `cascade="yes"`: every map whose pattern matches contributes its rules, in map order;
    /// otherwise only the first matching map does.
    public var cascade: Bool
    public var segmentSubflows: Bool
    /// `formathandle` settings by type (start, end, isolated); not used for plain text.
    public var formatHandles: [String: Bool]
    public var languageRules: [LanguageRule]
    public var languageMaps: [LanguageMap]
    /// The file name used in messages.
    public var source: String

    /// Reads and compiles an SRX file.
    public init(contentsOf url: URL) throws(Diagnostic) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw Diagnostic.error(.srxUnreadable, at: SourceLocation(file: url.path), "cannot read the file: \(error.localizedDescription)")
        }
        try self.init(data: data, source: url.path)
    }

    /// Reads and compiles SRX from memory; `source` names it in messages.
    public init(data: Data, source: String) throws(Diagnostic) {
        let parsed = try SRXReader(data: data, source: source).read()
        self = parsed
    }

    init(version: String, cascade: Bool, segmentSubflows: Bool, formatHandles: [String: Bool],
         languageRules: [LanguageRule], languageMaps: [LanguageMap], source: String) {
        self.version = version
        self.cascade = cascade
        self.segmentSubflows = segmentSubflows
        self.formatHandles = formatHandles
        self.languageRules = languageRules
        self.languageMaps = languageMaps
        self.source = source
    }

    /// The rules that apply to `language` (e.g. "id", "id-ID"), in the order they are tried:
    /// with cascade, the rules of every matching map in map order; without, those of the first.
    /// Throws when no map matches.
    public func rules(forLanguage language: String) throws(Diagnostic) -> [Rule] {
        let candidates = [language, language.replacingOccurrences(of: "_", with: "-"),
                          language.lowercased().replacingOccurrences(of: "_", with: "-")]
        var names: [String] = []
        for map in languageMaps where candidates.contains(where: map.pattern.matchesWhole) {
            names.append(map.languageRuleName)
            if !cascade { break }
        }
        if names.isEmpty {
            throw Diagnostic.error(.srxNoLanguage, at: SourceLocation(file: source), "no languagemap matches the language '\(language)'")
        }
        var out: [Rule] = []
        for name in names {
            if let lr = languageRules.first(where: { $0.name == name }) { out += lr.rules }
        }
        return out
    }
}

/// Reads SRX XML with libxml2 into an `SRXDocument`.
private struct SRXReader {
    let data: Data
    let source: String

    func read() throws(Diagnostic) -> SRXDocument {
        // XMLDocument keeps the first error libxml2 reports (the last, after a tag mismatch, is a
        // less useful "premature end").
        let tree: XMLDocument
        do {
            tree = try XMLDocument(data: data, name: source, extra: [.noCDATA])
        } catch {
            throw Diagnostic.error(.srxUnreadable, at: SourceLocation(file: source, line: error.line > 0 ? error.line : nil,
                                                                      column: error.column > 0 ? error.column : nil), error.message)
        }
        let doc = tree.doc
        guard let root = xmlDocGetRootElement(doc), name(root) == "srx" else {
            throw Diagnostic.error(.srxUnreadable, at: SourceLocation(file: source, line: 1), "the root element is not <srx>")
        }
        let version = attribute(root, "version") ?? "2.0"
        guard version.hasPrefix("2") || version.hasPrefix("1") else {
            throw error(root, "unsupported SRX version '\(version)' (2.0 and 1.0 are read)")
        }
        let lines = sourceLines()

        var cascade = false
        var subflows = true
        var formats: [String: Bool] = [:]
        var languageRules: [SRXDocument.LanguageRule] = []
        var maps: [SRXDocument.LanguageMap] = []

        guard let header = child(root, "header") else { throw error(root, "missing <header>") }
        cascade = attribute(header, "cascade") == "yes"
        subflows = attribute(header, "segmentsubflows") != "no"
        for fh in children(header, "formathandle") {
            if let type = attribute(fh, "type") { formats[type] = attribute(fh, "include") == "yes" }
        }
        guard let body = child(root, "body") else { throw error(root, "missing <body>") }
        guard let lrs = child(body, "languagerules") else { throw error(body, "missing <languagerules>") }
        for lr in children(lrs, "languagerule") {
            guard let lrName = attribute(lr, "languagerulename") else {
                throw error(lr, "<languagerule> without a languagerulename")
            }
            var rules: [SRXDocument.Rule] = []
            for r in children(lr, "rule") {
                let breakAttr = attribute(r, "break") ?? "yes"
                guard breakAttr == "yes" || breakAttr == "no" else {
                    throw error(r, "break must be \"yes\" or \"no\", not \"\(breakAttr)\"")
                }
                let beforeNode = child(r, "beforebreak")
                let afterNode = child(r, "afterbreak")
                let before = beforeNode.map(text) ?? ""
                let after = afterNode.map(text) ?? ""
                let b = try compile(before, element: beforeNode ?? r, tag: "beforebreak", lines: lines)
                let a = try compile(after, element: afterNode ?? r, tag: "afterbreak", lines: lines)
                rules.append(SRXDocument.Rule(isBreak: breakAttr == "yes", beforeBreak: before, afterBreak: after,
                                              location: location(r), before: b, after: a))
            }
            languageRules.append(SRXDocument.LanguageRule(name: lrName, rules: rules, location: location(lr)))
        }
        guard let mr = child(body, "maprules") else { throw error(body, "missing <maprules>") }
        // SRX 2.0: maprules/languagemap; SRX 1.0: maprules/maprule/languagemap.
        var mapElements = children(mr, "languagemap")
        for rule in children(mr, "maprule") { mapElements += children(rule, "languagemap") }
        for m in mapElements {
            guard let pattern = attribute(m, "languagepattern") else { throw error(m, "<languagemap> without a languagepattern") }
            guard let ruleName = attribute(m, "languagerulename") else { throw error(m, "<languagemap> without a languagerulename") }
            guard languageRules.contains(where: { $0.name == ruleName }) else {
                throw error(m, "<languagemap> names the languagerule '\(ruleName)', which is not defined")
            }
            let regex: SRXRegex
            do {
                regex = try SRXRegex(pattern)
            } catch {
                throw Diagnostic.error(.srxPattern, at: location(m), "bad languagepattern '\(pattern)': \(error)")
            }
            maps.append(SRXDocument.LanguageMap(languagePattern: pattern, languageRuleName: ruleName,
                                                location: location(m), pattern: regex))
        }
        return SRXDocument(version: version, cascade: cascade, segmentSubflows: subflows, formatHandles: formats,
                           languageRules: languageRules, languageMaps: maps, source: source)
    }

    // MARK: helpers

    private func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    private func children(_ node: xmlNodePtr, _ wanted: String) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var c = node.pointee.children
        while let n = c {
            if n.pointee.type == XML_ELEMENT_NODE, name(n) == wanted { out.append(n) }
            c = n.pointee.next
        }
        return out
    }

    private func child(_ node: xmlNodePtr, _ wanted: String) -> xmlNodePtr? {
        children(node, wanted).first
    }

    private func attribute(_ node: xmlNodePtr, _ key: String) -> String? {
        guard let v = xmlGetProp(node, key) else { return nil }
        defer { selaras_xml_free(v) }
        return String(cString: v)
    }

    private func text(_ node: xmlNodePtr) -> String {
        guard let v = xmlNodeGetContent(node) else { return "" }
        defer { selaras_xml_free(v) }
        return String(cString: v)
    }

    private func location(_ node: xmlNodePtr, column: Int? = nil) -> SourceLocation {
        let line = Int(xmlGetLineNo(node))
        return SourceLocation(file: source, line: line > 0 ? line : nil, column: column)
    }

    private func error(_ node: xmlNodePtr, _ message: String) -> Diagnostic {
        Diagnostic.error(.srxUnreadable, at: location(node), message)
    }

    private func sourceLines() -> [Substring] {
        String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Parses a rule pattern; a syntax error is placed at the pattern's column in the file when
    /// the pattern sits on one line after its start tag, as it usually does.
    private func compile(_ pattern: String, element: xmlNodePtr, tag: String, lines: [Substring]) throws(Diagnostic) -> RegexNode {
        do {
            let node = try RegexParser.parse(pattern)
            try SRXRegex.checkSize(node)
            return node
        } catch {
            var loc = location(element)
            if let line = loc.line, line - 1 < lines.count {
                let text = String(lines[line - 1])
                if let tagRange = text.range(of: "<\(tag)") ?? text.range(of: ":\(tag)"),
                   let close = text[tagRange.upperBound...].firstIndex(of: ">") {
                    // Walk the raw line from the start of the content, counting an entity
                    // reference (&amp; &lt; &#x5C;) as the one character it stands for.
                    let raw = Array(text.unicodeScalars)
                    var col = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex,
                                                           to: text.index(after: close))
                    var k = 1
                    while k < error.column, col < raw.count {
                        if raw[col] == "&" { while col < raw.count, raw[col] != ";" { col += 1 } }
                        col += 1
                        k += 1
                    }
                    loc.column = col + 1
                }
            }
            throw Diagnostic.error(.srxPattern, at: loc, "bad \(tag) pattern '\(pattern)': \(error.message)")
        }
    }
}
