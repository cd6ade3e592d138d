import CLibXML2
import Foundation
import SelarasCore

/// A parsed page: libxml2's HTML parser (the forgiving HTML 4 parser browsers' error recovery is
/// modelled on; no network, no scripts run) turned into a compact, read-only tree of elements and
/// text, which the extractor scores and walks.
///
/// Node 0 is the document root. Tag names are lowercase; comments, processing instructions and
/// the content of `<style>` are left out; `<script>` keeps its text only when it is JSON-LD
/// (`type="application/ld+json"`), which the metadata reader needs.
public struct HTMLTree: Sendable {
    public struct Node: Sendable {
        /// The lowercase tag name, or "" for a text node.
        public var tag: String
        /// A text node's text (entities decoded), else "".
        public var text: String
        public var parent: Int
        public var children: [Int]
        /// The attributes the extractor reads (lowercase names).
        public var attributes: [String: String]

        public var isText: Bool { tag.isEmpty }
        public subscript(_ name: String) -> String? { attributes[name] }
    }

    public private(set) var nodes: [Node]

    /// The attributes kept (the rest are of no use to extraction).
    static let keptAttributes: Set<String> = [
        "class", "id", "itemprop", "itemtype", "role", "hidden", "aria-hidden", "style", "href", "type", "name",
        "property", "content", "http-equiv", "rel", "datetime", "lang", "data-component", "itemscope",
    ]

    /// The deepest nesting read (libxml2 stops at 256 without HTML_PARSE_HUGE; this bounds the
    /// recursion of every walk over the tree).
    public static let maxDepth = 512

    /// Parses UTF-8 bytes; `path` names the page in messages.
    public init(utf8 bytes: [UInt8], path: String) throws(Diagnostic) {
        nodes = [Node(tag: "#document", text: "", parent: -1, children: [], attributes: [:])]
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                htmlReadMemory($0, Int32(clamping: buf.count), nil, "UTF-8", options)
            }
        }
        guard let doc else {
            throw Diagnostic.error(.htmlUnreadable, at: SourceLocation(file: path), "libxml2 could not parse the page as HTML", action: .failed)
        }
        defer { xmlFreeDoc(doc) }
        var child = doc.pointee.children
        while let c = child {
            add(c, parent: 0, depth: 1)
            child = c.pointee.next
        }
    }

    /// Parses text already in memory.
    public init(html: String, path: String) throws(Diagnostic) {
        try self.init(utf8: Array(html.utf8), path: path)
    }

    private mutating func add(_ node: xmlNodePtr, parent: Int, depth: Int) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            guard let content = node.pointee.content else { return }
            let text = String(cString: content)
            if text.isEmpty { return }
            // Adjacent text nodes (split by a removed comment) join.
            if let last = nodes[parent].children.last, nodes[last].isText {
                nodes[last].text += text
                return
            }
            nodes.append(Node(tag: "", text: text, parent: parent, children: [], attributes: [:]))
            nodes[parent].children.append(nodes.count - 1)
        case XML_ELEMENT_NODE:
            guard depth < Self.maxDepth, let name = node.pointee.name else { return }
            let tag = String(cString: name).lowercased()
            if tag == "style" { return }
            var attributes: [String: String] = [:]
            var attr = node.pointee.properties
            while let a = attr {
                if let n = a.pointee.name {
                    let key = String(cString: n).lowercased()
                    if Self.keptAttributes.contains(key) || key.hasPrefix("data-") && key.count < 24 {
                        var value = ""
                        var t = a.pointee.children
                        while let tn = t {
                            if let c = tn.pointee.content { value += String(cString: c) }
                            t = tn.pointee.next
                        }
                        attributes[key] = value
                    }
                }
                attr = a.pointee.next
            }
            nodes.append(Node(tag: tag, text: "", parent: parent, children: [], attributes: attributes))
            let index = nodes.count - 1
            nodes[parent].children.append(index)
            if tag == "script" {
                // Only JSON-LD is kept, as one text child.
                if attributes["type"]?.lowercased().contains("ld+json") == true, let c = xmlNodeGetContent(node) {
                    nodes.append(Node(tag: "", text: String(cString: c), parent: index, children: [], attributes: [:]))
                    nodes[index].children.append(nodes.count - 1)
                    selaras_xml_free(c)
                }
                return
            }
            var child = node.pointee.children
            while let c = child {
                add(c, parent: index, depth: depth + 1)
                child = c.pointee.next
            }
        default:
            return
        }
    }

    public subscript(_ i: Int) -> Node { nodes[i] }

    /// The elements with tag `tag`, in document order.
    public func elements(_ tag: String) -> [Int] {
        nodes.indices.filter { nodes[$0].tag == tag }
    }

    /// The text of a subtree, whitespace collapsed to single spaces and trimmed.
    public func text(of i: Int) -> String {
        var out = ""
        appendText(i, to: &out)
        return Self.collapse(out)
    }

    private func appendText(_ i: Int, to out: inout String) {
        let n = nodes[i]
        if n.isText { out += n.text; return }
        if n.tag == "script" { return }
        if n.tag == "br" { out += "\n"; return }
        for c in n.children { appendText(c, to: &out) }
    }

    /// Collapses whitespace inside each line, drops empty lines, keeps the line breaks.
    public static func collapseLines(_ s: String) -> String {
        s.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map { collapse(String($0)) }.filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// Collapses runs of white space (Unicode White_Space, plus zero-width space and BOM) to one
    /// space and trims. Works on the UTF-8 bytes: the White_Space scalars outside ASCII are few
    /// (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) and are
    /// recognised by their bytes.
    public static func collapse(_ s: String) -> String {
        var s = s
        return s.withUTF8 { buf -> String in
            let n = buf.count
            // Nothing to do when there is no white space but single inner spaces.
            var clean = n == 0 || (buf[0] != 0x20 && buf[n - 1] != 0x20)
            if clean {
                var previousSpace = false
                for b in buf {
                    if b == 0x20 {
                        if previousSpace { clean = false; break }
                        previousSpace = true
                    } else {
                        previousSpace = false
                        if b < 0x20 || b >= 0x80 { clean = false; break }
                    }
                }
            }
            if clean { return String(decoding: buf, as: UTF8.self) }
            return String(unsafeUninitializedCapacity: n) { out in
                var o = 0
                var space = false
                var i = 0
                while i < n {
                    let b = buf[i]
                    let width = whiteSpaceWidth(buf, i, b)
                    if width > 0 {
                        space = o > 0
                        i += width
                        continue
                    }
                    if space { out[o] = 0x20; o += 1; space = false }
                    out[o] = b
                    o += 1
                    i += 1
                }
                return o
            }
        }
    }

    /// The byte length of the white-space scalar at `i` (0 when there is none there).
    @inline(__always)
    static func whiteSpaceWidth(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ b: UInt8) -> Int {
        if b < 0x80 { return b == 0x20 || (b >= 0x09 && b <= 0x0D) ? 1 : 0 }
        let n = p.count
        switch b {
        case 0xC2:
            return i + 1 < n && (p[i + 1] == 0x85 || p[i + 1] == 0xA0) ? 2 : 0
        case 0xE1:
            return i + 2 < n && p[i + 1] == 0x9A && p[i + 2] == 0x80 ? 3 : 0  // U+1680
        case 0xE2:
            guard i + 2 < n else { return 0 }
            let b1 = p[i + 1], b2 = p[i + 2]
            if b1 == 0x80 { return b2 <= 0x8B || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF ? 3 : 0 }  // U+2000–200B, 2028, 2029, 202F
            if b1 == 0x81 { return b2 == 0x9F ? 3 : 0 }  // U+205F
            return 0
        case 0xE3:
            return i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x80 ? 3 : 0  // U+3000
        case 0xEF:
            return i + 2 < n && p[i + 1] == 0xBB && p[i + 2] == 0xBF ? 3 : 0  // U+FEFF
        default:
            return 0
        }
    }
}
