import Foundation
import SelarasCore

/// A small streaming XML writer for the formats Selaras emits.
///
/// Contract: the result is well-formed UTF-8 XML whatever the strings passed in contain — names
/// are the caller's literals, and every attribute value and text goes through `Markup`'s escaping,
/// which also drops characters XML 1.0 forbids. Elements that contain elements are indented; text
/// is only ever written inside leaf elements (`leaf`), so indentation never changes content.
struct XMLBuilder {
    private var out = ""
    private var stack: [(name: String, hasChildren: Bool)] = []
    private let indentUnit: String

    /// Starts a document with the XML declaration (and a DOCTYPE line when given).
    init(doctype: String? = nil, indent: String = "  ") {
        indentUnit = indent
        out.reserveCapacity(16 * 1024)
        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        if let doctype { out += doctype + "\n" }
    }

    private mutating func openLine() {
        if !stack.isEmpty {
            stack[stack.count - 1].hasChildren = true
            out += "\n"
            out += String(repeating: indentUnit, count: stack.count)
        }
    }

    private mutating func writeStartTag(_ name: String, _ attributes: [(String, String?)], close: String) {
        out += "<"
        out += name
        for (key, value) in attributes {
            guard let value else { continue }
            out += " "
            out += key
            out += "=\""
            out += Markup.escapeAttribute(value)
            out += "\""
        }
        out += close
    }

    /// Opens an element that will contain other elements. Attributes whose value is nil are left out.
    mutating func start(_ name: String, _ attributes: [(String, String?)] = []) {
        openLine()
        writeStartTag(name, attributes, close: ">")
        stack.append((name, false))
    }

    /// Closes the innermost open element.
    mutating func end() {
        guard let top = stack.popLast() else { return }
        if top.hasChildren {
            out += "\n"
            out += String(repeating: indentUnit, count: stack.count)
        }
        out += "</\(top.name)>"
    }

    /// Writes `<name attrs>text</name>` (or `<name attrs/>` when text is nil).
    mutating func leaf(_ name: String, _ attributes: [(String, String?)] = [], text: String?) {
        openLine()
        if let text {
            writeStartTag(name, attributes, close: ">")
            out += Markup.escapeText(text)
            out += "</\(name)>"
        } else {
            writeStartTag(name, attributes, close: "/>")
        }
    }

    /// Writes a comment; `--` inside it is broken up so the comment stays well-formed.
    mutating func comment(_ text: String) {
        openLine()
        var t = Markup.xmlSafe(text)
        while t.contains("--") { t = t.replacingOccurrences(of: "--", with: "- -") }
        if t.hasSuffix("-") { t += " " }
        out += "<!-- \(t) -->"
    }

    /// Closes every open element and returns the document's bytes.
    mutating func finish() -> Data {
        while !stack.isEmpty { end() }
        out += "\n"
        return Data(out.utf8)
    }
}
