import CLibXML2
import Foundation
import SelarasCore

/// Collects libxml2's messages for one parse instead of letting them reach stderr.
final class TMXErrorSink {
    var fatal: (message: String, line: Int, column: Int)?
    var lastError: (message: String, line: Int, column: Int)?
}

/// The state of reading one file: attempts, resynchronisation after broken units, issues.
final class TMXReadSession {
    let stream: TMXInputStream
    let file: String
    let reader: TMXReader
    let headerCallback: ((TMXHeader) -> Void)?
    var issues: [Diagnostic] = []
    var header = TMXHeader()
    var sawRoot = false
    var sawHeader = false
    var unitsDelivered = 0

    init(stream: TMXInputStream, file: String, reader: TMXReader, headerCallback: ((TMXHeader) -> Void)?) {
        self.stream = stream
        self.file = file
        self.reader = reader
        self.headerCallback = headerCallback
    }

    /// A stretch of the file to parse: from the file's start (`start == 0`) or from unit `start`'s tag,
    /// up to unit `stop` (exclusive) or the end.
    struct Stretch {
        var start: Int
        var stop: Int?
    }

    enum Outcome {
        case finished
        /// Unit `broken` is not well-formed; units from `firstUnfinished` up to it were not finished.
        case broken(Int, firstUnfinished: Int)
        /// The error is outside any unfinished unit: resume at the first unit after it.
        case resume(Int?)
        case notTMX
    }

    func run(_ body: (borrowing ReadUnit) throws -> Void) throws {
        var stack: [Stretch] = [Stretch(start: 0, stop: nil)]
        while let stretch = stack.popLast() {
            let outcome: Outcome
            do {
                outcome = try attempt(stretch, body)
            } catch let e as TMXInputStream.StreamError {
                throw Diagnostic.tmx(.failed, at: SourceLocation(file: file), e.description)
            }
            switch outcome {
            case .finished:
                break
            case .notTMX:
                issues.append(Diagnostic.tmx(.failed, at: SourceLocation(file: file), "not a TMX file (no <tmx> root element)"))
                return
            case let .resume(next):
                guard let next, stretch.stop.map({ next < $0 }) ?? true else { break }
                if next <= stretch.start {
                    // No progress: give up on the stretch's first unit so that reading always advances.
                    let start = try? stream.unitStart(stretch.start)
                    issues.append(Diagnostic.tmx(.skipped, at: SourceLocation(file: file, line: start?.line), tuid: start?.tuid, "unit could not be parsed"))
                    _ = stream.takeRemovals(unit: stretch.start)
                    if stretch.stop.map({ stretch.start + 1 < $0 }) ?? true {
                        stack.append(Stretch(start: stretch.start + 1, stop: stretch.stop))
                    }
                } else {
                    stack.append(Stretch(start: next, stop: stretch.stop))
                }
            case let .broken(b, firstUnfinished):
                if stretch.stop.map({ b + 1 < $0 }) ?? true {
                    stack.append(Stretch(start: b + 1, stop: stretch.stop))
                }
                if firstUnfinished < b {
                    stack.append(Stretch(start: firstUnfinished, stop: b))
                }
            }
        }
        for (ordinal, removed) in stream.remainingRemovals() where !removed.isEmpty {
            let line = removed[0].line
            issues.append(Diagnostic.tmx(.repaired, at: SourceLocation(file: file, line: line), Self.describe(removed) + (ordinal == 0 ? " before the first unit" : " outside any loaded unit")))
        }
        if !sawRoot && issues.allSatisfy({ $0.action != .failed }) && unitsDelivered == 0 {
            issues.append(Diagnostic.tmx(.failed, at: SourceLocation(file: file), "not a TMX file (no <tmx> root element)"))
        }
    }

    /// Language codes seen in this file and their roles (a file uses a handful; compared in order,
    /// without hashing).
    private var roles: [(code: String, source: Bool, target: Bool)] = []

    /// Whether a language code is the source and/or the target language (memoised per file).
    func role(_ code: String) -> (source: Bool, target: Bool) {
        for r in roles where r.code == code { return (r.source, r.target) }
        let r = (TMXReader.language(code, matches: reader.sourceLanguage), TMXReader.language(code, matches: reader.targetLanguage))
        if roles.count < 64 { roles.append((code, r.0, r.1)) }
        return r
    }

    static func describe(_ removed: [TMXInputStream.Removal]) -> String {
        let forbidden = removed.filter { !$0.invalidEncoding }
        let invalid = removed.filter(\.invalidEncoding)
        var parts: [String] = []
        if !forbidden.isEmpty {
            // The first four distinct characters are named; a file can hold millions of them.
            var seen: [UInt32] = []
            for r in forbidden where !seen.contains(r.scalar) {
                seen.append(r.scalar)
                if seen.count == 4 { break }
            }
            let names = seen.map(scalarName)
            let first = forbidden[0]
            parts.append("removed \(forbidden.count) character\(forbidden.count == 1 ? "" : "s") XML forbids (\(names.joined(separator: ", "))) first at line \(first.line), column \(first.column)")
        }
        if !invalid.isEmpty {
            parts.append("replaced \(invalid.count) invalid byte sequence\(invalid.count == 1 ? "" : "s") with U+FFFD, first at line \(invalid[0].line)")
        }
        return parts.joined(separator: "; ")
    }

    private static let controlNames: [UInt32: String] = [
        0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0B: "VT", 0x0C: "FF", 0x1B: "ESC", 0x1A: "SUB",
        0xFFFE: "noncharacter", 0xFFFF: "noncharacter"]

    static func scalarName(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        if let n = controlNames[v] { return "\(code) \(n)" }
        if v >= 0xD800 && v < 0xE000 { return "\(code) unpaired surrogate" }
        return code
    }

    // MARK: one attempt

    typealias UnitBuilder = TMXStretchParser.UnitBuilder

    private func attempt(_ stretch: Stretch, _ body: (borrowing ReadUnit) throws -> Void) throws -> Outcome {
        var lineBase = 1
        var firstLineColumnShift = 0
        var ordinalBase = 0
        if stretch.start > 0 {
            guard let start = try stream.unitStart(stretch.start) else { return .finished }
            let stop = try stretch.stop.flatMap { try stream.unitStart($0) }
            let prefix = Array("<tmx version=\"\(header.version)\"><body>".utf8)
            stream.restart(at: start, stopBefore: stop, prefix: prefix, suffix: Array("</body></tmx>".utf8))
            lineBase = start.line
            firstLineColumnShift = start.column - 1 - prefix.count
            ordinalBase = stretch.start - 1
        }
        func absolute(_ line: Int, _ column: Int) -> (Int, Int) {
            (lineBase + line - 1, line == 1 ? column + firstLineColumnShift : column)
        }

        var lastFinished = ordinalBase  // ordinal of the last unit finished in this attempt
        let sink = TMXErrorSink()
        // The parser holds `body` only while it runs.
        let (unit, tuCount, stop, result) = try withoutActuallyEscaping(body) { body in
            let parser = TMXStretchParser(session: self, stretch: stretch, ordinalBase: ordinalBase, lineBase: lineBase) { u in
                lastFinished = u.ordinal
                try self.finish(u, body)
            }
            let result = try parser.run(sink: sink)
            return (parser.unit, parser.tuCount, parser.stop, result)
        }
        var structural: String?
        switch stop {
        case let .structural(message)?: structural = message
        case .notTMX?: return .notTMX
        default: break
        }

        if let message = structural, let u = unit {
            let start = try? stream.unitStart(u.ordinal)
            issues.append(Diagnostic.tmx(.skipped, at: SourceLocation(file: file, line: u.line), tuid: u.tuid ?? start?.tuid, "invalid markup: \(message)"))
            _ = stream.takeRemovals(unit: u.ordinal)
            return .broken(u.ordinal, firstUnfinished: lastFinished + 1)
        }
        if result.wellFormed {
            if let u = unit {
                // The document ended inside a unit (a truncated stretch).
                issues.append(Diagnostic.tmx(.skipped, at: SourceLocation(file: file, line: u.line), tuid: u.tuid, "the file ends inside this unit"))
            }
            return sawRoot || stretch.start > 0 ? .finished : .notTMX
        }
        // A well-formedness error (or an I/O failure).
        if let failure = stream.failure { throw failure }
        let error = sink.fatal ?? sink.lastError ?? ("XML error", result.line, result.column)
        var (line, column) = absolute(error.line > 0 ? error.line : result.line, max(error.column, 1))
        if error.line <= 0 { column = 1 }
        let message = "invalid XML: \(error.message)"
        if stretch.start == 0 && tuCount == 0, try stream.unitStart(1) == nil {
            issues.append(Diagnostic.tmx(.failed, at: SourceLocation(file: file, line: line, column: column), message))
            return .finished
        }
        let firstOrdinal = ordinalBase + 1
        let firstOpen = max(firstOrdinal, lastFinished + 1)
        var culprit = stream.unitStarting(atOrBefore: line, column: column)?.ordinal
        if let stop = stretch.stop, let c = culprit, c >= stop { culprit = stop - 1 }
        if let c = culprit, c < firstOpen { culprit = nil }
        if let c = culprit {
            // An unclosed <tu> before the error is the likelier cause (libxml2 notices it only later).
            for k in firstOpen..<c {
                if let s = try stream.unitStart(k), !s.closed { culprit = k; break }
            }
        }
        if let b = culprit, let start = try stream.unitStart(b) {
            let tuid = (unit?.ordinal == b ? unit?.tuid : nil) ?? start.tuid
            let removed = stream.takeRemovals(unit: b)
            let extra = removed.isEmpty ? "" : " (" + Self.describe(removed) + ")"
            issues.append(Diagnostic.tmx(.skipped, at: SourceLocation(file: file, line: start.line), tuid: tuid, message + " at line \(line), column \(column)" + extra))
            return .broken(b, firstUnfinished: lastFinished + 1)
        }
        // The error lies outside any unfinished unit (in the header, between units or after the last):
        // nothing is lost; parsing resumes at the first unit not finished yet.
        let place = lastFinished >= firstOrdinal || stretch.start > 0 ? "between units" : "before the first unit"
        issues.append(Diagnostic.tmx(.repaired, at: SourceLocation(file: file, line: line, column: column), message + " (\(place); ignored)"))
        let next = lastFinished + 1
        return .resume(try stream.unitStart(next) != nil ? next : nil)
    }

    /// A unit read to its end: checked, reported when it needed a fix, and handed to `body`.
    private func finish(_ u: UnitBuilder, _ body: (borrowing ReadUnit) throws -> Void) throws {
        let removed = stream.takeRemovals(unit: u.ordinal)
        var loc: SourceLocation { SourceLocation(file: file, line: u.line) }
        let src = u.variants.firstIndex { self.role($0.language).source }
        let tgt = u.variants.firstIndex { self.role($0.language).target }
        guard let src, let tgt else {
            let langs = u.variants.map(\.language)
            let missing = src == nil ? reader.sourceLanguage : reader.targetLanguage
            let have = langs.isEmpty ? "no variants" : "variants: \(langs.joined(separator: ", "))"
            issues.append(Diagnostic.tmx(.skipped, at: loc, tuid: u.tuid, "no '\(missing)' variant (\(have))"))
            return
        }
        let source = u.variants[src], target = u.variants[tgt]
        let (s, sLead) = Self.trimmedRange(source.text)
        let (t, tLead) = Self.trimmedRange(target.text)
        if s.isEmpty || t.isEmpty {
            let which = s.isEmpty ? source.language : target.language
            issues.append(Diagnostic.tmx(.skipped, at: loc, tuid: u.tuid, "empty segment in the '\(which)' variant"))
            return
        }
        var fixes = u.fixes
        if !removed.isEmpty { fixes.insert(Self.describe(removed), at: 0) }
        if !fixes.isEmpty {
            issues.append(Diagnostic.tmx(.repaired, at: loc, tuid: u.tuid, fixes.joined(separator: "; ")))
        }
        var sv = source.variant, tv = target.variant
        if !sv.markup.isEmpty { sv.markup = Self.shifted(sv.markup, by: sLead, length: source.text, s) }
        if !tv.markup.isEmpty { tv.markup = Self.shifted(tv.markup, by: tLead, length: target.text, t) }
        let unit = ReadUnit(tuid: u.tuid, line: u.line, creationDate: u.creationDate, changeDate: u.changeDate, attributes: u.attributes,
                            props: u.props, notes: u.notes, sourceLanguage: source.language, targetLanguage: target.language,
                            sourceText: source.text, sourceRange: s, targetText: target.text, targetRange: t,
                            sourceVariant: sv, targetVariant: tv)
        unitsDelivered += 1
        try body(unit)
        if u.ordinal % 256 == 0 { stream.release(before: u.ordinal + 1) }
    }

    /// The range of `text` (UTF-8) without whitespace at either end, and how many code points were
    /// cut at the start.
    static func trimmedRange(_ text: [UInt8]) -> (Range<Int>, Int) {
        if let f = text.first, let l = text.last, f > 0x20, l > 0x20, f < 0x80, l < 0x80 { return (0..<text.count, 0) }
        let string = String(decoding: text, as: UTF8.self)
        let scalars = string.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return (0..<0, 0) }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        let lead = scalars.distance(from: scalars.startIndex, to: first)
        let utf8 = string.utf8
        let start = utf8.distance(from: utf8.startIndex, to: first)
        let end = utf8.distance(from: utf8.startIndex, to: scalars.index(after: last))
        // Invalid UTF-8 never reaches here (the input stream repairs it), so offsets match the bytes.
        return (start..<end, lead)
    }

    /// Markup offsets moved with a trim: `lead` code points cut at the start, the text now `range` of `text`.
    static func shifted(_ markup: [TMInline], by lead: Int, length text: [UInt8], _ range: Range<Int>) -> [TMInline] {
        var length = 0
        for b in text[range] where b & 0xC0 != 0x80 { length += 1 }
        return markup.map { m in var m = m; m.offset = min(max(0, m.offset - lead), length); return m }
    }
}
