import Foundation

/// The byte stream libxml2 parses when Selaras reads a TMX file: the file decoded to UTF-8 with the
/// characters XML 1.0 forbids removed, plus what the reader needs to restart after a broken unit.
///
/// Contract:
/// - Input in UTF-8 (with or without a BOM), UTF-16 LE/BE (with a BOM, or detected from `<?` bytes),
///   ISO-8859-1 or windows-1252 (from the XML declaration) comes out as UTF-8; the XML declaration is
///   rewritten to say `encoding="UTF-8"`. Other declared encodings are refused (`unsupportedEncoding`).
/// - Control characters other than tab, LF and CR, U+FFFE/U+FFFF, unpaired surrogates, and character
///   references to any of them (`&#27;`, `&#x1B;`) are dropped; invalid UTF-8 becomes U+FFFD. Each
///   removal is recorded with its line, column and the unit (`<tu>` ordinal) it falls in.
/// - Line numbers are preserved exactly (nothing that is removed is a line break).
/// - Every `<tu` start tag outside comments and CDATA is recorded with its ordinal (1-based), output
///   offset, line, column (in code points) and `tuid`, so the reader can restart the parse at any unit
///   that has not been released yet (`restart(atUnit:stopBeforeUnit:prefix:)`).
/// Memory stays bounded: output before the oldest unit the reader may still restart at is dropped
/// (`release(before:)`).
final class TMXInputStream {
    enum Encoding: String {
        case utf8 = "UTF-8", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE", latin1 = "ISO-8859-1", windows1252 = "windows-1252"
    }

    struct UnitStart {
        var ordinal: Int
        var offset: Int
        var line: Int
        var column: Int
        var tuid: String?
        /// Whether a `</tu>` end tag followed before the next `<tu` start tag.
        var closed = false
    }

    struct Removal {
        var line: Int
        var column: Int
        var scalar: UInt32
        /// True for bytes that were not valid in the file's encoding (replaced by U+FFFD).
        var invalidEncoding: Bool
    }

    enum StreamError: Error, CustomStringConvertible {
        case unsupportedEncoding(String)
        case io(String)
        var description: String {
            switch self {
            case let .unsupportedEncoding(e):
                return "the file declares encoding \"\(e)\", which Selaras does not read; convert it to UTF-8 or UTF-16"
            case let .io(m): return m
            }
        }
    }

    // MARK: source
    private enum Source {
        case file(Int32)
        case data(Data)
    }
    private var source: Source
    private var dataPos = 0
    private var raw: [UInt8] = []
    private var rawPos = 0
    /// The content hash of every byte read from the source so far.
    private(set) var hasher = ContentHasher()
    private var sourceEOF = false
    private(set) var encoding: Encoding = .utf8
    private(set) var declaredEncoding: String?
    private(set) var hadBOM = false
    private var started = false

    // MARK: output (window, line tracking, markup scanner) — a value the decoders own while they run
    private var out = OutputState()
    private var produced: Int { out.windowStart + out.window.count }
    var unitsScanned: Int { out.unitsScanned }

    // MARK: emission
    private var prefix: [UInt8] = []
    private var prefixPos = 0
    private var readPos = 0
    private var stopAt: Int?
    private var suffix: [UInt8] = []
    private var suffixPos = 0

    static let chunkSize = 1 << 18

    init(fileDescriptor: Int32) {
        source = .file(fileDescriptor)
    }

    init(data: Data) {
        source = .data(data)
    }

    deinit {
        if case let .file(fd) = source { close(fd) }
    }

    // MARK: reading (libxml2's side)

    /// Fills `buffer` with up to `count` bytes of the current attempt; returns 0 at its end, -1 on error.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        do {
            if !started { try start() }
            var n = 0
            while n < count {
                if prefixPos < prefix.count {
                    let k = min(count - n, prefix.count - prefixPos)
                    prefix.withUnsafeBufferPointer { p in (buffer + n).update(from: p.baseAddress! + prefixPos, count: k) }
                    prefixPos += k; n += k
                    continue
                }
                if let stop = stopAt, readPos >= stop {
                    guard suffixPos < suffix.count else { break }
                    let k = min(count - n, suffix.count - suffixPos)
                    suffix.withUnsafeBufferPointer { p in (buffer + n).update(from: p.baseAddress! + suffixPos, count: k) }
                    suffixPos += k; n += k
                    continue
                }
                if readPos < produced {
                    var limit = produced
                    if let stop = stopAt { limit = min(limit, stop) }
                    let k = min(count - n, limit - readPos)
                    out.window.withUnsafeBufferPointer { p in (buffer + n).update(from: p.baseAddress! + (readPos - out.windowStart), count: k) }
                    readPos += k; n += k
                    continue
                }
                if try !produceMore() { break }
            }
            return n
        } catch {
            failure = error
            return -1
        }
    }

    /// Reads the rest of the source (for the content hash) without decoding it.
    func drain() throws {
        while !sourceEOF {
            rawPos = raw.count
            try fill()
        }
    }

    /// The error that made `read` fail, if any.
    private(set) var failure: Error?

    /// The start of unit `ordinal`, decoding further input when it has not been reached yet;
    /// nil when the file ends before it or it was released.
    func unitStart(_ ordinal: Int) throws -> UnitStart? {
        if !started { try start() }
        while unitsScanned < ordinal {
            if try !produceMore() { return nil }
        }
        guard let i = out.starts[out.startsHead...].firstIndex(where: { $0.ordinal == ordinal }) else { return nil }
        return withTuid(out.starts[i])
    }

    /// The start record with its tuid read from the start tag (kept in the window until released).
    private func withTuid(_ s: UnitStart) -> UnitStart {
        var s = s
        let from = s.offset - out.windowStart
        guard from >= 0, from < out.window.count else { return s }
        var end = from
        var quote: UInt8 = 0
        while end < out.window.count && end - from < 4096 {
            let b = out.window[end]
            if quote != 0 { if b == quote { quote = 0 } } else if b == 0x22 || b == 0x27 { quote = b } else if b == 0x3E { break }
            end += 1
        }
        s.tuid = Self.attribute("tuid", in: out.window[from..<end])
        return s
    }

    /// The last unit starting at or before (line, column), among those not released.
    func unitStarting(atOrBefore line: Int, column: Int) -> UnitStart? {
        var best: UnitStart?
        for s in out.starts[out.startsHead...] {
            if s.line < line || (s.line == line && s.column <= column) { best = s } else { break }
        }
        return best.map(withTuid)
    }

    /// The first recorded unit start after (line, column), decoding further input as needed.
    func firstUnit(after line: Int, column: Int) throws -> UnitStart? {
        var from = out.startsHead
        while true {
            for i in from..<out.starts.count {
                let s = out.starts[i]
                if s.line > line || (s.line == line && s.column > column) { return withTuid(s) }
            }
            from = out.starts.count
            if try !produceMore() { return nil }
        }
    }

    /// Positions the stream for a new parse: `prefix` first, then the output from unit `ordinal`'s start
    /// tag, ending (with `suffix`) right before unit `stopBefore` when given.
    func restart(at start: UnitStart, stopBefore: UnitStart?, prefix: [UInt8], suffix: [UInt8]) {
        self.prefix = prefix
        prefixPos = 0
        readPos = start.offset
        stopAt = stopBefore?.offset
        self.suffix = suffix
        suffixPos = 0
    }

    /// Says the reader will never restart before unit `ordinal`: output and records before it may go.
    func release(before ordinal: Int) {
        while out.startsHead < out.starts.count, out.starts[out.startsHead].ordinal < ordinal { out.startsHead += 1 }
        var keepFrom = readPos
        if out.startsHead < out.starts.count { keepFrom = min(keepFrom, out.starts[out.startsHead].offset) }
        let dead = keepFrom - out.windowStart
        if dead > (1 << 20), dead > out.window.count / 2 {
            out.window.removeFirst(dead)
            out.windowStart = keepFrom
        }
        if out.startsHead > 4096 {
            out.starts.removeFirst(out.startsHead)
            out.startsHead = 0
        }
    }

    /// Removes and returns the removals recorded inside unit `ordinal` (0: before the first unit).
    func takeRemovals(unit ordinal: Int) -> [Removal] {
        if out.removals.isEmpty { return [] }
        return out.removals.removeValue(forKey: ordinal) ?? []
    }

    /// Removals not yet taken, in unit order (for a final report).
    func remainingRemovals() -> [(Int, [Removal])] {
        let all = out.removals.sorted { $0.key < $1.key }
        out.removals.removeAll()
        return all
    }

    // MARK: decoding

    private func fill() throws {
        if rawPos > 0 {
            raw.removeFirst(rawPos)
            rawPos = 0
        }
        if sourceEOF { return }
        switch source {
        case let .file(fd):
            let old = raw.count
            raw.reserveCapacity(old + Self.chunkSize)
            var got = 0
            raw.append(contentsOf: repeatElement(0, count: Self.chunkSize))
            got = raw.withUnsafeMutableBufferPointer { p -> Int in
                var n: Int
                repeat { n = Foundation.read(fd, p.baseAddress! + old, Self.chunkSize) } while n < 0 && errno == EINTR
                return n
            }
            if got < 0 {
                raw.removeLast(Self.chunkSize)
                throw StreamError.io("read error: \(String(cString: strerror(errno)))")
            }
            raw.removeLast(Self.chunkSize - got)
            if got == 0 { sourceEOF = true }
            raw.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[old..<(old + got)])) }
        case let .data(d):
            let k = min(Self.chunkSize, d.count - dataPos)
            if k <= 0 { sourceEOF = true; return }
            let old = raw.count
            raw.append(contentsOf: d[d.startIndex + dataPos ..< d.startIndex + dataPos + k])
            dataPos += k
            raw.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[old..<(old + k)])) }
        }
    }

    /// Detects the encoding, skips a BOM and rewrites the XML declaration.
    private func start() throws {
        started = true
        while raw.count < 4096 && !sourceEOF { try fill() }
        var i = 0
        let b = raw
        var base: Encoding = .utf8
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3; hadBOM = true }
        else if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { i = 2; base = .utf16LE; hadBOM = true }
        else if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { i = 2; base = .utf16BE; hadBOM = true }
        else if b.count >= 4, b[0] == 0x3C, b[1] == 0, b[2] == 0x3F, b[3] == 0 { base = .utf16LE }
        else if b.count >= 4, b[0] == 0, b[1] == 0x3C, b[2] == 0, b[3] == 0x3F { base = .utf16BE }
        // The XML declaration, read as ASCII in the base encoding.
        let unit = (base == .utf8) ? 1 : 2
        var decl: [UInt8] = []
        var j = i
        func ascii(at k: Int) -> UInt8? {
            guard k + unit <= b.count else { return nil }
            if unit == 1 { return b[k] }
            let v = base == .utf16LE ? (UInt16(b[k]) | UInt16(b[k + 1]) << 8) : (UInt16(b[k]) << 8 | UInt16(b[k + 1]))
            return v < 0x80 ? UInt8(v) : nil
        }
        var declEnd: Int?
        if ascii(at: j) == 0x3C, ascii(at: j + unit) == 0x3F {
            while let c = ascii(at: j), decl.count < 1024 {
                decl.append(c); j += unit
                if decl.count >= 2, decl[decl.count - 2] == 0x3F, c == 0x3E { declEnd = j; break }
            }
        }
        var declared: String?
        if let end = declEnd {
            declared = Self.attribute("encoding", in: decl[...])
            declaredEncoding = declared
            let version = Self.attribute("version", in: decl[...]) ?? "1.0"
            let standalone = Self.attribute("standalone", in: decl[...])
            let newlines = decl.filter { $0 == 0x0A }.count
            var out = "<?xml version=\"\(version)\" encoding=\"UTF-8\""
            if let s = standalone { out += " standalone=\"\(s)\"" }
            out += String(repeating: "\n", count: newlines) + "?>"
            self.out.window.append(contentsOf: Array(out.utf8))
            self.out.line += newlines
            if newlines > 0 { self.out.lineStart = produced - 2 }
            i = end
        }
        if base == .utf8, !hadBOM, let d = declared?.lowercased() {
            switch d {
            case "utf-8", "utf8", "us-ascii", "ascii", "utf-16", "utf16": encoding = .utf8
            case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "iso-ir-100", "cp819": encoding = .latin1
            case "windows-1252", "cp1252", "x-cp1252": encoding = .windows1252
            default: throw StreamError.unsupportedEncoding(declared ?? d)
            }
        } else {
            encoding = base
        }
        rawPos = i
    }

    /// Decodes the next chunk of input; false at the end of the input.
    private func produceMore() throws -> Bool {
        if rawPos >= raw.count || (raw.count - rawPos < 16 && !sourceEOF) {
            try fill()
        }
        if rawPos >= raw.count && sourceEOF { return false }
        let before = produced
        var o = OutputState.placeholder
        swap(&o, &out)  // the decoder owns the buffers while it runs (no copies, no exclusivity checks)
        switch encoding {
        case .utf8: rawPos = Self.decodeUTF8(raw, from: rawPos, eof: sourceEOF, into: &o)
        case .utf16LE, .utf16BE: rawPos = Self.decodeUTF16(raw, from: rawPos, eof: sourceEOF, littleEndian: encoding == .utf16LE, into: &o)
        case .latin1, .windows1252: rawPos = Self.decodeSingleByte(raw, from: rawPos, eof: sourceEOF, windows: encoding == .windows1252, into: &o)
        }
        swap(&o, &out)
        if produced == before && rawPos < raw.count && !sourceEOF {
            // An incomplete sequence at the end of the buffer: read more and try again.
            try fill()
            return try produceMore()
        }
        if produced == before && sourceEOF && rawPos < raw.count {
            // A truncated sequence at the very end of the file.
            out.record(0xFFFD, invalid: true)
            rawPos = raw.count
        }
        return true
    }

    static let forbiddenASCII: [Bool] = (0..<128).map { c in c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D }

    @inline(__always)
    static func isForbidden(_ v: UInt32) -> Bool {
        if v < 0x20 { return v != 0x09 && v != 0x0A && v != 0x0D }
        if v < 0xD800 { return false }
        if v < 0xE000 { return true }
        return v == 0xFFFE || v == 0xFFFF || v > 0x10FFFF
    }

    /// Decodes UTF-8 from raw[from...]; returns where it stopped (an incomplete sequence waits for more).
    static func decodeUTF8(_ raw: [UInt8], from: Int, eof: Bool, into o: inout OutputState) -> Int {
        let n = raw.count
        o.window.reserveCapacity(o.window.count + (n - from))
        var i = from
        raw.withUnsafeBufferPointer { r in
            while i < n {
                let b = r[i]
                if b >= 0x20 && b < 0x80 && b != 0x3C && b != 0x26 {
                    if case .text = o.scan {
                        // A run of plain ASCII text: copied in one go.
                        var j = i + 1
                        // Eight bytes at a time: stop at a word holding a byte < 0x20, >= 0x80, '<' or '&'.
                        let base = UnsafeRawPointer(r.baseAddress!)
                        while j + 8 <= n {
                            let w = base.loadUnaligned(fromByteOffset: j, as: UInt64.self)
                            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                            let control = (w &- ones &* 0x20) & ~w & highs
                            let lt = w ^ (ones &* 0x3C), amp = w ^ (ones &* 0x26)
                            let special = ((lt &- ones) & ~lt & highs) | ((amp &- ones) & ~amp & highs)
                            if (control | special | (w & highs)) != 0 { break }
                            j += 8
                        }
                        while j < n {
                            let c = r[j]
                            if c < 0x20 || c >= 0x80 || c == 0x3C || c == 0x26 { break }
                            j += 1
                        }
                        o.window.append(contentsOf: UnsafeBufferPointer(rebasing: r[i..<j]))
                        i = j
                        continue
                    }
                    o.emitASCII(b); i += 1; continue
                }
                if b == 0x3C, case .text = o.scan, i + 2 < n {
                    // A tag whose name cannot start `tu`: the scanner would go back to text at once,
                    // so the bytes are copied without stepping it.
                    @inline(__always) func letter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
                    let c1 = r[i + 1]
                    if letter(c1) && c1 != 0x74 {
                        o.window.append(b); o.window.append(c1)
                        i += 2
                        continue
                    }
                    if c1 == 0x2F, letter(r[i + 2]), r[i + 2] != 0x74 {
                        o.window.append(b); o.window.append(c1); o.window.append(r[i + 2])
                        i += 3
                        continue
                    }
                }
                if b < 0x80 {
                    if b == 0x26 {  // '&': a character reference to a forbidden character is dropped
                        var k = i + 1
                        guard k < n || eof else { break }
                        if k < n, r[k] == 0x23 {
                            k += 1
                            var hex = false
                            if k < n, r[k] == 0x78 { hex = true; k += 1 }
                            var value: UInt32 = 0
                            var digits = 0
                            while k < n, digits <= 8 {
                                let c = r[k]
                                if let d = digitValue(c, hex: hex) { value = value &* (hex ? 16 : 10) &+ UInt32(d); digits += 1; k += 1 } else { break }
                            }
                            if k >= n && !eof { break }  // wait for more input
                            if k < n, r[k] == 0x3B, digits > 0, isForbidden(value) {
                                o.record(value, invalid: false)
                                i = k + 1
                                continue
                            }
                        }
                        o.emitASCII(b); i += 1; continue
                    }
                    if forbiddenASCII[Int(b)] {
                        o.record(UInt32(b), invalid: false)
                        i += 1
                        continue
                    }
                    o.emitASCII(b); i += 1; continue
                }
                // Multi-byte sequence.
                let len: Int
                var v: UInt32
                switch b {
                case 0xC2...0xDF: len = 2; v = UInt32(b & 0x1F)
                case 0xE0...0xEF: len = 3; v = UInt32(b & 0x0F)
                case 0xF0...0xF4: len = 4; v = UInt32(b & 0x07)
                default:
                    o.record(0xFFFD, invalid: true); o.emitScalar(0xFFFD); i += 1; continue
                }
                if i + len > n {
                    if !eof { break }
                    o.record(0xFFFD, invalid: true); o.emitScalar(0xFFFD); i = n; continue
                }
                var ok = true
                for k in 1..<len {
                    let c = r[i + k]
                    if c & 0xC0 != 0x80 { ok = false; break }
                    v = v << 6 | UInt32(c & 0x3F)
                }
                if ok {
                    switch len {
                    case 3: ok = v >= 0x800 && !(0xD800...0xDFFF).contains(v)
                    case 4: ok = v >= 0x10000 && v <= 0x10FFFF
                    default: break
                    }
                }
                if !ok {
                    o.record(0xFFFD, invalid: true); o.emitScalar(0xFFFD); i += 1; continue
                }
                if v == 0xFFFE || v == 0xFFFF {
                    o.record(v, invalid: false); i += len; continue
                }
                if case .text = o.scan {} else { o.scanNonASCII() }
                o.window.append(contentsOf: UnsafeBufferPointer(rebasing: r[i..<(i + len)]))
                o.continuationBytesOnLine += len - 1
                i += len
            }
        }
        return i
    }

    static func decodeUTF16(_ raw: [UInt8], from: Int, eof: Bool, littleEndian: Bool, into o: inout OutputState) -> Int {
        let n = raw.count
        var i = from
        var pendingRef: [UInt32] = []
        func unit(_ k: Int) -> UInt32 {
            littleEndian ? UInt32(raw[k]) | UInt32(raw[k + 1]) << 8 : UInt32(raw[k]) << 8 | UInt32(raw[k + 1])
        }
        while i + 1 < n {
            let u = unit(i)
            var v = u
            var used = 2
            if u >= 0xD800 && u < 0xDC00 {
                if i + 3 >= n {
                    if !eof { break }
                    o.record(u, invalid: true); i += 2; continue
                }
                let lo = unit(i + 2)
                if lo >= 0xDC00 && lo < 0xE000 {
                    v = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)
                    used = 4
                } else {
                    o.record(u, invalid: true); i += 2; continue
                }
            } else if u >= 0xDC00 && u < 0xE000 {
                o.record(u, invalid: true); i += 2; continue
            }
            // Character references: hold '&#…' until it is complete.
            if !pendingRef.isEmpty || v == 0x26 {
                pendingRef.append(v)
                i += used
                if let done = o.resolveReference(pendingRef) {
                    for s in done { o.emitFiltered(s) }
                    pendingRef = []
                }
                continue
            }
            i += used
            o.emitFiltered(v)
        }
        if !pendingRef.isEmpty {
            if eof { for s in pendingRef { o.emitFiltered(s) } } else {
                // Give the reference back to the next round.
                i -= pendingRef.reduce(0) { $0 + ($1 > 0xFFFF ? 4 : 2) }
            }
        }
        if eof && i + 1 == n { o.record(0xFFFD, invalid: true); i = n }
        return i
    }

    static func decodeSingleByte(_ raw: [UInt8], from: Int, eof: Bool, windows: Bool, into o: inout OutputState) -> Int {
        let n = raw.count
        var i = from
        var pendingRef: [UInt32] = []
        while i < n {
            let b = raw[i]
            var v = UInt32(b)
            if windows, b >= 0x80, b < 0xA0 { v = cp1252[Int(b - 0x80)] }
            i += 1
            if !pendingRef.isEmpty || v == 0x26 {
                pendingRef.append(v)
                if let done = o.resolveReference(pendingRef) {
                    for s in done { o.emitFiltered(s) }
                    pendingRef = []
                }
                continue
            }
            o.emitFiltered(v)
        }
        if !pendingRef.isEmpty {
            if eof { for s in pendingRef { o.emitFiltered(s) } } else { i -= pendingRef.count }
        }
        return i
    }

    static func digitValue(_ c: UInt8, hex: Bool) -> Int? {
        switch c {
        case 0x30...0x39: return Int(c - 0x30)
        case 0x61...0x66 where hex: return Int(c - 0x61 + 10)
        case 0x41...0x46 where hex: return Int(c - 0x41 + 10)
        default: return nil
        }
    }

    static let cp1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The value of `name="…"` or `name='…'` in a start tag or declaration, given as UTF-8 as the
    /// stream holds it (no `String` made for the search, and no Foundation: a stream with many broken
    /// units looks up the tuid of each).
    static func attribute(_ name: String, in bytes: ArraySlice<UInt8>) -> String? {
        let key = Array(name.utf8)
        guard let first = key.first, bytes.count >= key.count else { return nil }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var i = bytes.startIndex
        while i <= bytes.endIndex - key.count {
            defer { i += 1 }
            guard bytes[i] == first, bytes[i..<(i + key.count)].elementsEqual(key) else { continue }
            let before: UInt8 = i == bytes.startIndex ? 0x20 : bytes[i - 1]
            guard isSpace(before) || before == 0x3C else { continue }
            var j = i + key.count
            while j < bytes.endIndex, isSpace(bytes[j]) { j += 1 }
            guard j < bytes.endIndex, bytes[j] == 0x3D else { continue }
            j += 1
            while j < bytes.endIndex, isSpace(bytes[j]) { j += 1 }
            guard j < bytes.endIndex, bytes[j] == 0x22 || bytes[j] == 0x27 else { continue }
            let quote = bytes[j]
            if let end = bytes[(j + 1)...].firstIndex(of: quote) { return String(decoding: bytes[(j + 1)..<end], as: UTF8.self) }
        }
        return nil
    }
}

/// The decoded output of a `TMXInputStream` and what is tracked along it: the retained window of
/// UTF-8 bytes, line and column, the markup scanner that records `<tu` starts and `</tu>` ends, and
/// the removals. A value type so that the decoders can own it while they run a chunk.
struct OutputState {
    enum ScanState {
        case text, lt, ltT, ltTU, ltSlash, ltSlashT, ltSlashTU, bang, bangDash, bangCData(Int), comment(Int), cdata(Int), pi(Bool)
    }

    var window: [UInt8] = []
    var windowStart = 0
    var line = 1
    var lineStart = 0
    var continuationBytesOnLine = 0
    var scan: ScanState = .text
    var tagOffset = 0, tagLine = 0, tagColumn = 0
    var starts: [TMXInputStream.UnitStart] = []
    var startsHead = 0
    var unitsScanned = 0
    /// Removals by the ordinal of the unit they fall in (0: before the first unit).
    var removals: [Int: [TMXInputStream.Removal]] = [:]

    static var placeholder: OutputState { OutputState() }

    var produced: Int { windowStart + window.count }

    mutating func emitFiltered(_ v: UInt32) {
        if TMXInputStream.isForbidden(v) { record(v, invalid: false); return }
        if v < 0x80 { emitASCII(UInt8(v)) } else { emitScalar(v) }
    }

    mutating func emitScalar(_ v: UInt32) {
        if v < 0x80 { emitASCII(UInt8(v)); return }
        if case .text = scan {} else { scanNonASCII() }
        if v < 0x800 {
            window.append(UInt8(0xC0 | (v >> 6))); window.append(UInt8(0x80 | (v & 0x3F)))
            continuationBytesOnLine += 1
        } else if v < 0x10000 {
            window.append(UInt8(0xE0 | (v >> 12))); window.append(UInt8(0x80 | ((v >> 6) & 0x3F))); window.append(UInt8(0x80 | (v & 0x3F)))
            continuationBytesOnLine += 2
        } else {
            window.append(UInt8(0xF0 | (v >> 18))); window.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            window.append(UInt8(0x80 | ((v >> 6) & 0x3F))); window.append(UInt8(0x80 | (v & 0x3F)))
            continuationBytesOnLine += 3
        }
    }

    private mutating func startTag(at offset: Int) {
        tagOffset = offset
        tagLine = line
        tagColumn = offset - lineStart - continuationBytesOnLine + 1
    }

    /// Appends one ASCII byte, keeping line numbers and the markup scanner up to date.
    mutating func emitASCII(_ b: UInt8) {
        let offset = produced
        window.append(b)
        if b == 0x0A {
            line += 1
            lineStart = offset + 1
            continuationBytesOnLine = 0
        }
        switch scan {
        case .text:
            if b == 0x3C { scan = .lt; startTag(at: offset) }
        case .lt:
            switch b {
            case 0x74: scan = .ltT  // t
            case 0x2F: scan = .ltSlash  // /
            case 0x21: scan = .bang  // !
            case 0x3F: scan = .pi(false)  // ?
            case 0x3C: scan = .lt; startTag(at: offset)
            default: scan = .text
            }
        case .ltT:
            scan = b == 0x75 ? .ltTU : .text
        case .ltTU:
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x3E || b == 0x2F {
                unitsScanned += 1
                starts.append(TMXInputStream.UnitStart(ordinal: unitsScanned, offset: tagOffset, line: tagLine, column: tagColumn, tuid: nil))
            }
            scan = .text
        case .ltSlash:
            scan = b == 0x74 ? .ltSlashT : .text
        case .ltSlashT:
            scan = b == 0x75 ? .ltSlashTU : .text
        case .ltSlashTU:
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x3E, startsHead < starts.count {
                starts[starts.count - 1].closed = true
            }
            scan = .text
        case .bang:
            if b == 0x2D { scan = .bangDash } else if b == 0x5B { scan = .bangCData(1) } else { scan = .text }
        case .bangDash:
            scan = b == 0x2D ? .comment(0) : .text
        case let .bangCData(k):
            let word: StaticString = "[CDATA["
            let expected = word.withUTF8Buffer { $0[k] }
            if b == expected { scan = k + 1 == word.utf8CodeUnitCount ? .cdata(0) : .bangCData(k + 1) } else { scan = .text }
        case let .comment(dashes):
            if b == 0x2D { scan = .comment(dashes + 1) } else if b == 0x3E && dashes >= 2 { scan = .text } else { scan = .comment(0) }
        case let .cdata(k):
            if b == 0x5D { scan = .cdata(k + 1) } else if b == 0x3E && k >= 2 { scan = .text } else { scan = .cdata(0) }
        case let .pi(q):
            if b == 0x3E && q { scan = .text } else { scan = .pi(b == 0x3F) }
        }
    }

    /// The scanner's reaction to a non-ASCII character: it ends a tag name, and resets the
    /// terminator counters of comments, CDATA sections and processing instructions.
    mutating func scanNonASCII() {
        switch scan {
        case .text: break
        case .comment: scan = .comment(0)
        case .cdata: scan = .cdata(0)
        case .pi: scan = .pi(false)
        default: scan = .text
        }
    }

    mutating func record(_ scalar: UInt32, invalid: Bool) {
        let column = produced - lineStart - continuationBytesOnLine + 1
        removals[unitsScanned, default: []].append(TMXInputStream.Removal(line: line, column: column, scalar: scalar, invalidEncoding: invalid))
    }

    /// For a held `&…` sequence: nil while it may still become a reference, else the scalars to emit
    /// (empty when it was a reference to a forbidden character, which is recorded).
    mutating func resolveReference(_ s: [UInt32]) -> [UInt32]? {
        if s.count == 1 { return nil }
        if s[1] != 0x23 { return s }
        if s.count == 2 { return nil }
        let hex = s[2] == 0x78
        let digitsStart = hex ? 3 : 2
        if s.count == digitsStart { return nil }
        let last = s[s.count - 1]
        if last == 0x3B {
            var value: UInt32 = 0
            let digits = s[digitsStart..<(s.count - 1)]
            if digits.isEmpty { return s }
            for d in digits {
                guard d < 0x80, let x = TMXInputStream.digitValue(UInt8(d), hex: hex) else { return s }
                value = value &* (hex ? 16 : 10) &+ UInt32(x)
            }
            if TMXInputStream.isForbidden(value) { record(value, invalid: false); return [] }
            return s
        }
        if last < 0x80, TMXInputStream.digitValue(UInt8(last), hex: hex) != nil, s.count < 14 { return nil }
        return s
    }
}
