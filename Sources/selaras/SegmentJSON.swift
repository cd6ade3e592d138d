import Foundation

/// Parses one JSON-lines record `{"id": ..., "text": "..."}` from bytes.
///
/// Other keys are skipped (their values are still checked); `id` may be a string or a number and
/// is kept as JSON to write back unchanged; `text` is unescaped into `text`. Ill-formed UTF-8
/// inside strings and lone surrogate escapes become U+FFFD and are reported in `repairs`.
struct JSONRecordParser {
    struct Failure: Error {
        /// 0-based byte column in the line.
        var column: Int
        var message: String
    }

    /// The `id` as JSON (a string literal or a number), ready to write.
    var idJSON: [UInt8] = []
    /// The unescaped text, valid UTF-8, when it had escapes or needed repair; see `withText`.
    var text: [UInt8] = []
    /// Where the text is in the line, when it could be used as it stands (no escapes, valid UTF-8).
    var textInLine: Range<Int>?
    /// Byte columns (0-based, in the line) of repaired input.
    var repairs: [Int] = []

    private var scratch: [UInt8] = []

    init() {
        text.reserveCapacity(1 << 16)
    }

    mutating func parse(_ line: UnsafeBufferPointer<UInt8>) throws(Failure) {
        idJSON.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
        textInLine = nil
        repairs.removeAll(keepingCapacity: true)
        let n = line.count
        var i = 0
        func ws() { while i < n, line[i] == 0x20 || line[i] == 0x09 || line[i] == 0x0D || line[i] == 0x0A { i += 1 } }
        ws()
        guard i < n, line[i] == 0x7B else { throw Failure(column: i, message: "expected '{' at the start of the record") }
        i += 1
        var haveID = false, haveText = false
        ws()
        if i < n, line[i] == 0x7D {
            throw Failure(column: i, message: "the record has no \"id\" and no \"text\"")
        }
        while true {
            ws()
            guard i < n, line[i] == 0x22 else { throw Failure(column: i, message: "expected a key in double quotes") }
            let keyStart = i
            scratch.removeAll(keepingCapacity: true)
            try Self.string(line, &i, into: &scratch, repairs: &repairs)
            ws()
            guard i < n, line[i] == 0x3A else { throw Failure(column: i, message: "expected ':' after a key") }
            i += 1
            ws()
            guard i < n else { throw Failure(column: i, message: "expected a value") }
            if scratch.elementsEqual("text".utf8) {
                guard line[i] == 0x22 else { throw Failure(column: i, message: "\"text\" must be a string") }
                text.removeAll(keepingCapacity: true)
                if let end = Self.plainStringEnd(line, i) {
                    textInLine = (i + 1)..<end
                    i = end + 1
                } else {
                    textInLine = nil
                    try Self.string(line, &i, into: &text, repairs: &repairs)
                }
                haveText = true
            } else if scratch.elementsEqual("id".utf8) {
                let valueStart = i
                if line[i] == 0x22 {
                    var raw: [UInt8] = []
                    try Self.string(line, &i, into: &raw, repairs: &repairs)
                    idJSON = raw  // unescaped; re-escaped when written
                    idJSON.insert(0x22, at: 0)  // marks "string"
                } else if line[i] == 0x2D || (line[i] >= 0x30 && line[i] <= 0x39) {
                    try Self.number(line, &i)
                    idJSON = Array(UnsafeBufferPointer(rebasing: line[valueStart..<i]))
                } else {
                    throw Failure(column: i, message: "\"id\" must be a string or a number")
                }
                haveID = true
            } else {
                _ = keyStart
                try skipValue(line, &i, depth: 0)
            }
            ws()
            guard i < n else { throw Failure(column: i, message: "expected ',' or '}'") }
            if line[i] == 0x2C { i += 1; continue }
            if line[i] == 0x7D { i += 1; break }
            throw Failure(column: i, message: "expected ',' or '}'")
        }
        ws()
        if i < n { throw Failure(column: i, message: "unexpected text after the record") }
        if !haveID { throw Failure(column: 0, message: "missing \"id\"") }
        if !haveText { throw Failure(column: 0, message: "missing \"text\"") }
    }

    /// Calls `body` with the text of the record parsed last from `line`.
    func withText<R>(in line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = textInLine { return body(UnsafeBufferPointer(rebasing: line[r])) }
        return text.withUnsafeBufferPointer(body)
    }

    /// For a string at `i` without escapes, control characters or ill-formed UTF-8, the index of
    /// its closing quote; otherwise nil.
    private static func plainStringEnd(_ line: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        let n = line.count
        var i = start + 1
        while true {
            if i + 8 <= n, !SWAR.special(SWAR.load(line, i), ascii: true) { i += 8; continue }
            guard i < n else { return nil }
            let b = line[i]
            if b == 0x22 { return i }
            if b == 0x5C || b < 0x20 { return nil }
            if b >= 0x80 {
                let len = UTF8Repair.sequenceLength(line, i)
                if len == 0 { return nil }
                i += len
            } else {
                i += 1
            }
        }
    }

    /// Whether the id is a JSON string (its bytes follow a leading marker quote).
    var idIsString: Bool { idJSON.first == 0x22 }

    private static func string(_ line: UnsafeBufferPointer<UInt8>, _ i: inout Int, into out: inout [UInt8],
                               repairs: inout [Int]) throws(Failure) {
        let n = line.count
        let open = i
        i += 1
        var run = i
        while true {
            if i + 8 <= n, !SWAR.special(SWAR.load(line, i), ascii: true) { i += 8; continue }
            guard i < n else { throw Failure(column: open, message: "unterminated string") }
            let b = line[i]
            if b == 0x22 {
                if i > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: line[run..<i])) }
                i += 1
                return
            }
            if b == 0x5C {
                if i > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: line[run..<i])) }
                guard i + 1 < n else { throw Failure(column: i, message: "unterminated escape") }
                let e = line[i + 1]
                switch e {
                case 0x22, 0x5C, 0x2F: out.append(e); i += 2
                case 0x62: out.append(0x08); i += 2
                case 0x66: out.append(0x0C); i += 2
                case 0x6E: out.append(0x0A); i += 2
                case 0x72: out.append(0x0D); i += 2
                case 0x74: out.append(0x09); i += 2
                case 0x75:
                    var v = try hex4(line, i + 2)
                    var consumed = 6
                    if v >= 0xD800 && v <= 0xDBFF {
                        if i + 11 < n, line[i + 6] == 0x5C, line[i + 7] == 0x75,
                           let lo = try? hex4(line, i + 8), lo >= 0xDC00 && lo <= 0xDFFF {
                            v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                            consumed = 12
                        } else {
                            repairs.append(i); v = 0xFFFD
                        }
                    } else if v >= 0xDC00 && v <= 0xDFFF {
                        repairs.append(i); v = 0xFFFD
                    }
                    Self.appendUTF8(v, &out)
                    i += consumed
                default:
                    throw Failure(column: i, message: "bad escape '\\\(Character(Unicode.Scalar(e)))'")
                }
                run = i
                continue
            }
            if b < 0x20 { throw Failure(column: i, message: "a control character (0x\(String(b, radix: 16))) inside a string must be escaped") }
            if b >= 0x80 {
                let len = UTF8Repair.sequenceLength(line, i)
                if len == 0 {
                    if i > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: line[run..<i])) }
                    repairs.append(i)
                    out += [0xEF, 0xBF, 0xBD]
                    i += 1
                    run = i
                } else {
                    i += len
                }
                continue
            }
            i += 1
        }
    }

    private static func hex4(_ line: UnsafeBufferPointer<UInt8>, _ at: Int) throws(Failure) -> UInt32 {
        guard at + 4 <= line.count else { throw Failure(column: at, message: "bad \\u escape") }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = line[at + k]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw Failure(column: at + k, message: "bad \\u escape")
            }
            v = v << 4 | d
        }
        return v
    }

    static func appendUTF8(_ v: UInt32, _ out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    private static func number(_ line: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(Failure) {
        let n = line.count
        let start = i
        if i < n, line[i] == 0x2D { i += 1 }
        func digits() -> Int { let s = i; while i < n, line[i] >= 0x30, line[i] <= 0x39 { i += 1 }; return i - s }
        guard digits() > 0 else { throw Failure(column: start, message: "bad number") }
        if i < n, line[i] == 0x2E { i += 1; guard digits() > 0 else { throw Failure(column: i, message: "bad number") } }
        if i < n, line[i] == 0x65 || line[i] == 0x45 {
            i += 1
            if i < n, line[i] == 0x2B || line[i] == 0x2D { i += 1 }
            guard digits() > 0 else { throw Failure(column: i, message: "bad number") }
        }
    }

    private mutating func skipValue(_ line: UnsafeBufferPointer<UInt8>, _ i: inout Int, depth: Int) throws(Failure) {
        let n = line.count
        guard depth < 512 else { throw Failure(column: i, message: "nesting too deep") }
        func ws() { while i < n, line[i] == 0x20 || line[i] == 0x09 || line[i] == 0x0D { i += 1 } }
        guard i < n else { throw Failure(column: i, message: "expected a value") }
        switch line[i] {
        case 0x22:
            var sink: [UInt8] = []
            var ignored: [Int] = []  // repairs in skipped values do not matter
            try Self.string(line, &i, into: &sink, repairs: &ignored)
        case 0x7B, 0x5B:
            let close: UInt8 = line[i] == 0x7B ? 0x7D : 0x5D
            let isObject = close == 0x7D
            i += 1
            ws()
            if i < n, line[i] == close { i += 1; return }
            while true {
                ws()
                if isObject {
                    guard i < n, line[i] == 0x22 else { throw Failure(column: i, message: "expected a key in double quotes") }
                    var sink: [UInt8] = []
                    var ignored: [Int] = []
                    try Self.string(line, &i, into: &sink, repairs: &ignored)
                    ws()
                    guard i < n, line[i] == 0x3A else { throw Failure(column: i, message: "expected ':' after a key") }
                    i += 1
                    ws()
                }
                try skipValue(line, &i, depth: depth + 1)
                ws()
                guard i < n else { throw Failure(column: i, message: "unterminated \(isObject ? "object" : "array")") }
                if line[i] == 0x2C { i += 1; continue }
                if line[i] == close { i += 1; return }
                throw Failure(column: i, message: "expected ',' or '\(Character(Unicode.Scalar(close)))'")
            }
        case 0x74: try Self.literal(line, &i, "true")
        case 0x66: try Self.literal(line, &i, "false")
        case 0x6E: try Self.literal(line, &i, "null")
        default: try Self.number(line, &i)
        }
    }

    private static func literal(_ line: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ word: String) throws(Failure) {
        let w = Array(word.utf8)
        guard i + w.count <= line.count, line[i..<(i + w.count)].elementsEqual(w) else {
            throw Failure(column: i, message: "unexpected value")
        }
        i += w.count
    }
}

/// Eight bytes at a time: whether any byte needs a closer look.
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Some byte of `w` is `"`, `\\`, below 0x20, or (when `ascii`) 0x80 or above.
    @inline(__always)
    static func special(_ w: UInt64, ascii: Bool) -> Bool {
        let quote = w ^ (0x22 &* ones)
        let slash = w ^ (0x5C &* ones)
        let zeroQuote = (quote &- ones) & ~quote & highs
        let zeroSlash = (slash &- ones) & ~slash & highs
        let control = (w &- (0x20 &* ones)) & ~w & highs
        let high = ascii ? (w & highs) : 0
        return (zeroQuote | zeroSlash | control | high) != 0
    }

    @inline(__always)
    static func load(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
    }
}

/// JSON string encoding into byte buffers.
enum JSONText {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `p` (valid UTF-8) as a JSON string literal, quotes included: `"` and backslash
    /// escaped, control characters as `\n`, `\t`, ... or `\u00XX`, everything else as is.
    static func appendString(_ p: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        buffer.append(0x22)
        var i = 0
        var runStart = 0
        let n = p.count
        while i < n {
            if i + 8 <= n, !SWAR.special(SWAR.load(p, i), ascii: false) { i += 8; continue }
            let b = p[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C { i += 1; continue }
            if i > runStart { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i])) }
            buffer.append(0x5C)
            switch b {
            case 0x22: buffer.append(0x22)
            case 0x5C: buffer.append(0x5C)
            case 0x0A: buffer.append(0x6E)
            case 0x0D: buffer.append(0x72)
            case 0x09: buffer.append(0x74)
            case 0x08: buffer.append(0x62)
            case 0x0C: buffer.append(0x66)
            default:
                buffer.append(contentsOf: [0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            }
            i += 1
            runStart = i
        }
        if n > runStart { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<n])) }
        buffer.append(0x22)
    }
}

extension JSONRecordParser {
    /// Parses one input line of a JSON-lines batch the way every `--jsonl` command does: a leading
    /// byte-order mark is skipped, a blank line is no record, a bad record is reported as
    /// `SOURCE:LINE:COLUMN: not a {"id", "text"} record: ...`, and repaired UTF-8 gives a warning.
    /// Returns whether the parser now holds a record (and the line without its byte-order mark).
    mutating func parseRecord(_ raw: UnsafeBufferPointer<UInt8>, source: String, number: Int,
                              messages: inout [String], badLines: inout Int) -> UnsafeBufferPointer<UInt8>? {
        var line = raw
        if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = UnsafeBufferPointer(rebasing: line[3...]) }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        do {
            try parse(line)
        } catch {
            messages.append("\(source):\(number):\(error.column + 1): not a {\"id\", \"text\"} record: \(error.message)")
            badLines += 1
            return nil
        }
        if !repairs.isEmpty {
            let columns = repairs.prefix(5).map { String($0 + 1) }.joined(separator: ", ")
            messages.append("warning: \(source):\(number): invalid UTF-8 or a lone surrogate replaced by U+FFFD (column \(columns)\(repairs.count > 5 ? ", ..." : ""))")
        }
        return line
    }
}
