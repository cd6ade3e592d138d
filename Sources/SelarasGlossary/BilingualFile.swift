import CLibXML2
import Foundation
import SelarasCore

/// One source/target pair of a bilingual file, as `glossary check` needs it.
public struct BilingualSegment: Sendable, Hashable {
    /// XLIFF 1.2: the `trans-unit` id (with `/mid` for `seg-source` segments); XLIFF 2.0: the unit id,
    /// with `/segment id` appended when the unit has several segments; TSV: the line number.
    public var id: String
    public var source: String
    /// Nil when there is no target (or it is empty).
    public var target: String?
    public var line: Int

    public init(id: String, source: String, target: String?, line: Int) {
        self.id = id
        self.source = source
        self.target = target
        self.line = line
    }
}

/// Reads the source and target text of bilingual files: XLIFF 1.2 and 2.0 (libxml2, no network, no
/// external entities) and tab-separated `source<TAB>target<TAB>...` with a header row.
///
/// Inline markup: the text of `g`, `mrk`, `pc` and similar elements counts; native-code and
/// placeholder elements (`ph`, `bpt`, `ept`, `it`, `x`, `bx`, `ex`, `sc`, `ec`, `sub`) do not;
/// XLIFF 2.0 `cp` gives its character. In TSV, the escapes `\t`, `\n`, `\r`, `\\` are undone.
public enum BilingualFile {
    public static func read(_ url: URL) throws -> (segments: [BilingualSegment], issues: [GlossaryIssue]) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw GlossaryIssue(location: SourceLocation(file: url.path), message: "cannot read the file")
        }
        let head = String(decoding: data.prefix(512), as: UTF8.self).drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if head.hasPrefix("<") || ["xlf", "xliff", "xml", "sdlxliff", "mxliff"].contains(url.pathExtension.lowercased()) {
            return try readXLIFF(data, name: url.lastPathComponent)
        }
        return try readTSV(data, name: url.lastPathComponent)
    }

    static let skipped: Set<String> = ["ph", "bpt", "ept", "it", "x", "bx", "ex", "sc", "ec", "sub"]

    /// The text of an XLIFF content element without native codes.
    static func content(_ node: xmlNodePtr) -> String {
        var out = ""
        var c = node.pointee.children
        while let n = c {
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_ENTITY_REF_NODE:
                out += XMLNode.text(n)
            case XML_ELEMENT_NODE:
                let name = XMLNode.name(n)
                if name == "cp", let hex = XMLNode.attribute(n, "hex"), let v = UInt32(hex, radix: 16),
                   let u = Unicode.Scalar(v) {
                    out.unicodeScalars.append(u)
                } else if !skipped.contains(name) {
                    out += content(n)
                }
            default:
                break
            }
            c = n.pointee.next
        }
        return out
    }

    /// `mrk mtype="seg"` children by `mid`, in order.
    static func segments(_ node: xmlNodePtr) -> [(mid: String, node: xmlNodePtr)] {
        XMLNode.descendants(node, named: ["mrk"]).compactMap { m in
            XMLNode.attribute(m, "mtype") == "seg" ? (XMLNode.attribute(m, "mid") ?? "", m) : nil
        }
    }

    static func readXLIFF(_ data: Data, name: String) throws -> ([BilingualSegment], [GlossaryIssue]) {
        let tree = try XMLTree(data: data, name: name)
        guard let root = tree.root, XMLNode.name(root) == "xliff" else {
            throw GlossaryIssue(location: SourceLocation(file: name), message: "not XLIFF: the root element is not <xliff>")
        }
        var out: [BilingualSegment] = []
        var issues: [GlossaryIssue] = []
        func nonEmpty(_ s: String?) -> String? {
            guard let s, !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
            return s
        }
        let version2 = (XMLNode.attribute(root, "version") ?? "").hasPrefix("2")
        if version2 {
            for unit in XMLNode.descendants(root, named: ["unit"]) {
                let uid = XMLNode.attribute(unit, "id") ?? "?"
                let segs = XMLNode.children(unit, "segment")
                for (k, seg) in segs.enumerated() {
                    let id = segs.count > 1 ? "\(uid)/\(XMLNode.attribute(seg, "id") ?? String(k + 1))" : uid
                    guard let src = XMLNode.children(seg, "source").first else {
                        issues.append(GlossaryIssue(location: SourceLocation(file: name, line: XMLNode.line(seg)),
                                                    message: "segment \(id) has no source; skipped"))
                        continue
                    }
                    let tgt = XMLNode.children(seg, "target").first.map(content)
                    out.append(BilingualSegment(id: id, source: content(src), target: nonEmpty(tgt), line: XMLNode.line(seg)))
                }
            }
        } else {
            for tu in XMLNode.descendants(root, named: ["trans-unit"]) {
                let id = XMLNode.attribute(tu, "id") ?? "?"
                guard let src = XMLNode.children(tu, "source").first else {
                    issues.append(GlossaryIssue(location: SourceLocation(file: name, line: XMLNode.line(tu)),
                                                message: "trans-unit \(id) has no source; skipped"))
                    continue
                }
                let tgt = XMLNode.children(tu, "target").first
                if let segSource = XMLNode.children(tu, "seg-source").first, !segments(segSource).isEmpty {
                    let targets = tgt.map { Dictionary(segments($0).map { ($0.mid, $0.node) }, uniquingKeysWith: { a, _ in a }) } ?? [:]
                    for (mid, node) in segments(segSource) {
                        out.append(BilingualSegment(id: "\(id)/\(mid)", source: content(node),
                                                    target: nonEmpty(targets[mid].map(content)), line: XMLNode.line(node)))
                    }
                } else {
                    out.append(BilingualSegment(id: id, source: content(src), target: nonEmpty(tgt.map(content)),
                                                line: XMLNode.line(tu)))
                }
            }
        }
        return (out, issues)
    }

    static func unescape(_ s: String) -> String {
        guard s.contains("\\") else { return s }
        var out = "", escaped = false
        for c in s {
            if escaped {
                switch c {
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "r": out.append("\r")
                default: out.append(c)
                }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        if escaped { out.append("\\") }
        return out
    }

    static func readTSV(_ data: Data, name: String) throws -> ([BilingualSegment], [GlossaryIssue]) {
        guard let (text, _) = GlossaryText.decode(data) else {
            throw GlossaryIssue(location: SourceLocation(file: name), message: "not UTF-8 text")
        }
        var out: [BilingualSegment] = []
        var issues: [GlossaryIssue] = []
        var sourceColumn = 0, targetColumn = 1, idColumn: Int?
        var sawHeader = false
        for (n, line) in GlossaryText.lines(text).enumerated() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if !sawHeader {
                sawHeader = true
                let names = fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                if let s = names.firstIndex(of: "source") { sourceColumn = s }
                if let t = names.firstIndex(of: "target") { targetColumn = t }
                idColumn = names.firstIndex(of: "id")
                continue
            }
            guard fields.count > sourceColumn else {
                issues.append(GlossaryIssue(location: SourceLocation(file: name, line: n + 1), message: "no source column; skipped"))
                continue
            }
            let target = fields.count > targetColumn ? unescape(fields[targetColumn]) : ""
            let id = idColumn.flatMap { $0 < fields.count ? fields[$0] : nil } ?? String(n + 1)
            out.append(BilingualSegment(id: id, source: unescape(fields[sourceColumn]),
                                        target: target.trimmingCharacters(in: .whitespaces).isEmpty ? nil : target,
                                        line: n + 1))
        }
        return (out, issues)
    }
}
