import CLibXML2
import Foundation
import SelarasCore

/// A translation unit as read from an XLIFF file.
public struct XLIFFUnit: Sendable, Hashable {
    /// The unit's id (1.2 `trans-unit/@id`; 2.0 `unit/@id`, with `/segment id` appended when the
    /// unit has more than one segment).
    public var id: String
    public var source: String
    /// nil when the unit has no target element.
    public var target: String?
    /// 1.2: the target's `state`; 2.0: the segment's `state` (nil when absent).
    public var state: String?
    /// 1.2 `approved="yes"`.
    public var approved: Bool
    public var sourceLanguage: String?
    public var targetLanguage: String?
    /// `file/@original`.
    public var original: String?
    /// The file and the line of the unit (2.0: of the segment).
    public var location: SourceLocation
    /// 1 for XLIFF 1.x, 2 for XLIFF 2.x.
    public var version: Int

    /// Whether a translator confirmed the target: XLIFF 1.2 `state` `translated`, `final` or
    /// `signed-off`, or `approved="yes"` with no other state; XLIFF 2.0 `state` `translated`,
    /// `reviewed` or `final`. Always false without a non-empty target.
    public var isReviewed: Bool {
        guard let t = target, !t.isEmpty else { return false }
        if version >= 2 { return ["translated", "reviewed", "final"].contains(state ?? "initial") }
        if let state { return ["translated", "final", "signed-off"].contains(state) }
        return approved
    }
}

/// A source/target pair a translator confirmed, ready to add to the TM.
public struct ReviewedUnit: Sendable, Hashable {
    public var id: String
    public var source: String
    public var target: String
    /// The state that made it reviewed (`translated`, `final`, `signed-off`, `reviewed`, `approved`).
    public var state: String
    public var sourceLanguage: String?
    public var targetLanguage: String?
    public var location: SourceLocation

    public init(id: String, source: String, target: String, state: String, sourceLanguage: String? = nil,
                targetLanguage: String? = nil, location: SourceLocation) {
        self.id = id
        self.source = source
        self.target = target
        self.state = state
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.location = location
    }
}

/// Reads XLIFF 1.2 and 2.0 files (libxml2's streaming `xmlTextReader`) for the review loop.
///
/// Only a unit's own source and target count: 1.2 `alt-trans`, 2.0 modules (`mtc:matches`, ...),
/// notes, `originalData` and `ignorable` are skipped. Inline codes contribute the text a translator
/// sees (1.2 `g`/`mrk` content, 2.0 `pc`/`mrk` content and `cp` characters); native code inside
/// 1.2 `ph`/`bpt`/`ept`/`it` does not. Source and target are trimmed of surrounding white space.
///
/// Errors never stop the read early except XML syntax errors, after which the rest of the file is
/// unreadable: units completed before the error are returned, the one in progress is reported.
/// The parser never loads external entities or DTDs and never touches the network; libxml2's
/// messages are collected into issues, never printed.
public enum XLIFFReader {
    /// The units a translator confirmed (see `XLIFFUnit.isReviewed`), and the problems found.
    /// Reviewed units with an empty source or target are reported and left out.
    /// Throws only when the file cannot be read at all or is not XLIFF.
    public static func reviewedUnits(in url: URL) throws -> ([ReviewedUnit], [Diagnostic]) {
        let (units, issues) = try units(in: url)
        return reviewed(units, issues)
    }

    /// `reviewedUnits(in:)` for bytes in memory; `name` stands for the file in locations.
    public static func reviewedUnits(data: Data, name: String) throws -> ([ReviewedUnit], [Diagnostic]) {
        let (units, issues) = try units(data: data, name: name)
        return reviewed(units, issues)
    }

    /// Every unit in the file, whatever its state.
    public static func units(in url: URL) throws -> ([XLIFFUnit], [Diagnostic]) {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw Diagnostic.xliff(.failed, at: SourceLocation(file: url.path), "cannot read the file")
        }
        // Read whole, so XMLGuard's limits are checked before libxml2 reads it.
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw Diagnostic.xliff(.failed, at: SourceLocation(file: url.path), "cannot read the file")
        }
        return try units(data: data, name: url.path)
    }

    /// Every unit in an XLIFF document held in memory.
    public static func units(data: Data, name: String) throws -> ([XLIFFUnit], [Diagnostic]) {
        XMLParsing.initialize()
        do { try XMLGuard.check(data) } catch {
            throw Diagnostic.xliff(.failed, at: SourceLocation(file: name, line: error.line > 0 ? error.line : nil), error.message)
        }
        let reader: xmlTextReaderPtr? = data.withUnsafeBytes { raw in
            let p = raw.bindMemory(to: CChar.self).baseAddress
            return xmlReaderForMemory(p, Int32(raw.count), name, nil, parseOptions)
        }
        guard let reader else {
            throw Diagnostic.xliff(.failed, at: SourceLocation(file: name), "cannot parse the data as XML")
        }
        // libxml2 keeps a pointer into `data` while reading; `data` outlives `read` here.
        return try withExtendedLifetime(data) { try read(reader, file: name) }
    }

    /// The safe options of `XMLParsing` (no network, no entities, libxml2's limits on).
    static var parseOptions: Int32 { XMLParsing.options() }

    static let reviewedStates1: Set<String> = ["translated", "final", "signed-off"]
    static let knownStates1: Set<String> = [
        "final", "needs-adaptation", "needs-l10n", "needs-review-adaptation", "needs-review-l10n",
        "needs-review-translation", "needs-translation", "new", "signed-off", "translated",
    ]
    static let knownStates2: Set<String> = ["initial", "translated", "reviewed", "final"]

    private static func reviewed(_ units: [XLIFFUnit], _ issuesIn: [Diagnostic]) -> ([ReviewedUnit], [Diagnostic]) {
        var issues = issuesIn
        var out: [ReviewedUnit] = []
        for u in units where u.isReviewed {
            guard let target = u.target else { continue }
            if u.source.isEmpty {
                issues.append(Diagnostic.xliff(.skipped, at: u.location, unit: u.id, "reviewed unit with an empty source"))
                continue
            }
            out.append(ReviewedUnit(id: u.id, source: u.source, target: target, state: u.state ?? "approved",
                                    sourceLanguage: u.sourceLanguage, targetLanguage: u.targetLanguage,
                                    location: u.location))
        }
        // Units marked reviewed whose target is empty: a translator's slip worth reporting.
        for u in units where !u.isReviewed && u.target?.isEmpty ?? false {
            let marked = u.version >= 2 ? ["translated", "reviewed", "final"].contains(u.state ?? "")
                : (u.state.map(reviewedStates1.contains) ?? u.approved)
            if marked {
                issues.append(Diagnostic.xliff(.skipped, at: u.location, unit: u.id, "marked '\(u.state ?? "approved")' but the target is empty"))
            }
        }
        issues.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return (out, issues)
    }

    /// Collects libxml2's messages for one reader.
    private final class ErrorSink {
        var errors: [(line: Int, column: Int, message: String)] = []
    }

    private static func read(_ reader: xmlTextReaderPtr, file: String) throws -> ([XLIFFUnit], [Diagnostic]) {
        defer { xmlFreeTextReader(reader) }
        let sink = ErrorSink()
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(reader, { userData, error in
            guard let userData, let error else { return }
            let sink = Unmanaged<ErrorSink>.fromOpaque(userData).takeUnretainedValue()
            let message = XMLProblem.message(of: error)
            sink.errors.append((Int(error.pointee.line), Int(error.pointee.int2), message))
        }, sinkPointer)

        var state = ParseState(file: file)
        var sawRoot = false
        while true {
            let r = xmlTextReaderRead(reader)
            if r == 0 { break }
            if r < 0 {
                let e = sink.errors.first
                let where_ = SourceLocation(file: file, line: e?.line ?? Int(xmlTextReaderGetParserLineNumber(reader)),
                                            column: e?.column)
                if !sawRoot {
                    throw Diagnostic.xliff(.failed, at: where_, "not well-formed XML: \(e?.message ?? "parse error")", code: .xliffMalformed)
                }
                if let id = state.openUnitID {
                    state.issues.append(Diagnostic.xliff(.skipped, at: SourceLocation(file: file, line: state.openUnitLine), unit: id, "unit cut off by an XML error"))
                }
                state.issues.append(Diagnostic.xliff(.failed, at: where_, "XML error, the rest of the file was not read: \(e?.message ?? "parse error")",
                                                     code: .xliffMalformed))
                break
            }
            let type = xmlTextReaderNodeType(reader)
            if type == 1 && !sawRoot {
                sawRoot = true
                let name = String(cString: xmlTextReaderConstLocalName(reader))
                guard name == "xliff" else {
                    throw Diagnostic.xliff(.failed, at: SourceLocation(file: file, line: lineOfCurrentNode(reader)), "not an XLIFF file (the root element is <\(name)>)")
                }
            }
            state.handle(reader, type: type)
        }
        return (state.units, state.issues)
    }

    static func lineOfCurrentNode(_ reader: xmlTextReaderPtr) -> Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let l = Int(xmlGetLineNo(node))
            if l > 0 { return l }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    static func attribute(_ reader: xmlTextReaderPtr, _ name: String) -> String? {
        guard let v = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { selaras_xml_free(v) }
        return String(cString: v)
    }

    /// The streaming parse, one node at a time.
    private struct ParseState {
        let file: String
        var units: [XLIFFUnit] = []
        var issues: [Diagnostic] = []
        var version = 1
        var srcLang: String?
        var trgLang: String?
        var original: String?
        var seenIDs = Set<String>()

        // The unit being read.
        var unitID: String?
        var unitLine = 0
        var unitDepth: Int32 = -1
        var approved = false
        var source: String?
        var target: String?
        var targetState: String?
        var targetLang: String?
        // 2.0 segments of the current unit.
        var segments: [(id: String?, state: String?, line: Int, source: String?, target: String?)] = []
        var segmentOpen = false
        // 1.2 `seg-source` segmentation: `mrk mtype="seg"` in `seg-source` and in `target`, by `mid`.
        var segSourceDepth: Int32 = -1
        var marks: [(mid: String, line: Int, source: String)] = []
        var markTargets: [String: String] = [:]
        var mark: (mid: String, depth: Int32, inSource: Bool, line: Int)?
        var markText = ""

        // Capturing a source or target.
        enum Capture { case source, target }
        var capture: Capture?
        var captureDepth: Int32 = -1
        var captured = ""
        var codeDepth = 0
        var subStack: [Bool] = []
        // A subtree being skipped (alt-trans, modules, notes, ...).
        var skipDepth: Int32 = -1

        init(file: String) { self.file = file }

        var openUnitID: String? { unitDepth >= 0 ? (unitID ?? "?") : nil }
        var openUnitLine: Int { unitLine }

        mutating func handle(_ reader: xmlTextReaderPtr, type: Int32) {
            let depth = xmlTextReaderDepth(reader)
            if skipDepth >= 0 {
                if type == 15 && depth == skipDepth { skipDepth = -1 }
                return
            }
            switch type {
            case 1: startElement(reader, depth: depth)
            case 3, 4, 14:
                if capture != nil || mark != nil, codeDepth == 0, let v = xmlTextReaderConstValue(reader) {
                    let text = String(cString: v)
                    if capture != nil { captured += text }
                    if mark != nil { markText += text }
                }
            case 15: endElement(reader, depth: depth)
            default: break
            }
        }

        mutating func startElement(_ reader: xmlTextReaderPtr, depth: Int32) {
            let name = String(cString: xmlTextReaderConstLocalName(reader))
            let ns = xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) } ?? ""
            let empty = xmlTextReaderIsEmptyElement(reader) == 1
            let isCore = ns.isEmpty || ns.hasPrefix("urn:oasis:names:tc:xliff:document:")

            if !isCore {
                // Modules and extensions: never part of the unit's own text.
                if capture == nil && segSourceDepth < 0 && !empty { skipDepth = depth }
                return
            }
            if capture != nil || segSourceDepth >= 0 {
                // Inline elements inside a source or target (or a 1.2 seg-source).
                switch name {
                case "mrk" where version == 1 && mark == nil && XLIFFReader.attribute(reader, "mtype") == "seg":
                    let mid = XLIFFReader.attribute(reader, "mid") ?? String(marks.count + 1)
                    let inSource = segSourceDepth >= 0
                    if empty {
                        if inSource { marks.append((mid, XLIFFReader.lineOfCurrentNode(reader), "")) } else { markTargets[mid] = "" }
                    } else {
                        mark = (mid, depth, inSource, XLIFFReader.lineOfCurrentNode(reader))
                        markText = ""
                    }
                case "ph", "bpt", "ept", "it":
                    if version == 1 && !empty { codeDepth += 1 }
                case "sub":
                    // sub holds translatable text again, even inside native code.
                    if !empty {
                        subStack.append(codeDepth > 0)
                        if codeDepth > 0 { codeDepth -= 1 }
                    }
                case "cp":
                    if let hex = XLIFFReader.attribute(reader, "hex"), let v = UInt32(hex, radix: 16),
                       let s = Unicode.Scalar(v), Markup.isXMLChar(s) {
                        if capture != nil { captured.unicodeScalars.append(s) }
                        if mark != nil { markText.unicodeScalars.append(s) }
                    }
                default: break
                }
                return
            }
            switch name {
            case "xliff":
                let v = XLIFFReader.attribute(reader, "version") ?? ""
                version = v.hasPrefix("2") || ns.hasSuffix(":2.0") ? 2 : 1
                if version == 2 {
                    srcLang = XLIFFReader.attribute(reader, "srcLang")
                    trgLang = XLIFFReader.attribute(reader, "trgLang")
                }
            case "file":
                original = XLIFFReader.attribute(reader, "original")
                seenIDs = []
                if version == 1 {
                    srcLang = XLIFFReader.attribute(reader, "source-language")
                    trgLang = XLIFFReader.attribute(reader, "target-language")
                }
            case "trans-unit" where version == 1, "unit" where version == 2:
                beginUnit(reader, depth: depth)
                if empty { endUnit() }
            case "seg-source" where version == 1 && unitDepth >= 0:
                if !empty {
                    segSourceDepth = depth
                    codeDepth = 0
                    subStack = []
                }
            case "alt-trans", "notes", "note", "originalData", "ignorable", "context-group", "count-group",
                 "seg-source", "skeleton", "header":
                if !empty { skipDepth = depth }
            case "segment" where version == 2 && unitDepth >= 0:
                segments.append((XLIFFReader.attribute(reader, "id"), XLIFFReader.attribute(reader, "state"),
                                 XLIFFReader.lineOfCurrentNode(reader), nil, nil))
                segmentOpen = !empty
            case "source", "target":
                guard unitDepth >= 0 else {
                    if !empty { skipDepth = depth }
                    return
                }
                let kind: Capture = name == "source" ? .source : .target
                if kind == .target && version == 1 {
                    targetState = XLIFFReader.attribute(reader, "state")
                    targetLang = XLIFFReader.attribute(reader, "xml:lang")
                }
                if empty {
                    store(kind, "")
                } else {
                    capture = kind
                    captureDepth = depth
                    captured = ""
                    codeDepth = 0
                    subStack = []
                }
            default:
                break
            }
        }

        mutating func endElement(_ reader: xmlTextReaderPtr, depth: Int32) {
            let name = String(cString: xmlTextReaderConstLocalName(reader))
            if let m = mark, depth == m.depth {
                let text = markText.trimmingCharacters(in: .whitespacesAndNewlines)
                if m.inSource { marks.append((m.mid, m.line, text)) } else { markTargets[m.mid] = text }
                mark = nil
                if capture == nil { return }
            }
            if segSourceDepth >= 0 && capture == nil {
                if depth == segSourceDepth {
                    segSourceDepth = -1
                } else if ["ph", "bpt", "ept", "it"].contains(name) && codeDepth > 0 {
                    codeDepth -= 1
                } else if name == "sub", let wasInCode = subStack.popLast(), wasInCode {
                    codeDepth += 1
                }
                return
            }
            if let kind = capture {
                if depth == captureDepth {
                    store(kind, captured)
                    capture = nil
                } else if version == 1 && ["ph", "bpt", "ept", "it"].contains(name) && codeDepth > 0 {
                    codeDepth -= 1
                } else if name == "sub", let wasInCode = subStack.popLast(), wasInCode {
                    codeDepth += 1
                }
                return
            }
            if depth == unitDepth { endUnit() }
            if name == "segment" { segmentOpen = false }
        }

        mutating func store(_ kind: Capture, _ text: String) {
            let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if version == 2 {
                guard segmentOpen, !segments.isEmpty else { return }
                if kind == .source { segments[segments.count - 1].source = t } else { segments[segments.count - 1].target = t }
            } else {
                if kind == .source {
                    if source == nil { source = t }
                } else if target == nil {
                    target = t
                }
            }
        }

        mutating func beginUnit(_ reader: xmlTextReaderPtr, depth: Int32) {
            unitDepth = depth
            unitLine = XLIFFReader.lineOfCurrentNode(reader)
            unitID = XLIFFReader.attribute(reader, "id")
            approved = XLIFFReader.attribute(reader, "approved") == "yes"
            source = nil
            target = nil
            targetState = nil
            targetLang = nil
            segments = []
            segSourceDepth = -1
            marks = []
            markTargets = [:]
            mark = nil
        }

        mutating func endUnit() {
            defer { unitDepth = -1 }
            let location = SourceLocation(file: file, line: unitLine)
            let id: String
            if let given = unitID, !given.isEmpty {
                id = given
                if !seenIDs.insert(given).inserted {
                    issues.append(Diagnostic.xliff(.kept, at: location, unit: given, "duplicate unit id"))
                }
            } else {
                id = "line-\(unitLine)"
                issues.append(Diagnostic.xliff(.kept, at: location, "unit without an id, called '\(id)'"))
            }
            if version == 2 {
                if segments.isEmpty {
                    issues.append(Diagnostic.xliff(.skipped, at: location, unit: id, "unit without a segment"))
                }
                for (i, seg) in segments.enumerated() {
                    let segLocation = SourceLocation(file: file, line: seg.line)
                    let segID = segments.count == 1 ? id : "\(id)/\(seg.id ?? String(i + 1))"
                    guard let src = seg.source else {
                        issues.append(Diagnostic.xliff(.skipped, at: segLocation, unit: segID, "segment without a source"))
                        continue
                    }
                    if let s = seg.state, !knownStates2.contains(s) {
                        issues.append(Diagnostic.xliff(.kept, at: segLocation, unit: segID, "unknown state '\(s)' (XLIFF 2.0 has initial, translated, reviewed, final)"))
                    }
                    if let s = seg.state, s != "initial", seg.target == nil {
                        issues.append(Diagnostic.xliff(.kept, at: segLocation, unit: segID, "state '\(s)' without a target"))
                    }
                    units.append(XLIFFUnit(id: segID, source: src, target: seg.target, state: seg.state, approved: false,
                                           sourceLanguage: srcLang, targetLanguage: trgLang, original: original,
                                           location: segLocation, version: 2))
                }
            } else if !marks.isEmpty {
                // seg-source segmentation: one unit per `mrk mtype="seg"`, the target's mrk of the same mid.
                for m in marks {
                    units.append(XLIFFUnit(id: "\(id)/\(m.mid)", source: m.source, target: markTargets[m.mid], state: targetState,
                                           approved: approved, sourceLanguage: srcLang, targetLanguage: targetLang ?? trgLang,
                                           original: original, location: SourceLocation(file: file, line: m.line), version: 1))
                }
            } else {
                guard let src = source else {
                    issues.append(Diagnostic.xliff(.skipped, at: location, unit: id, "trans-unit without a source"))
                    return
                }
                if let s = targetState, !knownStates1.contains(s), !s.hasPrefix("x-") {
                    issues.append(Diagnostic.xliff(.kept, at: location, unit: id, "unknown state '\(s)' (not an XLIFF 1.2 state)"))
                }
                units.append(XLIFFUnit(id: id, source: src, target: target, state: targetState, approved: approved,
                                       sourceLanguage: srcLang, targetLanguage: targetLang ?? trgLang, original: original,
                                       location: location, version: 1))
            }
        }
    }
}

extension ReviewedUnit {
    /// The unit as a TM unit for `tm update`: languages from the file (else the defaults given),
    /// origin `FILE:LINE`, the prop `x-selaras-reviewed` holding the state, and `date` (when given)
    /// as creation and change date.
    public func tmUnit(sourceLanguage: String = "id", targetLanguage: String = "en", date: Date? = nil) -> TMUnit {
        let stamp = date.map(TMXWriter.tmxDate)
        return TMUnit(tuid: id, source: source, target: target, sourceLanguage: self.sourceLanguage ?? sourceLanguage,
                      targetLanguage: self.targetLanguage ?? targetLanguage,
                      props: [TMUnit.Prop(type: "x-selaras-reviewed", value: state)],
                      origin: location.description, line: location.line, creationDate: stamp, changeDate: stamp)
    }
}
