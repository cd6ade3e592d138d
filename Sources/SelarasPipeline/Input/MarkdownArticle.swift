import Foundation
import SelarasCore

/// Reads the Markdown that articles are written in (CommonMark's block structure, a documented
/// subset): the first `#` heading is the headline, other headings are subheadings, `-`/`*`/`+` and
/// `1.` items are list items, blank lines separate paragraphs, `>` quote markers are dropped, fenced
/// code blocks and HTML comments are left out, YAML front matter (`---` … `---`) goes to the metadata.
/// Inline markup keeps only its text: emphasis markers are removed, `[text](url)` becomes `text`,
/// images are dropped.
public enum MarkdownArticle {
    public static func parse(_ text: String, id: String, path: String) throws -> Article {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var metadata: [String: String] = [:]
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---",
           let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) {
            for line in lines[1..<end] {
                if let colon = line.firstIndex(of: ":") {
                    let k = line[..<colon].trimmingCharacters(in: .whitespaces)
                    let v = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                        .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                    if !k.isEmpty { metadata[k] = v }
                }
            }
            lines.removeSubrange(0...end)
        }
        var paragraphs: [Paragraph] = []
        var block: [String] = []
        var inFence = false
        var inComment = false
        func flush() {
            let joined = block.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if !joined.isEmpty { paragraphs.append(Paragraph(inline(joined))) }
            block = []
        }
        for raw in lines {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if inComment {
                if line.contains("-->") { inComment = false }
                continue
            }
            if line.hasPrefix("<!--") {
                if !line.contains("-->") { inComment = true }
                continue
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") { flush(); inFence.toggle(); continue }
            if inFence { continue }
            while line.hasPrefix(">") { line = String(line.dropFirst()).trimmingCharacters(in: .whitespaces) }
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("#") {
                flush()
                let level = line.prefix { $0 == "#" }.count
                let title = inline(line.dropFirst(level).trimmingCharacters(in: .whitespaces)
                    .trimmingCharacters(in: CharacterSet(charactersIn: "#")).trimmingCharacters(in: .whitespaces))
                guard !title.isEmpty else { continue }
                let isHeadline = level == 1 && !paragraphs.contains { $0.role == .headline }
                paragraphs.append(Paragraph(title, role: isHeadline ? .headline : .heading))
                continue
            }
            if line.allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" || $0 == " " }), line.count >= 3 { flush(); continue }
            if let item = listItem(line) {
                flush()
                paragraphs.append(Paragraph(inline(item), role: .listItem))
                continue
            }
            if !block.isEmpty, paragraphs.last?.role == .listItem, raw.hasPrefix("  ") {
                block.append(line); continue
            }
            block.append(line)
        }
        flush()
        guard paragraphs.contains(where: { !$0.text.isEmpty }) else { throw ArticleError.empty(path: path) }
        return Article(id: id, paragraphs: paragraphs, sourcePath: path, metadata: metadata)
    }

    /// The text of a list item without its marker, or nil.
    static func listItem(_ line: String) -> String? {
        for marker in ["- ", "* ", "+ "] where line.hasPrefix(marker) {
            return String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") {
                // Keep the number: "1. ..." is part of what a reader sees and translates.
                return line
            }
        }
        return nil
    }

    /// Inline markup to plain text.
    static func inline(_ s: String) -> String {
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "\\", s.index(after: i) < s.endIndex {
                out.append(s[s.index(after: i)]); i = s.index(i, offsetBy: 2); continue
            }
            if c == "!" || c == "[" {
                let open = c == "!" ? s.index(after: i) : i
                if open < s.endIndex, s[open] == "[", let close = s[open...].firstIndex(of: "]"),
                   s.index(after: close) < s.endIndex, s[s.index(after: close)] == "(",
                   let paren = s[close...].firstIndex(of: ")") {
                    if c == "[" { out += inline(String(s[s.index(after: open)..<close])) }
                    i = s.index(after: paren)
                    continue
                }
            }
            if c == "*" || c == "`" { i = s.index(after: i); continue }
            if c == "_" {
                let prev = out.last
                let next = s.index(after: i) < s.endIndex ? s[s.index(after: i)] : nil
                // "_" inside a word (snake_case) stays; at word edges it is emphasis.
                if let p = prev, p.isLetter || p.isNumber, let n = next, n.isLetter || n.isNumber {
                    out.append(c)
                }
                i = s.index(after: i); continue
            }
            out.append(c)
            i = s.index(after: i)
        }
        return out
    }
}
