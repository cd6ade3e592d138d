import CLibXML2
import Foundation
import SelarasCore

/// One parse of a stretch of a TMX file (see `TMXReadSession`): libxml2's SAX2 push parser fed from
/// the `TMXInputStream` in chunks, its events turned into units.
///
/// SAX rather than `xmlTextReader`: the reader builds a tree node for every element and text and
/// frees it again, which costs about as much as the parse itself; SAX hands over names, attributes
/// and text where the parser found them. The push interface lets the parse stop within one chunk
/// of the first fatal error (libxml2 would otherwise go on scanning the rest of the file with its
/// callbacks switched off), so a broken unit costs a re-parse of a chunk, not of the file.
///
/// What each element does is what the session's contract says (units, variants, segments with
/// inline codes, props and notes, header); a callback never throws into libxml2: errors and the
/// decision to stop are recorded, later events are ignored, and `run` reports them when the chunk
/// returns.
final class TMXStretchParser {
    enum Stop {
        /// A unit's structure is broken (`<tu>` inside `<tu>`, ...): the message.
        case structural(String)
        /// The document's root is not `<tmx>`.
        case notTMX
        /// `body` (or the header callback) threw.
        case failed(Error)
    }

    struct VariantBuilder {
        var language: String
        /// The segment's text, as UTF-8 (decoded once, when the unit is finished).
        var text: [UInt8] = []
        var hasSeg = false
        var variant = TMUnit.Variant()
    }

    struct UnitBuilder {
        var ordinal: Int
        var line: Int
        var tuid: String?
        var creationDate: String?
        var changeDate: String?
        var attributes: [TMAttribute] = []
        var props: [TMUnit.Prop] = []
        var notes: [String] = []
        var variants: [VariantBuilder] = []
        var fixes: [String] = []
    }

    /// An inline code being read: its content is serialised back to XML as its events arrive.
    private struct Capture {
        var kind: TMInline.Kind
        var attributes: [TMAttribute]
        var offset: Int
        var depth = 0
        var content: [UInt8] = []
        /// Where the '>' of the last start tag is, while nothing followed it (an empty element is
        /// then written `<x/>`, as libxml2 serialises it).
        var openTagEnd: Int?
    }

    unowned let session: TMXReadSession
    let stretch: TMXReadSession.Stretch
    let ordinalBase: Int
    /// The file's line of the stretch's first line.
    let lineBase: Int
    private let finish: (UnitBuilder) throws -> Void

    // The parse state, touched on every event by the one thread that parses (no dynamic
    // exclusivity checks).
    @exclusivity(unchecked) private(set) var stop: Stop?
    @exclusivity(unchecked) private(set) var unit: UnitBuilder?
    @exclusivity(unchecked) private var variant: VariantBuilder?
    @exclusivity(unchecked) private var propType: String?
    @exclusivity(unchecked) private var inNote = false
    @exclusivity(unchecked) private var textBuffer: [UInt8] = []
    @exclusivity(unchecked) private var textDepth = 0
    @exclusivity(unchecked) private var inSeg = false
    @exclusivity(unchecked) private var segDepth = 0
    @exclusivity(unchecked) private var inHeader = false
    @exclusivity(unchecked) private(set) var tuCount = 0
    /// Elements still to skip, the current one included (0: not skipping).
    @exclusivity(unchecked) private var skipDepth = 0
    /// Elements open now (XMLGuard.maxDepth bounds it).
    @exclusivity(unchecked) private var depth = 0
    @exclusivity(unchecked) private var capture: Capture?

    // Element and attribute names, interned in the parser's dictionary (compared by pointer).
    @exclusivity(unchecked) private var names = Names()
    struct Names {
        var tmx, header, body, tu, tuv, seg, prop, note, bpt, ept, ph, it, ut, hi, sub: UnsafePointer<xmlChar>?
        var tuid, creationDate, changeDate, lang, type, version, xml: UnsafePointer<xmlChar>?
    }

    /// `finish` gets each unit when its `</tu>` is read.
    init(session: TMXReadSession, stretch: TMXReadSession.Stretch, ordinalBase: Int, lineBase: Int,
         finish: @escaping (UnitBuilder) throws -> Void) {
        self.session = session
        self.stretch = stretch
        self.ordinalBase = ordinalBase
        self.lineBase = lineBase
        self.finish = finish
    }

    /// What the parse ended with.
    struct Result {
        /// libxml2 reported no fatal error and the input ended.
        var wellFormed: Bool
        /// The parser's position when it stopped (1-based).
        var line: Int
        var column: Int
    }

    static let chunkSize = 1 << 16

    /// Parses the stream's current attempt to its end, or until a fatal error or a stop.
    func run(sink: TMXErrorSink) throws -> Result {
        depth = 0
        var handler = xmlSAXHandler()
        // The default SAX2 handlers keep what the parser itself needs (the document, the internal
        // subset and its entity declarations); the element, text and error events are Selaras's.
        xmlSAXVersion(&handler, 2)
        handler.startElementNs = { ctx, localname, prefix, _, nbNamespaces, namespaces, nbAttributes, _, attributes in
            TMXStretchParser.with(ctx) { $0.startElement(localname, prefix, Int(nbNamespaces), namespaces, Int(nbAttributes), attributes) }
        }
        handler.endElementNs = { ctx, localname, prefix, _ in
            TMXStretchParser.with(ctx) { $0.endElement(localname, prefix) }
        }
        handler.characters = { ctx, ch, len in
            guard let ch, len > 0 else { return }
            TMXStretchParser.with(ctx) { $0.characters(UnsafeBufferPointer(start: ch, count: Int(len))) }
        }
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = handler.characters
        handler.reference = { ctx, name in
            TMXStretchParser.with(ctx) { $0.reference(name) }
        }
        handler.comment = { ctx, value in
            TMXStretchParser.with(ctx) { $0.comment(value) }
        }
        handler.processingInstruction = { ctx, target, data in
            TMXStretchParser.with(ctx) { $0.processingInstruction(target, data) }
        }
        handler.warning = nil
        handler.error = nil
        handler.fatalError = nil
        handler.serror = { ctx, error in
            guard let ctx, let error else { return }
            let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let priv = ctxt.pointee._private else { return }
            let parser = Unmanaged<TMXStretchParser>.fromOpaque(priv).takeUnretainedValue()
            let e = error.pointee
            guard e.level == XML_ERR_FATAL || e.level == XML_ERR_ERROR else { return }
            let message = XMLProblem.message(of: error)
            let entry = (message, Int(e.line), Int(e.int2))
            if let sink = parser.sink {
                if sink.fatal == nil && e.level == XML_ERR_FATAL { sink.fatal = entry }
                sink.lastError = entry
            }
        }

        guard let ctxt = xmlCreatePushParserCtxt(&handler, nil, nil, 0, session.file) else {
            throw Diagnostic.tmx(.failed, at: SourceLocation(file: session.file), "libxml2 could not create a parser")
        }
        defer {
            if let doc = ctxt.pointee.myDoc { xmlFreeDoc(doc) }
            ctxt.pointee.myDoc = nil
            xmlFreeParserCtxt(ctxt)
        }
        xmlCtxtUseOptions(ctxt, TMXReader.parseOptions)
        self.sink = sink
        self.ctxt = ctxt
        defer { self.sink = nil; self.ctxt = nil }
        ctxt.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        intern(ctxt.pointee.dict)

        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.chunkSize)
        defer { chunk.deallocate() }
        var ended = false
        // XMLGuard's limits: the prolog is held back until it is judged (entity declarations are
        // refused), and every chunk's text runs are measured before libxml2 sees it.
        var prolog: [UInt8]? = []
        var meter = XMLGuard.TextRunMeter()
        func refuse(_ problem: XMLProblem) -> Diagnostic {
            Diagnostic.tmx(.failed, at: SourceLocation(file: session.file, line: problem.line > 0 ? problem.line : nil), problem.message)
        }
        func feed(_ p: UnsafePointer<UInt8>, _ n: Int) throws -> Bool {
            guard meter.feed(UnsafeBufferPointer(start: p, count: n)) else { throw refuse(meter.problem) }
            let rc = p.withMemoryRebound(to: CChar.self, capacity: n) { xmlParseChunk(ctxt, $0, Int32(n), 0) }
            return rc == 0 && ctxt.pointee.wellFormed != 0
        }
        while stop == nil {
            let n = session.stream.read(into: chunk, count: Self.chunkSize)
            if n < 0 { break }
            if var held = prolog {
                held.append(contentsOf: UnsafeBufferPointer(start: chunk, count: max(0, n)))
                let verdict = held.withUnsafeBufferPointer { XMLGuard.checkProlog($0, complete: n == 0) }
                switch verdict {
                case .needMore:
                    prolog = held
                    continue
                case let .refused(problem):
                    throw refuse(problem)
                case let .ok(note):
                    if let note { session.issues.append(Diagnostic.tmx(.kept, at: SourceLocation(file: session.file), note)) }
                    prolog = nil
                    if !held.isEmpty, try !held.withUnsafeBufferPointer({ try feed($0.baseAddress!, $0.count) }) { break }
                }
            } else if n > 0 {
                if try !feed(chunk, n) { break }
            }
            if n == 0 {
                xmlParseChunk(ctxt, nil, 0, 1)
                ended = true
                break
            }
        }
        if case let .failed(error)? = stop { throw error }
        let line = Int(xmlSAX2GetLineNumber(ctxt))
        let column = Int(xmlSAX2GetColumnNumber(ctxt))
        return Result(wellFormed: ended && ctxt.pointee.wellFormed != 0 && sink.fatal == nil, line: line, column: column)
    }

    @exclusivity(unchecked) private var sink: TMXErrorSink?
    /// The parser context, for positions during callbacks.
    @exclusivity(unchecked) private var ctxt: xmlParserCtxtPtr?

    /// Calls `body` with the parser of a libxml2 context (its `_private`), without retaining it:
    /// the parser outlives every callback of its parse.
    @inline(__always)
    private static func with(_ ctx: UnsafeMutableRawPointer?, _ body: (TMXStretchParser) -> Void) {
        guard let ctx else { return }
        let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let priv = ctxt.pointee._private else { return }
        Unmanaged<TMXStretchParser>.fromOpaque(priv)._withUnsafeGuaranteedRef(body)
    }

    private func intern(_ dict: OpaquePointer?) {
        func n(_ s: String) -> UnsafePointer<xmlChar>? { xmlDictLookup(dict, s, -1) }
        names = Names(tmx: n("tmx"), header: n("header"), body: n("body"), tu: n("tu"), tuv: n("tuv"), seg: n("seg"),
                      prop: n("prop"), note: n("note"), bpt: n("bpt"), ept: n("ept"), ph: n("ph"), it: n("it"), ut: n("ut"),
                      hi: n("hi"), sub: n("sub"), tuid: n("tuid"), creationDate: n("creationdate"), changeDate: n("changedate"),
                      lang: n("lang"), type: n("type"), version: n("version"), xml: n("xml"))
    }

    // MARK: helpers

    /// The line of the element being started, in the file (restarted stretches count from their unit).
    private func currentLine() -> Int {
        lineBase + Int(ctxt.map { xmlSAX2GetLineNumber($0) } ?? 1) - 1
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String { p.map { String(cString: $0) } ?? "" }

    private static func qualified(_ prefix: UnsafePointer<xmlChar>?, _ local: UnsafePointer<xmlChar>?) -> String {
        prefix.map { string($0) + ":" + string(local) } ?? string(local)
    }

    /// An attribute of a SAX2 start event: its value spans `attributes[5i+3] ..< attributes[5i+4]`.
    /// Without entity substitution libxml2 hands over `&` as the reference `&#38;` (its tree builder
    /// decodes references afterwards), so references are decoded here the same way.
    private static func value(_ a: UnsafeMutablePointer<UnsafePointer<xmlChar>?>, _ i: Int) -> String {
        guard let start = a[5 * i + 3], let end = a[5 * i + 4] else { return "" }
        let bytes = UnsafeBufferPointer(start: start, count: end - start)
        if !bytes.contains(0x26) { return String(decoding: bytes, as: UTF8.self) }
        return decodeReferences(bytes)
    }

    /// Character references and the predefined entities decoded; other references kept as written.
    static func decodeReferences(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out = String.UnicodeScalarView()
        var scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars[...]
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            guard c == "&", let semicolon = scalars.prefix(12).firstIndex(of: ";") else { out.append(c); continue }
            let name = String(String.UnicodeScalarView(scalars[..<semicolon]))
            var decoded: Unicode.Scalar?
            switch name {
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "amp": decoded = "&"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
                }
            }
            if let decoded {
                out.append(decoded)
                scalars = scalars[scalars.index(after: semicolon)...]
            } else {
                out.append(c)
            }
        }
        return String(out)
    }

    /// Every attribute of the element, namespace declarations first (the order libxml2's tree and
    /// reader give), as qualified names.
    private static func allAttributes(_ nbNamespaces: Int, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                                      _ nbAttributes: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> [TMAttribute] {
        var out: [TMAttribute] = []
        if let namespaces {
            for i in 0..<nbNamespaces {
                let prefix = namespaces[2 * i]
                out.append(TMAttribute(name: prefix.map { "xmlns:" + string($0) } ?? "xmlns", value: string(namespaces[2 * i + 1])))
            }
        }
        if let attributes {
            for i in 0..<nbAttributes {
                out.append(TMAttribute(name: qualified(attributes[5 * i + 1], attributes[5 * i]), value: value(attributes, i)))
            }
        }
        return out
    }

    /// Calls `known` for each attribute without a prefix or with the `xml` prefix (local name,
    /// whether it had the prefix, value); returns the attributes `known` did not take, namespace
    /// declarations and other prefixes included, in libxml2's order.
    private func sortAttributes(_ nbNamespaces: Int, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                                _ nbAttributes: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                                _ known: (UnsafePointer<xmlChar>?, Bool, String) -> Bool) -> [TMAttribute] {
        var others: [TMAttribute] = []
        if let namespaces {
            for i in 0..<nbNamespaces {
                let prefix = namespaces[2 * i]
                others.append(TMAttribute(name: prefix.map { "xmlns:" + Self.string($0) } ?? "xmlns", value: Self.string(namespaces[2 * i + 1])))
            }
        }
        guard let attributes else { return others }
        for i in 0..<nbAttributes {
            let local = attributes[5 * i], prefix = attributes[5 * i + 1]
            let value = Self.value(attributes, i)
            if prefix != nil && prefix != names.xml {
                others.append(TMAttribute(name: Self.qualified(prefix, local), value: value))
                continue
            }
            if !known(local, prefix != nil, value) {
                others.append(TMAttribute(name: Self.qualified(prefix, local), value: value))
            }
        }
        return others
    }

    /// The code-point length of the current segment's text (where an inline code sits).
    private func segOffset() -> Int {
        guard let text = variant?.text else { return 0 }
        var n = 0
        for b in text where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    private func addProp(_ p: TMUnit.Prop) {
        if variant != nil { variant!.variant.props.append(p) } else if unit != nil { unit!.props.append(p) } else if inHeader { session.header.props.append(p) }
    }

    private func addNote(_ n: String) {
        if variant != nil { variant!.variant.notes.append(n) } else if unit != nil { unit!.notes.append(n) } else if inHeader { session.header.notes.append(n) }
    }

    private func fail(_ error: Error) {
        if stop == nil { stop = .failed(error) }
    }

    // MARK: events

    private func startElement(_ name: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ nbNamespaces: Int,
                              _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ nbAttributes: Int,
                              _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        if stop != nil { return }
        depth += 1
        if depth > XMLGuard.maxDepth {
            fail(Diagnostic.tmx(.failed, at: SourceLocation(file: session.file, line: currentLine()),
                                "elements nested deeper than \(XMLGuard.maxDepth) levels; refused"))
            return
        }
        if skipDepth > 0 { skipDepth += 1; return }
        if capture != nil {
            captureStart(Self.qualified(prefix, name), Self.allAttributes(nbNamespaces, namespaces, nbAttributes, attributes))
            return
        }
        if propType != nil || inNote {
            // Markup inside a prop or note (not TMX): its text is kept.
            textDepth += 1
        } else if inSeg {
            if name == names.bpt || name == names.ept || name == names.ph || name == names.it || name == names.ut {
                let kind: TMInline.Kind = name == names.bpt ? .bpt : name == names.ept ? .ept : name == names.ph ? .ph : name == names.it ? .it : .ut
                capture = Capture(kind: kind, attributes: Self.allAttributes(nbNamespaces, namespaces, nbAttributes, attributes), offset: segOffset())
            } else if name == names.hi {
                let hi = TMInline(kind: .hiStart, offset: segOffset(), attributes: Self.allAttributes(nbNamespaces, namespaces, nbAttributes, attributes))
                variant?.variant.markup.append(hi)
                segDepth += 1
            } else {
                unit?.fixes.append(name == names.sub ? "<sub> outside an inline code dropped"
                                   : "unknown element <\(Self.qualified(prefix, name))> inside <seg>: tags dropped, text kept")
                segDepth += 1
            }
        } else if name == names.tu {
            tuCount += 1
            if unit != nil {
                stop = .structural("<tu> not closed before the next <tu>")
                return
            }
            var u = UnitBuilder(ordinal: ordinalBase + tuCount, line: currentLine())
            u.variants.reserveCapacity(2)
            let names = self.names
            u.attributes = sortAttributes(nbNamespaces, namespaces, nbAttributes, attributes) { local, prefixed, value in
                if prefixed { return false }
                if local == names.tuid { u.tuid = value } else if local == names.creationDate { u.creationDate = value }
                else if local == names.changeDate { u.changeDate = value } else { return false }
                return true
            }
            unit = u
        } else if name == names.tuv {
            if unit == nil {
                session.issues.append(Diagnostic.tmx(.repaired, at: SourceLocation(file: session.file, line: currentLine()), "<tuv> outside a <tu> ignored"))
                skipDepth = 1
            } else if variant != nil {
                stop = .structural("<tuv> inside another <tuv>")
            } else {
                var lang = ""
                var legacyLang = ""
                let langName = names.lang
                let attrs = sortAttributes(nbNamespaces, namespaces, nbAttributes, attributes) { local, prefixed, value in
                    guard local == langName else { return false }
                    if prefixed { lang = value } else { legacyLang = value }
                    return true
                }
                if lang.isEmpty { lang = legacyLang }
                if lang.isEmpty { unit?.fixes.append("a <tuv> without xml:lang was ignored") }
                var v = VariantBuilder(language: lang)
                v.text.reserveCapacity(512)
                v.variant.attributes = attrs
                variant = v
            }
        } else if name == names.seg {
            if variant == nil {
                unit?.fixes.append("<seg> outside a <tuv> ignored")
                skipDepth = 1
            } else if variant!.hasSeg {
                unit?.fixes.append("second <seg> in a <tuv> ignored")
                skipDepth = 1
            } else {
                variant!.hasSeg = true
                inSeg = true
                segDepth = 0
            }
        } else if name == names.prop {
            var type = ""
            if let attributes {
                for i in 0..<nbAttributes where attributes[5 * i] == names.type && attributes[5 * i + 1] == nil { type = Self.value(attributes, i) }
            }
            propType = type
            textBuffer.removeAll(keepingCapacity: true)
            textDepth = 0
        } else if name == names.note {
            inNote = true
            textBuffer.removeAll(keepingCapacity: true)
            textDepth = 0
        } else if name == names.header {
            if stretch.start == 0 && !session.sawHeader {
                session.sawHeader = true
                for a in Self.allAttributes(nbNamespaces, namespaces, nbAttributes, attributes) { session.header.set(a.name, a.value) }
                inHeader = true
            } else { skipDepth = 1 }
        } else if name == names.tmx {
            if stretch.start == 0 {
                session.sawRoot = true
                if let v = Self.allAttributes(nbNamespaces, namespaces, nbAttributes, attributes).first(where: { $0.name == "version" })?.value {
                    session.header.version = v
                }
            }
        } else if name == names.body {
            if inHeader { endHeader() }
        } else if stretch.start == 0 && !session.sawRoot {
            stop = .notTMX
        } else if unit != nil {
            unit?.fixes.append("unknown element <\(Self.qualified(prefix, name))> ignored")
            skipDepth = 1
        } else {
            skipDepth = 1
        }
    }

    private func endHeader() {
        inHeader = false
        session.headerCallback?(session.header)
    }

    private func endElement(_ name: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?) {
        if stop != nil { return }
        depth -= 1
        if skipDepth > 0 { skipDepth -= 1; return }
        if capture != nil {
            if capture!.depth > 0 {
                captureEnd(Self.qualified(prefix, name))
            } else {
                let c = capture!
                capture = nil
                variant?.variant.markup.append(TMInline(kind: c.kind, offset: c.offset, attributes: c.attributes,
                                                        content: String(decoding: c.content, as: UTF8.self)))
            }
            return
        }
        if propType != nil || inNote {
            if textDepth > 0 {
                textDepth -= 1
            } else if name == names.prop, let t = propType {
                addProp(TMUnit.Prop(type: t, value: String(decoding: textBuffer, as: UTF8.self))); propType = nil
            } else if name == names.note {
                addNote(String(decoding: textBuffer, as: UTF8.self)); inNote = false
            }
        } else if inSeg {
            if name == names.seg && segDepth == 0 {
                inSeg = false
            } else if segDepth > 0 {
                if name == names.hi {
                    let end = TMInline(kind: .hiEnd, offset: segOffset())
                    variant?.variant.markup.append(end)
                }
                segDepth -= 1
            }
        } else if name == names.tuv {
            if let v = variant.take(), !v.language.isEmpty { unit?.variants.append(v) }
        } else if name == names.tu {
            if let u = unit.take() {
                do { try finish(u) } catch { fail(error) }
            }
        } else if name == names.header {
            if inHeader { endHeader() }
        }
    }

    private func characters(_ text: UnsafeBufferPointer<xmlChar>) {
        if stop != nil || skipDepth > 0 { return }
        if capture != nil {
            captureText(text)
        } else if inSeg {
            variant?.text.append(contentsOf: text)
        } else if propType != nil || inNote {
            textBuffer.append(contentsOf: text)
        }
    }

    /// An entity reference (entities are never substituted).
    private func reference(_ name: UnsafePointer<xmlChar>?) {
        if stop != nil || skipDepth > 0 { return }
        if capture != nil {
            captureRaw("&" + Self.string(name) + ";")
        } else if inSeg || unit != nil {
            unit?.fixes.append("entity reference &\(Self.string(name));: not expanded, dropped")
        }
    }

    private func comment(_ value: UnsafePointer<xmlChar>?) {
        if stop != nil || skipDepth > 0 || capture == nil { return }
        captureRaw("<!--" + Self.string(value) + "-->")
    }

    private func processingInstruction(_ target: UnsafePointer<xmlChar>?, _ data: UnsafePointer<xmlChar>?) {
        if stop != nil || skipDepth > 0 || capture == nil { return }
        captureRaw("<?" + Self.string(target) + (data.map { " " + Self.string($0) } ?? "") + "?>")
    }

    // MARK: inline code content, serialised as libxml2 writes a node's content

    private func captureRaw(_ s: String) {
        capture!.openTagEnd = nil
        capture!.content.append(contentsOf: s.utf8)
    }

    private func captureStart(_ name: String, _ attributes: [TMAttribute]) {
        capture!.depth += 1
        var s = "<" + name
        for a in attributes {
            s += " " + a.name + "=\""
            for c in a.value.unicodeScalars {
                switch c {
                case "<": s += "&lt;"
                case ">": s += "&gt;"
                case "&": s += "&amp;"
                case "\"": s += "&quot;"
                case "\n": s += "&#10;"
                case "\r": s += "&#13;"
                case "\t": s += "&#9;"
                default: s.unicodeScalars.append(c)
                }
            }
            s += "\""
        }
        captureRaw(s + ">")
        capture!.openTagEnd = capture!.content.count - 1
    }

    private func captureEnd(_ name: String) {
        capture!.depth -= 1
        if let open = capture!.openTagEnd, open == capture!.content.count - 1 {
            capture!.content.removeLast()
            capture!.content.append(contentsOf: "/>".utf8)
            capture!.openTagEnd = nil
        } else {
            captureRaw("</" + name + ">")
        }
    }

    private func captureText(_ text: UnsafeBufferPointer<xmlChar>) {
        capture!.openTagEnd = nil
        for b in text {
            switch b {
            case 0x3C: capture!.content.append(contentsOf: "&lt;".utf8)
            case 0x3E: capture!.content.append(contentsOf: "&gt;".utf8)
            case 0x26: capture!.content.append(contentsOf: "&amp;".utf8)
            case 0x0D: capture!.content.append(contentsOf: "&#13;".utf8)
            default: capture!.content.append(b)
            }
        }
    }
}
