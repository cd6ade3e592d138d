import SelarasCore

/// Parses one JSON-lines record (a JSON object on one line) from bytes, without Foundation.
///
/// Decision: Foundation's `JSONDecoder` took 0.116 s on one thread for the 49 MB segmentation
/// benchmark input (24 MB of text), more than the whole `segment --jsonl` command before this parser
/// was shared (0.087 s); so records are parsed here, on bytes, and a string without escapes is used
/// where it lies in the line, without a copy. The parser is tested against `JSONSerialization` on
/// generated and fuzzed records (Tests/SelarasJSONLinesTests).
///
/// Contract: the line must be one JSON object (RFC 8259); keys the schema names are read, any other
/// value is checked and skipped; `id` is a string or a number, kept as written (`JSONID`); a string
/// is unescaped (surrogate pairs joined), and ill-formed UTF-8 or a lone surrogate becomes U+FFFD,
/// reported in `repairs` by byte column. A parser is reused line after line by one thread.
public struct JSONRecordParser {
    /// Why a line is not a record: the byte column (0-based) and a message.
    public struct Failure: Error, Sendable {
        public var column: Int
        public var message: String
    }

    public let schema: JSONRecordSchema

    /// The record's id, nil when it had none.
    public private(set) var id: JSONID?
    /// Byte columns (0-based) of input that was repaired.
    public private(set) var repairs: [Int] = []

    // Per string field: where it is in the line when it could be used as it stands, else its bytes.
    private var present: [Bool]
    private var inLine: [Range<Int>?]
    private var decoded: [[UInt8]]
    private var lists: [[[UInt8]]?]
    private var others: [(String, String)] = []
    private var scratch: [UInt8] = []
    private let stringKeys: [[UInt8]]
    private let listKeys: [[UInt8]]

    public init(schema: JSONRecordSchema) {
        self.schema = schema
        stringKeys = schema.strings.map { Array($0.utf8) }
        listKeys = schema.stringLists.map { Array($0.utf8) }
        present = Array(repeating: false, count: schema.strings.count)
        inLine = Array(repeating: nil, count: schema.strings.count)
        decoded = Array(repeating: [], count: schema.strings.count)
        lists = Array(repeating: nil, count: schema.stringLists.count)
    }

    /// Parses `line`; on success the accessors below describe it (valid until the next parse).
    public mutating func parse(_ line: UnsafeBufferPointer<UInt8>) throws(Failure) {
        id = nil
        repairs.removeAll(keepingCapacity: true)
        others.removeAll(keepingCapacity: true)
        for k in present.indices { present[k] = false; inLine[k] = nil; decoded[k].removeAll(keepingCapacity: true) }
        for k in lists.indices { lists[k] = nil }
        let n = line.count
        var i = 0
        func ws() { while i < n, line[i] == 0x20 || line[i] == 0x09 || line[i] == 0x0D || line[i] == 0x0A { i += 1 } }
        ws()
        guard i < n, line[i] == 0x7B else { throw Failure(column: i, message: "expected '{' at the start of the record") }
        i += 1
        ws()
        if i < n, line[i] == 0x7D {
            i += 1
        } else {
            while true {
                ws()
                guard i < n, line[i] == 0x22 else { throw Failure(column: i, message: "expected a key in double quotes") }
                scratch.removeAll(keepingCapacity: true)
                try Self.string(line, &i, into: &scratch, repairs: &repairs)
                ws()
                guard i < n, line[i] == 0x3A else { throw Failure(column: i, message: "expected ':' after a key") }
                i += 1
                ws()
                guard i < n else { throw Failure(column: i, message: "expected a value") }
                try value(line, &i)
                ws()
                guard i < n else { throw Failure(column: i, message: "expected ',' or '}'") }
                if line[i] == 0x2C { i += 1; continue }
                if line[i] == 0x7D { i += 1; break }
                throw Failure(column: i, message: "expected ',' or '}'")
            }
        }
        ws()
        if i < n { throw Failure(column: i, message: "unexpected text after the record") }
        if schema.requiresID && id == nil { throw Failure(column: 0, message: "missing \"id\"") }
        for (k, name) in schema.strings.enumerated() where !present[k] && schema.required.contains(name) {
            throw Failure(column: 0, message: "missing \"\(name)\"")
        }
        for (k, name) in schema.stringLists.enumerated() where lists[k] == nil && schema.required.contains(name) {
            throw Failure(column: 0, message: "missing \"\(name)\"")
        }
    }

    /// The value of the key now in `scratch`, at `i`.
    private mutating func value(_ line: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(Failure) {
        if scratch.elementsEqual("id".utf8) {
            let start = i
            if line[i] == 0x22 {
                var raw: [UInt8] = []
                let before = repairs.count
                try Self.string(line, &i, into: &raw, repairs: &repairs)
                let token = repairs.count == before ? Array(UnsafeBufferPointer(rebasing: line[start..<i])) : Self.quoted(raw)
                id = JSONID(json: token, isString: true, value: String(decoding: raw, as: UTF8.self))
            } else if line[i] == 0x2D || (line[i] >= 0x30 && line[i] <= 0x39) {
                try Self.number(line, &i)
                let token = Array(UnsafeBufferPointer(rebasing: line[start..<i]))
                id = JSONID(json: token, isString: false, value: String(decoding: token, as: UTF8.self))
            } else {
                throw Failure(column: i, message: "\"id\" must be a string or a number")
            }
            return
        }
        if let k = stringKeys.firstIndex(where: { scratch.elementsEqual($0) }) {
            guard line[i] == 0x22 else { throw Failure(column: i, message: "\"\(schema.strings[k])\" must be a string") }
            decoded[k].removeAll(keepingCapacity: true)
            if let end = Self.plainStringEnd(line, i) {
                inLine[k] = (i + 1)..<end
                i = end + 1
            } else {
                inLine[k] = nil
                try Self.string(line, &i, into: &decoded[k], repairs: &repairs)
            }
            present[k] = true
            return
        }
        if let k = listKeys.firstIndex(where: { scratch.elementsEqual($0) }) {
            if line[i] == 0x22 {
                // A single string stands for a list of one.
                var item: [UInt8] = []
                try Self.string(line, &i, into: &item, repairs: &repairs)
                lists[k] = [item]
                return
            }
            guard line[i] == 0x5B else { throw Failure(column: i, message: "\"\(schema.stringLists[k])\" must be a list of strings") }
            i += 1
            var items: [[UInt8]] = []
            let n = line.count
            func ws() { while i < n, line[i] == 0x20 || line[i] == 0x09 || line[i] == 0x0D { i += 1 } }
            ws()
            if i < n, line[i] == 0x5D {
                i += 1
            } else {
                while true {
                    ws()
                    guard i < n, line[i] == 0x22 else {
                        throw Failure(column: i, message: "\"\(schema.stringLists[k])\" must be a list of strings")
                    }
                    var item: [UInt8] = []
                    try Self.string(line, &i, into: &item, repairs: &repairs)
                    items.append(item)
                    ws()
                    guard i < n else { throw Failure(column: i, message: "unterminated list") }
                    if line[i] == 0x2C { i += 1; continue }
                    if line[i] == 0x5D { i += 1; break }
                    throw Failure(column: i, message: "expected ',' or ']'")
                }
            }
            lists[k] = items
            return
        }
        if schema.keepOtherStrings {
            let key = String(decoding: scratch, as: UTF8.self)
            let start = i
            if line[i] == 0x22 {
                var raw: [UInt8] = []
                try Self.string(line, &i, into: &raw, repairs: &repairs)
                others.append((key, String(decoding: raw, as: UTF8.self)))
                return
            }
            if line[i] == 0x2D || (line[i] >= 0x30 && line[i] <= 0x39) {
                try Self.number(line, &i)
                others.append((key, String(decoding: UnsafeBufferPointer(rebasing: line[start..<i]), as: UTF8.self)))
                return
            }
        }
        try Self.skipValue(line, &i, depth: 0)
    }

    // MARK: Reading the record

    /// Whether string field `k` (an index into `schema.strings`) was given.
    public func has(_ k: Int) -> Bool { present[k] }

    /// Calls `body` with the UTF-8 of string field `k` of the record parsed last from `line` (empty
    /// when absent).
    public func withString<R>(_ k: Int, in line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let r = inLine[k] { return try body(UnsafeBufferPointer(rebasing: line[r])) }
        return try decoded[k].withUnsafeBufferPointer(body)
    }

    /// String field `k` as a `String`, nil when absent.
    public func string(_ k: Int, in line: UnsafeBufferPointer<UInt8>) -> String? {
        guard present[k] else { return nil }
        return withString(k, in: line) { String(decoding: $0, as: UTF8.self) }
    }

    /// List field `k` (an index into `schema.stringLists`), nil when absent.
    public func strings(_ k: Int) -> [String]? {
        lists[k].map { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// The other string and number fields (with `keepOtherStrings`), in input order.
    public var otherFields: [(key: String, value: String)] { others.map { (key: $0.0, value: $0.1) } }

    // MARK: Lexing

    static func quoted(_ raw: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        raw.withUnsafeBufferPointer { JSONText.appendString($0, to: &out) }
        return out
    }

    /// For a string at `start` without escapes, control characters or ill-formed UTF-8, the index of
    /// its closing quote; otherwise nil.
    static func plainStringEnd(_ line: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
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

    /// Unescapes the string at `i` (its opening quote) into `out`; `i` ends after the closing quote.
    static func string(_ line: UnsafeBufferPointer<UInt8>, _ i: inout Int, into out: inout [UInt8],
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
                    appendUTF8(v, &out)
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
        // RFC 8259: no leading zeros ("0" alone, or a non-zero digit first).
        if i < n, line[i] == 0x30 {
            i += 1
            if i < n, line[i] >= 0x30, line[i] <= 0x39 { throw Failure(column: start, message: "bad number (leading zero)") }
        } else {
            let s = i
            while i < n, line[i] >= 0x30, line[i] <= 0x39 { i += 1 }
            guard i > s else { throw Failure(column: start, message: "bad number") }
        }
        func digits() -> Int { let s = i; while i < n, line[i] >= 0x30, line[i] <= 0x39 { i += 1 }; return i - s }
        if i < n, line[i] == 0x2E { i += 1; guard digits() > 0 else { throw Failure(column: i, message: "bad number") } }
        if i < n, line[i] == 0x65 || line[i] == 0x45 {
            i += 1
            if i < n, line[i] == 0x2B || line[i] == 0x2D { i += 1 }
            guard digits() > 0 else { throw Failure(column: i, message: "bad number") }
        }
    }

    private static func skipValue(_ line: UnsafeBufferPointer<UInt8>, _ i: inout Int, depth: Int) throws(Failure) {
        let n = line.count
        guard depth < 512 else { throw Failure(column: i, message: "nesting too deep") }
        func ws() { while i < n, line[i] == 0x20 || line[i] == 0x09 || line[i] == 0x0D { i += 1 } }
        guard i < n else { throw Failure(column: i, message: "expected a value") }
        switch line[i] {
        case 0x22:
            var sink: [UInt8] = []
            var ignored: [Int] = []  // repairs in skipped values do not matter
            try string(line, &i, into: &sink, repairs: &ignored)
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
                    try string(line, &i, into: &sink, repairs: &ignored)
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
        case 0x74: try literal(line, &i, "true")
        case 0x66: try literal(line, &i, "false")
        case 0x6E: try literal(line, &i, "null")
        default: try number(line, &i)
        }
    }

    private static func literal(_ line: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ word: StaticString) throws(Failure) {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard i + w.count <= line.count, line[i..<(i + w.count)].elementsEqual(w) else {
            throw Failure(column: i, message: "unexpected value")
        }
        i += w.count
    }
}
