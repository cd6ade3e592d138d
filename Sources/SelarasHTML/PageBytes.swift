import CLibXML2
import CZlib
import Foundation
import SelarasCore

/// The bytes of a saved page turned into UTF-8, the one encoding the rest of the target reads.
///
/// The encoding is found the way the WHATWG HTML standard's "prescan" finds it, in this order: a
/// byte-order mark; a `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">`
/// in the first 4,096 bytes; else UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what
/// browsers assume for Western pages without a declaration). As the Encoding Standard says,
/// `iso-8859-1`, `latin1` and `us-ascii` are read as Windows-1252 (its superset). A page that
/// declares UTF-8 but has bytes that are not is repaired (U+FFFD), with a warning. Gzip input
/// (`.html.gz`) is inflated first, at most `maxInflatedBytes`.
public struct PageBytes: Sendable {
    /// The page as UTF-8.
    public var utf8: [UInt8]
    /// The encoding it was read in (`utf-8`, `windows-1252`, or the declared name libxml2 handled).
    public var encoding: String
    /// Problems met on the way (an undeclared or wrong encoding).
    public var diagnostics: [Diagnostic]

    /// The largest page inflated from gzip (a bound against decompression bombs).
    public static let maxInflatedBytes = 64 << 20

    /// Decodes `data` read from `path` (for messages).
    public init(_ data: Data, path: String) throws(Diagnostic) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0x1F, 0x8B]) { bytes = try Self.inflate(bytes, path: path) }
        var diagnostics: [Diagnostic] = []
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            self.init(utf8: Self.repairedUTF8(bytes, path: path, diagnostics: &diagnostics), encoding: "utf-8", diagnostics: diagnostics)
            return
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard let s = String(data: Data(bytes.dropFirst(2)), encoding: little ? .utf16LittleEndian : .utf16BigEndian) else {
                throw Diagnostic.error(.htmlEncoding, at: SourceLocation(file: path), "the page starts with a UTF-16 byte-order mark but is not UTF-16")
            }
            self.init(utf8: Array(s.utf8), encoding: "utf-16", diagnostics: [])
            return
        }
        let declared = Self.declaredCharset(bytes)
        switch declared.map(Self.canonical) {
        case "utf-8"?:
            self.init(utf8: Self.repairedUTF8(bytes, path: path, diagnostics: &diagnostics), encoding: "utf-8", diagnostics: diagnostics)
        case "windows-1252"?:
            self.init(utf8: Self.windows1252(bytes), encoding: "windows-1252", diagnostics: [])
        case let other?:
            // Another declared charset: libxml2 converts it (through iconv) when it knows the name.
            guard let converted = Self.convert(bytes, from: other) else {
                diagnostics.append(.warning(.htmlEncoding, at: SourceLocation(file: path),
                                            "the page declares charset \"\(declared!)\", which cannot be converted; read as UTF-8",
                                            action: .repaired))
                self.init(utf8: Self.repairedUTF8(bytes, path: path, diagnostics: &diagnostics), encoding: "utf-8", diagnostics: diagnostics)
                return
            }
            self.init(utf8: converted, encoding: other, diagnostics: [])
        case nil:
            if Self.isValidUTF8(bytes) {
                self.init(utf8: bytes, encoding: "utf-8", diagnostics: [])
            } else {
                self.init(utf8: Self.windows1252(bytes), encoding: "windows-1252", diagnostics: [])
            }
        }
    }

    /// Text already decoded (a JSON line's `html` field).
    public init(text: String) {
        self.init(utf8: Array(text.utf8), encoding: "utf-8", diagnostics: [])
    }

    init(utf8: [UInt8], encoding: String, diagnostics: [Diagnostic]) {
        self.utf8 = utf8
        self.encoding = encoding
        self.diagnostics = diagnostics
    }

    // MARK: The prescan

    /// The charset a `<meta>` in the first 4,096 bytes declares, ASCII letters lower-cased, or nil.
    ///
    /// The first `charset` inside each `<meta …>` tag (up to its `>`), ASCII case ignored, counts
    /// when `=` follows (after spaces); the value is read after spaces and quotes, up to a space,
    /// quote, `;`, `/` or `>`. Searched on the bytes: the old version lower-cased a `String` of the
    /// head and used Foundation's `range(of:)`, 9% of the page fuzz target's time.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { b -> String? in
            let n = min(b.count, 4096)
            @inline(__always) func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
            func at(_ i: Int, _ word: StaticString, before limit: Int) -> Bool {
                let count = word.utf8CodeUnitCount
                guard i + count <= limit else { return false }
                let w = word.utf8Start
                for k in 0..<count where lower(b[i + k]) != w[k] { return false }
                return true
            }
            var i = 0
            while i < n {
                guard b[i] == 0x3C, at(i, "<meta", before: n) else { i += 1; continue }
                var end = i + 5
                while end < n, b[end] != 0x3E { end += 1 }
                var k = i + 5
                while k < end, !at(k, "charset", before: end) { k += 1 }
                if k < end {
                    var v = k + 7
                    while v < end, b[v] == 0x20 { v += 1 }
                    if v < end, b[v] == 0x3D {
                        v += 1
                        while v < end, b[v] == 0x20 || b[v] == 0x22 || b[v] == 0x27 { v += 1 }
                        var e = v
                        while e < end, ![0x20, 0x22, 0x27, 0x3B, 0x2F].contains(b[e]) { e += 1 }
                        if e > v { return String(decoding: b[v..<e].map(lower), as: UTF8.self) }
                    }
                }
                i = end
            }
            return nil
        }
    }

    /// The Encoding Standard's name for a label Selaras decodes itself; other labels unchanged.
    static func canonical(_ label: String) -> String {
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "utf-8"
        case "windows-1252", "cp1252", "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "ansi_x3.4-1968",
             "iso_8859-1", "x-cp1252", "cp819", "ibm819", "iso-ir-100":
            return "windows-1252"
        default: return label
        }
    }

    // MARK: Decoders

    /// Windows-1252 to UTF-8 (the five unassigned bytes become the C1 controls, as browsers do).
    static func windows1252(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 { out.append(b); continue }
            let scalar: UInt32 = b < 0xA0 ? UInt32(cp1252High[Int(b) - 0x80]) : UInt32(b)
            appendUTF8(scalar, to: &out)
        }
        return out
    }

    /// U+0080…U+009F as Windows-1252 maps them.
    static let cp1252High: [UInt16] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { UTF8Repair.firstInvalid($0) == nil }
    }

    /// The bytes as UTF-8, invalid sequences replaced by U+FFFD (with one warning naming the first).
    static func repairedUTF8(_ bytes: [UInt8], path: String, diagnostics: inout [Diagnostic]) -> [UInt8] {
        let (repaired, bad) = bytes.withUnsafeBufferPointer { UTF8Repair.repaired($0) }
        if let first = bad.first {
            diagnostics.append(.warning(.htmlEncoding, at: SourceLocation(file: path),
                                        "the page is not valid UTF-8 (first at byte \(first)); \(bad.count) byte\(bad.count == 1 ? " was" : "s were") replaced by U+FFFD",
                                        action: .repaired))
        }
        return repaired
    }

    /// Converts from a charset libxml2 knows (through its encoding handlers), or nil.
    static func convert(_ bytes: [UInt8], from charset: String) -> [UInt8]? {
        guard let handler = xmlFindCharEncodingHandler(charset) else { return nil }
        defer { xmlCharEncCloseFunc(handler) }
        guard let input = xmlBufferCreateSize(bytes.count), let output = xmlBufferCreateSize(bytes.count * 2) else { return nil }
        defer { xmlBufferFree(input); xmlBufferFree(output) }
        bytes.withUnsafeBufferPointer { _ = xmlBufferAdd(input, $0.baseAddress, Int32($0.count)) }
        guard xmlCharEncInFunc(handler, output, input) >= 0, let content = xmlBufferContent(output) else { return nil }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(output))))
    }

    /// Inflates gzip bytes, refusing more than `maxInflatedBytes`.
    static func inflate(_ bytes: [UInt8], path: String) throws(Diagnostic) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Diagnostic.error(.htmlUnreadable, at: SourceLocation(file: path), "cannot start gzip decompression")
        }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = UInt32(inBuf.count)
            while true {
                let code: Int32 = chunk.withUnsafeMutableBufferPointer { c in
                    stream.next_out = c.baseAddress
                    stream.avail_out = UInt32(c.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                out.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                if out.count > maxInflatedBytes { return -100 }
                if code == Z_STREAM_END { return Z_OK }
                if code != Z_OK { return code }
                if stream.avail_in == 0 && stream.avail_out != 0 { return Z_BUF_ERROR }
            }
        }
        if status == -100 {
            throw Diagnostic.error(.htmlUnreadable, at: SourceLocation(file: path),
                                   "the page inflates to more than \(maxInflatedBytes >> 20) MB; refused", action: .failed)
        }
        guard status == Z_OK else {
            throw Diagnostic.error(.htmlUnreadable, at: SourceLocation(file: path), "the gzip data is damaged or cut short", action: .failed)
        }
        return out
    }
}
