import CLibXML2
import Foundation
import SelarasCore

/// Writes TMX 1.4b that validates against the LISA OSCAR DTD (`tmx14.dtd`), with libxml2's
/// `xmlTextWriter` doing the escaping.
///
/// Contract:
/// - The header carries the seven required attributes (from `TMXHeader`, whose defaults describe
///   Selaras) plus a creation date; each unit is written as `<tu>` with its tuid, dates, other
///   attributes, props and notes, then an Indonesian and an English `<tuv>`, each with its own props,
///   notes and attributes, and a `<seg>` whose inline codes (`TMInline`) are written back at their
///   offsets. `sourceLanguage`/`targetLanguage` of the unit give the `xml:lang` values.
/// - Characters XML 1.0 forbids are removed from every string; `<`, `&`, `>` and quotes are escaped.
///   Code content is written verbatim only when it is well-formed and holds nothing but `sub` and
///   inline elements; otherwise as escaped text.
/// - Units without a creation date get `date` (the time of writing by default) as creation and change
///   date when `stampDates` is on, so every written unit says when it was made.
///
/// `render(units:)` returns the whole document; `TMXStreamWriter` writes one unit at a time to a file
/// that appears atomically when finished.
public struct TMXWriter: Sendable {
    public var header: TMXHeader
    /// Stamp units (and the header) that have no creation date with `date`.
    public var stampDates: Bool
    public var date: Date

    public init(header: TMXHeader = TMXHeader(), stampDates: Bool = true, date: Date = Date()) {
        self.header = header
        self.stampDates = stampDates
        self.date = date
    }

    /// The TMX document for `units`.
    public func render(units: [TMUnit]) -> Data {
        let core = TMXWriterCore(writer: self)
        core.begin()
        for u in units { core.write(u) }
        core.finishDocument()
        return core.take()
    }

    /// The TMX document for `units`, with `header`.
    public static func render(units: [TMUnit], header: TMXHeader = TMXHeader()) -> Data {
        TMXWriter(header: header).render(units: units)
    }

    /// Writes the document for `units` to `url` atomically.
    public func write(units: [TMUnit], to url: URL) throws {
        let stream = try TMXStreamWriter(url: url, writer: self)
        do {
            for u in units { try stream.write(u) }
            try stream.finish()
        } catch {
            stream.cancel()
            throw error
        }
    }

    /// A TMX date (YYYYMMDDThhmmssZ, UTC).
    public static func tmxDate(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var tm = tm()
        gmtime_r(&t, &tm)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(tm.tm_year + 1900)\(two(tm.tm_mon + 1))\(two(tm.tm_mday))T\(two(tm.tm_hour))\(two(tm.tm_min))\(two(tm.tm_sec))Z"
    }

    /// `text` without the characters XML 1.0 forbids.
    public static func xmlSafe(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: isForbidden) { return text }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text.unicodeScalars.filter { !isForbidden($0) })
        return String(out)
    }

    static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 { return v != 0x09 && v != 0x0A && v != 0x0D }
        return v == 0xFFFE || v == 0xFFFF
    }
}

/// Writes a TMX file one unit at a time, to a temporary file beside `url` that is renamed over `url`
/// by `finish()` (so readers never see half a file); `cancel()` (or deinit without `finish()`) removes it.
/// Memory does not grow with the number of units. Use from one thread at a time.
public final class TMXStreamWriter: @unchecked Sendable {
    public let url: URL
    private let temporary: URL
    private let handle: FileHandle
    private let core: TMXWriterCore
    private var done = false
    private let lock = NSLock()
    public private(set) var unitsWritten = 0

    public init(url: URL, writer: TMXWriter = TMXWriter()) throws {
        self.url = url
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        temporary = AtomicFile.temporaryURL(for: url)
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let h = try? FileHandle(forWritingTo: temporary) else {
            throw AtomicFileError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
        }
        handle = h
        core = TMXWriterCore(writer: writer)
        core.begin()
        try flush()
    }

    public convenience init(url: URL, header: TMXHeader) throws {
        try self.init(url: url, writer: TMXWriter(header: header))
    }

    public func write(_ unit: TMUnit) throws {
        lock.lock(); defer { lock.unlock() }
        precondition(!done, "TMXStreamWriter used after finish() or cancel()")
        core.write(unit)
        unitsWritten += 1
        if core.pendingBytes > 1 << 16 { try flush() }
    }

    /// Closes the document and moves the file into place.
    public func finish() throws {
        lock.lock(); defer { lock.unlock() }
        guard !done else { return }
        core.finishDocument()
        try flush()
        try handle.synchronize()
        try handle.close()
        done = true
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw AtomicFileError.cannotWrite(path: url.path, reason: reason)
        }
    }

    /// Abandons the file; `url` is left as it was.
    public func cancel() {
        lock.lock(); defer { lock.unlock() }
        guard !done else { return }
        done = true
        try? handle.close()
        unlink(temporary.path)
    }

    deinit {
        if !done {
            try? handle.close()
            unlink(temporary.path)
        }
    }

    private func flush() throws {
        let data = core.take()
        if !data.isEmpty { try handle.write(contentsOf: data) }
    }
}

/// The libxml2 side of the writers: an `xmlTextWriter` over a memory buffer that is drained as it fills.
final class TMXWriterCore {
    private let writer: TMXWriter
    private let buffer: xmlBufferPtr
    private let xw: xmlTextWriterPtr
    private let stamp: String

    init(writer: TMXWriter) {
        self.writer = writer
        buffer = xmlBufferCreate()
        xw = xmlNewTextWriterMemory(buffer, 0)
        stamp = TMXWriter.tmxDate(writer.date)
    }

    deinit {
        xmlFreeTextWriter(xw)
        xmlBufferFree(buffer)
    }

    var pendingBytes: Int {
        xmlTextWriterFlush(xw)
        return Int(xmlBufferLength(buffer))
    }

    /// The bytes written so far (and not yet taken).
    func take() -> Data {
        xmlTextWriterFlush(xw)
        let n = Int(xmlBufferLength(buffer))
        guard n > 0, let p = xmlBufferContent(buffer) else { return Data() }
        let d = Data(bytes: p, count: n)
        xmlBufferEmpty(buffer)
        return d
    }

    private func start(_ name: String) { xmlTextWriterStartElement(xw, name) }
    private func end() { xmlTextWriterEndElement(xw) }
    private func attribute(_ name: String, _ value: String) { xmlTextWriterWriteAttribute(xw, name, TMXWriter.xmlSafe(value)) }
    private func text(_ s: String) { if !s.isEmpty { xmlTextWriterWriteString(xw, TMXWriter.xmlSafe(s)) } }
    private func raw(_ s: String) { xmlTextWriterWriteRaw(xw, s) }

    func begin() {
        let h = writer.header
        xmlTextWriterStartDocument(xw, "1.0", "UTF-8", nil)
        start("tmx")
        attribute("version", "1.4")
        raw("\n")
        start("header")
        attribute("creationtool", h.creationTool)
        attribute("creationtoolversion", h.creationToolVersion)
        let segTypes: Set<String> = ["block", "paragraph", "sentence", "phrase"]
        attribute("segtype", segTypes.contains(h.segType) ? h.segType : "sentence")
        attribute("o-tmf", h.originalFormat)
        attribute("adminlang", h.adminLanguage)
        attribute("srclang", h.sourceLanguage)
        attribute("datatype", h.dataType)
        if let d = h.creationDate ?? (writer.stampDates ? stamp : nil) { attribute("creationdate", d) }
        if let v = h.creationID { attribute("creationid", v) }
        if let v = h.changeDate { attribute("changedate", v) }
        if let v = h.changeID { attribute("changeid", v) }
        for a in h.attributes where Self.headerExtras.contains(a.name) { attribute(a.name, a.value) }
        for n in h.notes { raw("\n  "); note(n) }
        for p in h.props { raw("\n  "); prop(p) }
        if !h.notes.isEmpty || !h.props.isEmpty { raw("\n") }
        end()
        raw("\n")
        start("body")
        raw("\n")
    }

    static let headerExtras: Set<String> = ["o-encoding"]
    static let tuAttributes: Set<String> = ["o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool",
                                            "creationtoolversion", "creationid", "segtype", "changeid", "o-tmf", "srclang"]
    static let tuvAttributes: Set<String> = ["o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool",
                                             "creationtoolversion", "creationdate", "creationid", "changedate", "o-tmf", "changeid"]

    func finishDocument() {
        end()  // body
        raw("\n")
        end()  // tmx
        xmlTextWriterEndDocument(xw)
    }

    private func note(_ n: String) {
        start("note"); text(n); end()
    }

    private func prop(_ p: TMUnit.Prop) {
        start("prop"); attribute("type", p.type.isEmpty ? "x-unknown" : p.type); text(p.value); end()
    }

    func write(_ u: TMUnit) {
        start("tu")
        if let t = u.tuid { attribute("tuid", t) }
        let created = u.creationDate ?? (writer.stampDates ? stamp : nil)
        if let d = created { attribute("creationdate", d) }
        if let d = u.changeDate ?? (u.creationDate == nil ? created : nil) { attribute("changedate", d) }
        for a in u.attributes where Self.tuAttributes.contains(a.name) {
            if a.name == "segtype", !["block", "paragraph", "sentence", "phrase"].contains(a.value) { continue }
            attribute(a.name, a.value)
        }
        for n in u.notes { raw("\n  "); note(n) }
        for p in u.props { raw("\n  "); prop(p) }
        raw("\n  ")
        variant(language: u.sourceLanguage, text: u.source, info: u.sourceVariant)
        raw("\n  ")
        variant(language: u.targetLanguage, text: u.target, info: u.targetVariant)
        raw("\n")
        end()
        raw("\n")
    }

    private func variant(language: String, text value: String, info: TMUnit.Variant) {
        start("tuv")
        attribute("xml:lang", language.isEmpty ? "und" : language)
        for a in info.attributes where Self.tuvAttributes.contains(a.name) { attribute(a.name, a.value) }
        for n in info.notes { note(n) }
        for p in info.props { prop(p) }
        start("seg")
        segment(value, info.markup)
        end()
        end()
    }

    private func segment(_ value: String, _ markup: [TMInline]) {
        if markup.isEmpty { text(value); return }
        let scalars = Array(value.unicodeScalars)
        let codes = markup.enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }.map(\.element)
        var pos = 0
        var openHi = 0
        var nextI = 1 + (markup.compactMap { m in m.attributes.first { $0.name == "i" }.flatMap { Int($0.value) } }.max() ?? 0)
        func flush(to offset: Int) {
            let o = min(max(offset, pos), scalars.count)
            if o > pos {
                var v = String.UnicodeScalarView()
                v.append(contentsOf: scalars[pos..<o])
                text(String(v))
                pos = o
            }
        }
        for m in codes {
            flush(to: m.offset)
            switch m.kind {
            case .hiStart:
                start("hi")
                for a in m.attributes where a.name == "x" || a.name == "type" { attribute(a.name, a.value) }
                openHi += 1
            case .hiEnd:
                if openHi > 0 { end(); openHi -= 1 }
            default:
                start(m.kind.rawValue)
                let allowed: Set<String>
                switch m.kind {
                case .bpt: allowed = ["i", "x", "type"]
                case .ept: allowed = ["i"]
                case .it: allowed = ["pos", "x", "type"]
                case .ph: allowed = ["x", "assoc", "type"]
                default: allowed = ["x"]
                }
                var attrs = m.attributes.filter { allowed.contains($0.name) }
                if (m.kind == .bpt || m.kind == .ept), !attrs.contains(where: { $0.name == "i" }) {
                    attrs.insert(TMAttribute(name: "i", value: String(nextI)), at: 0)
                    nextI += 1
                }
                if m.kind == .it {
                    if let k = attrs.firstIndex(where: { $0.name == "pos" }), attrs[k].value != "begin" && attrs[k].value != "end" {
                        attrs[k].value = "begin"
                    } else if !attrs.contains(where: { $0.name == "pos" }) {
                        attrs.insert(TMAttribute(name: "pos", value: "begin"), at: 0)
                    }
                }
                for a in attrs { attribute(a.name, a.value) }
                if !m.content.isEmpty {
                    if Self.isWritableCodeContent(m.content) { raw(TMXWriter.xmlSafe(m.content)) } else { text(m.content) }
                }
                end()
            }
        }
        flush(to: scalars.count)
        while openHi > 0 { end(); openHi -= 1 }
    }

    /// Whether code content may be written as XML: well-formed, with only `sub` and inline elements,
    /// and no entity other than the predefined ones and character references.
    static func isWritableCodeContent(_ content: String) -> Bool {
        if !content.contains("<") && !content.contains("&") { return true }
        let doc = Array(("<x>" + TMXWriter.xmlSafe(content) + "</x>").utf8)
        var ok = true
        doc.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { c in
                guard let r = xmlReaderForMemory(c.baseAddress, Int32(c.count), nil, "UTF-8", TMXReader.parseOptions) else { ok = false; return }
                defer { xmlFreeTextReader(r) }
                xmlTextReaderSetStructuredErrorHandler(r, { _, _ in }, nil)
                let allowed: Set<String> = ["x", "sub", "bpt", "ept", "it", "ph", "hi", "ut"]
                var ret = xmlTextReaderRead(r)
                while ret == 1 {
                    let type = xmlTextReaderNodeType(r)
                    if type == 1, let n = xmlTextReaderConstLocalName(r), !allowed.contains(String(cString: n)) { ok = false }
                    if type == 5 || type == 10 { ok = false }
                    ret = xmlTextReaderRead(r)
                }
                if ret < 0 { ok = false }
            }
        }
        return ok
    }
}
