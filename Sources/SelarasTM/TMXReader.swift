import CLibXML2
import Foundation
import SelarasCore

/// Reads TMX files with libxml2's streaming `xmlTextReader`, one unit at a time.
///
/// Foundation version: header `srclang`, `tu`/`tuv`/`seg` with `xml:lang` (or `lang` in TMX 1.1),
/// `prop` and `note`; inline elements contribute their text content. The parser never loads
/// external entities or DTDs and never touches the network.
public struct TMXReader: Sendable {
    public var sourceLanguage: String
    public var targetLanguage: String

    public init(sourceLanguage: String = "id", targetLanguage: String = "en") {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    /// Calls `body` for every usable unit in `url`, returns the problems found.
    /// Throws only when the file cannot be opened at all.
    @discardableResult
    public func read(_ url: URL, _ body: (TMUnit) throws -> Void) throws -> [TMXIssue] {
        let file = url.lastPathComponent
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw TMXIssue(location: SourceLocation(file: url.path), message: "cannot read the file", action: .failed)
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
        guard let reader = xmlReaderForFile(url.path, nil, options) else {
            throw TMXIssue(location: SourceLocation(file: url.path), message: "not an XML file", action: .failed)
        }
        defer { xmlFreeTextReader(reader) }

        var issues: [TMXIssue] = []
        var headerSource = sourceLanguage
        var tuid: String?
        var tuLine = 0
        var tuvs: [(lang: String, text: String)] = []
        var props: [TMUnit.Prop] = []
        var notes: [String] = []
        var currentLang: String?
        var segDepth = 0
        var segText = ""
        var propType: String?
        var propText = ""
        var inNote = false
        var noteText = ""
        var creation: String?
        var change: String?

        func attr(_ name: String) -> String? {
            guard let v = xmlTextReaderGetAttribute(reader, name) else { return nil }
            defer { selaras_xml_free(v) }
            return String(cString: v)
        }

        while true {
            let r = xmlTextReaderRead(reader)
            if r == 0 { break }
            if r < 0 {
                let line = Int(xmlTextReaderGetParserLineNumber(reader))
                issues.append(TMXIssue(location: SourceLocation(file: file, line: line), tuid: tuid,
                                       message: "XML error; the rest of the file was not read", action: .failed))
                break
            }
            let type = xmlTextReaderNodeType(reader)
            let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
            switch type {
            case 1:  // element
                let empty = xmlTextReaderIsEmptyElement(reader) == 1
                switch name {
                case "header":
                    if let s = attr("srclang"), s != "*all*" { headerSource = s }
                case "tu":
                    tuid = attr("tuid")
                    tuLine = Int(xmlTextReaderGetParserLineNumber(reader))
                    tuvs = []; props = []; notes = []
                    creation = attr("creationdate"); change = attr("changedate")
                case "tuv":
                    currentLang = attr("xml:lang") ?? attr("lang")
                case "seg":
                    if !empty { segDepth = 1; segText = "" } else if let l = currentLang { tuvs.append((l, "")) }
                case "prop":
                    if !empty { propType = attr("type") ?? ""; propText = "" }
                case "note":
                    if !empty { inNote = true; noteText = "" }
                default:
                    if segDepth > 0 && !empty { segDepth += 1 }
                }
            case 3, 4, 14:  // text, CDATA, significant whitespace
                if let v = xmlTextReaderConstValue(reader) {
                    let s = String(cString: v)
                    if segDepth > 0 { segText += s } else if propType != nil { propText += s } else if inNote { noteText += s }
                }
            case 15:  // end element
                switch name {
                case "seg":
                    if let l = currentLang { tuvs.append((l, segText)) }
                    segDepth = 0
                case "prop":
                    if let t = propType { props.append(.init(type: t, value: propText)) }
                    propType = nil
                case "note":
                    notes.append(noteText); inNote = false
                case "tu":
                    let loc = SourceLocation(file: file, line: tuLine)
                    let src = tuvs.first { Self.language($0.lang, matches: sourceLanguage) }
                        ?? tuvs.first { Self.language($0.lang, matches: headerSource) && !Self.language($0.lang, matches: targetLanguage) }
                    let tgt = tuvs.first { Self.language($0.lang, matches: targetLanguage) }
                    if let src, let tgt {
                        let s = src.text.trimmingCharacters(in: .whitespacesAndNewlines)
                        let t = tgt.text.trimmingCharacters(in: .whitespacesAndNewlines)
                        if s.isEmpty || t.isEmpty {
                            issues.append(TMXIssue(location: loc, tuid: tuid, message: "empty segment", action: .skipped))
                        } else {
                            try body(TMUnit(tuid: tuid, source: s, target: t, sourceLanguage: src.lang,
                                            targetLanguage: tgt.lang, props: props, notes: notes, origin: file,
                                            line: tuLine, creationDate: creation, changeDate: change))
                        }
                    } else {
                        let missing = src == nil ? sourceLanguage : targetLanguage
                        issues.append(TMXIssue(location: loc, tuid: tuid, message: "no '\(missing)' variant", action: .skipped))
                    }
                    tuid = nil
                default:
                    if segDepth > 1 { segDepth -= 1 }
                }
            default:
                break
            }
        }
        return issues
    }

    /// Whether a TMX language code denotes `wanted` (`id` matches id, id-ID, in, IND; case-insensitive).
    public static func language(_ code: String, matches wanted: String) -> Bool {
        let c = code.lowercased(), w = wanted.lowercased()
        let primary = c.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? c
        let wantedPrimary = w.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? w
        if primary == wantedPrimary { return true }
        let aliases: [String: Set<String>] = ["id": ["in", "ind"], "en": ["eng"]]
        return aliases[wantedPrimary]?.contains(primary) ?? false
    }
}
