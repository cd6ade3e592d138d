import CLibXML2
import Foundation

/// A parsed XML document (libxml2's tree), read with the safe options of `XMLParsing`: nothing is
/// printed, nothing fetched; a document that is not well-formed throws its first error with line and
/// column. For the small files read whole (TBX, SRX); TMX and XLIFF are streamed.
public final class XMLDocument {
    public let doc: xmlDocPtr

    /// Parses `data`; `name` is the file name libxml2 records.
    public init(data: Data, name: String, extra: XMLParsing.Extra = []) throws(XMLProblem) {
        XMLParsing.initialize()
        try XMLGuard.check(data)
        let log = XMLErrorLog()
        let parsed: xmlDocPtr? = data.withUnsafeBytes { raw -> xmlDocPtr? in
            guard let base = raw.baseAddress, raw.count > 0,
                  let ctxt = xmlCreatePushParserCtxt(nil, nil, nil, 0, name) else { return nil }
            defer { xmlFreeParserCtxt(ctxt) }
            xmlCtxtUseOptions(ctxt, XMLParsing.options(extra))
            ctxt.pointee._private = Unmanaged.passUnretained(log).toOpaque()
            ctxt.pointee.userData = UnsafeMutableRawPointer(ctxt)
            ctxt.pointee.sax.pointee.serror = { userData, error in
                guard let userData, let error else { return }
                let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
                guard let box = ctxt.pointee._private else { return }
                Unmanaged<XMLErrorLog>.fromOpaque(box).takeUnretainedValue().record(error)
            }
            // Fed in pieces below libxml2's int limit, so a huge document is refused by libxml2's own
            // limits rather than by a length that does not fit.
            var offset = 0
            let step = 1 << 24
            while offset < raw.count {
                let n = min(step, raw.count - offset)
                let last: Int32 = offset + n == raw.count ? 1 : 0
                xmlParseChunk(ctxt, base.advanced(by: offset).assumingMemoryBound(to: CChar.self), Int32(n), last)
                offset += n
                if ctxt.pointee.wellFormed == 0 { break }
            }
            let doc = ctxt.pointee.myDoc
            ctxt.pointee.myDoc = nil
            if ctxt.pointee.wellFormed == 0 {
                if let doc { xmlFreeDoc(doc) }
                return nil
            }
            return doc
        }
        guard let parsed else {
            if let first = log.first { throw XMLProblem(message: "not well-formed XML: \(first.message)", line: first.line, column: first.column) }
            throw XMLProblem(message: data.isEmpty ? "the file is empty" : "not well-formed XML")
        }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    public var root: xmlNodePtr? { xmlDocGetRootElement(doc) }

    /// The document serialised as UTF-8 (declaration included).
    public func serialized() -> Data {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(doc, &buffer, &size, "UTF-8")
        guard let buffer else { return Data() }
        defer { selaras_xml_free(buffer) }
        return Data(bytes: buffer, count: Int(size))
    }

    /// Parses a fragment of elements in the context of `node` (to insert it), with the safe options;
    /// nil when it is not well-formed.
    public static func fragment(_ xml: String, in node: xmlNodePtr) -> xmlNodePtr? {
        var list: xmlNodePtr?
        let rc = xml.withCString { p in xmlParseInNodeContext(node, p, Int32(strlen(p)), XMLParsing.options(), &list) }
        guard rc == XML_ERR_OK, let list else {
            if let list { xmlFreeNodeList(list) }
            return nil
        }
        return list
    }
}

/// Small read helpers over libxml2 nodes.
public enum XMLNode {
    public static func isElement(_ n: xmlNodePtr) -> Bool { n.pointee.type == XML_ELEMENT_NODE }

    /// The local name.
    public static func name(_ n: xmlNodePtr) -> String {
        n.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// Child elements, optionally only those with the given local name.
    public static func children(_ n: xmlNodePtr, _ named: String? = nil) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var c = n.pointee.children
        while let node = c {
            if isElement(node), named == nil || name(node) == named! { out.append(node) }
            c = node.pointee.next
        }
        return out
    }

    /// Descendant elements with one of the given names, in document order (not descending into matches).
    public static func descendants(_ n: xmlNodePtr, named names: Set<String>) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        for c in children(n) {
            if names.contains(name(c)) { out.append(c) } else { out += descendants(c, named: names) }
        }
        return out
    }

    public static func attribute(_ n: xmlNodePtr, _ attr: String) -> String? {
        guard let v = xmlGetProp(n, attr) else { return nil }
        defer { selaras_xml_free(v) }
        return String(cString: v)
    }

    /// The `xml:lang` in scope for the node.
    public static func language(_ n: xmlNodePtr) -> String? {
        guard let v = xmlNodeGetLang(n) else { return nil }
        defer { selaras_xml_free(v) }
        return String(cString: v)
    }

    /// The text content of the node and its descendants.
    public static func text(_ n: xmlNodePtr) -> String {
        guard let v = xmlNodeGetContent(n) else { return "" }
        defer { selaras_xml_free(v) }
        return String(cString: v)
    }

    public static func line(_ n: xmlNodePtr) -> Int { Int(xmlGetLineNo(n)) }
}
