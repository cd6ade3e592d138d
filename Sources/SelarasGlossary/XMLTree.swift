import CLibXML2
import Foundation
import SelarasCore

/// A parsed XML document (libxml2 DOM), read without network access, without loading external
/// entities or DTDs, and without printing anything: parse errors come back as a thrown issue.
final class XMLTree {
    let doc: xmlDocPtr

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses `data`; `name` is used in messages.
    init(data: Data, name: String) throws {
        _ = Self.initialized
        guard let ctxt = xmlNewParserCtxt() else {
            throw GlossaryIssue(location: SourceLocation(file: name), message: "cannot create an XML parser")
        }
        defer { xmlFreeParserCtxt(ctxt) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed: xmlDocPtr? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return nil }
            return xmlCtxtReadMemory(ctxt, base.assumingMemoryBound(to: CChar.self), Int32(raw.count), name, nil, options)
        }
        guard let parsed else {
            var line: Int?
            var message = "not well-formed XML"
            if let err = xmlCtxtGetLastError(ctxt) {
                line = Int(err.pointee.line)
                if let m = err.pointee.message {
                    message = "not well-formed XML: " + String(cString: m).trimmingCharacters(in: .whitespacesAndNewlines)
                }
            }
            throw GlossaryIssue(location: SourceLocation(file: name, line: line), message: message)
        }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    var root: xmlNodePtr? { xmlDocGetRootElement(doc) }

    /// The document serialised as UTF-8 (declaration included).
    func serialized() -> Data {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(doc, &buffer, &size, "UTF-8")
        guard let buffer else { return Data() }
        defer { selaras_xml_free(buffer) }
        return Data(bytes: buffer, count: Int(size))
    }
}

/// Small read helpers over libxml2 nodes.
enum XMLNode {
    static func isElement(_ n: xmlNodePtr) -> Bool { n.pointee.type == XML_ELEMENT_NODE }

    static func name(_ n: xmlNodePtr) -> String {
        n.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// Child elements, optionally only those with the given local name.
    static func children(_ n: xmlNodePtr, _ named: String? = nil) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var c = n.pointee.children
        while let node = c {
            if isElement(node), named == nil || name(node) == named! { out.append(node) }
            c = node.pointee.next
        }
        return out
    }

    /// Descendant elements with one of the given names, in document order (not descending into matches).
    static func descendants(_ n: xmlNodePtr, named names: Set<String>) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        for c in children(n) {
            if names.contains(name(c)) { out.append(c) } else { out += descendants(c, named: names) }
        }
        return out
    }

    static func attribute(_ n: xmlNodePtr, _ attr: String) -> String? {
        guard let v = xmlGetProp(n, attr) else { return nil }
        defer { selaras_xml_free(v) }
        return String(cString: v)
    }

    /// The `xml:lang` in scope for the node.
    static func language(_ n: xmlNodePtr) -> String? {
        guard let v = xmlNodeGetLang(n) else { return nil }
        defer { selaras_xml_free(v) }
        return String(cString: v)
    }

    /// The text content of the node and its descendants.
    static func text(_ n: xmlNodePtr) -> String {
        guard let v = xmlNodeGetContent(n) else { return "" }
        defer { selaras_xml_free(v) }
        return String(cString: v)
    }

    static func line(_ n: xmlNodePtr) -> Int { Int(xmlGetLineNo(n)) }
}
