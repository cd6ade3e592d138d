import Foundation

/// The resource limits every XML parse in Selaras enforces before and while libxml2 reads, in
/// one place (the readers of TMX, XLIFF, TBX and SRX call it):
///
/// - **Entity declarations are refused.** A document whose internal DTD subset declares an entity
///   (`<!ENTITY …>`) is not read: entity expansion is how a small file asks for gigabytes (one
///   200 KB entity referenced 20,000 times; "billion laughs", nested entities), and no TMX, XLIFF,
///   TBX or SRX file needs one. This is defusedxml's default policy. An external DTD named in the
///   document type declaration is never loaded (no network, no DTD loading); a note says so when
///   it is named by URL.
/// - **The document type declaration** must end within `maxProlog` bytes (1 MB).
/// - **A run of text without markup** longer than `maxTextRun` bytes (10 MB, libxml2's own limit on
///   one text node without `XML_PARSE_HUGE`) stops the parse: libxml2's push parser rescans long
///   text and would otherwise take minutes on a 200 MB text node.
/// - **Nesting** deeper than `maxDepth` (1,024) is refused by the streaming TMX reader, and deeper
///   than 256 levels by libxml2's tree builder (TBX, SRX) and reader (XLIFF); `XMLParsing` never
///   sets `XML_PARSE_HUGE`.
///
/// The checks look at UTF-8 (or any ASCII-compatible encoding); the readers run them on what
/// they feed libxml2.
public enum XMLGuard {
    public static let maxProlog = 1 << 20
    public static let maxTextRun = 10_000_000
    /// Deepest element nesting a streaming reader accepts (libxml2's tree builder stops at 256;
    /// Selaras's SAX readers, which build no tree, at this).
    public static let maxDepth = 1_024

    /// What the start of a document says.
    public enum Verdict: Equatable {
        /// More bytes are needed to decide (the prolog has not ended yet).
        case needMore
        /// Fine; `note` says an external DTD was named (and not loaded).
        case ok(note: String?)
        case refused(XMLProblem)
    }

    /// Checks the prolog in `bytes` (the start of the document; `complete` when that is all of it).
    public static func checkProlog(_ bytes: UnsafeBufferPointer<UInt8>, complete: Bool) -> Verdict {
        let n = bytes.count
        var i = 0
        var line = 1
        func at(_ s: StaticString, _ k: Int) -> Bool {
            let len = s.utf8CodeUnitCount
            guard k + len <= n else { return false }
            for j in 0..<len where bytes[k + j] != s.utf8Start[j] { return false }
            return true
        }
        while i < n {
            let b = bytes[i]
            if b == 0x0A { line += 1 }
            if b == 0x3C {  // <
                if at("<?", i) || at("<!--", i) {
                    // A declaration, a processing instruction or a comment: skip to its end.
                    let close: StaticString = at("<?", i) ? "?>" : "-->"
                    var k = i + 2
                    while k < n, !at(close, k) { if bytes[k] == 0x0A { line += 1 }; k += 1 }
                    if k >= n { return complete ? .ok(note: nil) : tooLong(n) ?? .needMore }
                    i = k + close.utf8CodeUnitCount
                    continue
                }
                if at("<!DOCTYPE", i) {
                    return doctype(bytes, from: i, line: line, complete: complete)
                }
                return .ok(note: nil)  // the root element: no document type declaration
            }
            i += 1
        }
        return complete ? .ok(note: nil) : tooLong(n) ?? .needMore
    }

    private static func tooLong(_ n: Int) -> Verdict? {
        n > maxProlog ? .refused(XMLProblem(message: "the prolog (before the root element) is longer than \(maxProlog >> 20) MB; refused")) : nil
    }

    /// The document type declaration starting at `start`.
    private static func doctype(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, line: Int, complete: Bool) -> Verdict {
        let n = bytes.count
        var k = start + 9
        var quote: UInt8 = 0
        var inSubset = false
        var line = line
        var external: String?
        var idStart = -1
        while k < n {
            let b = bytes[k]
            if b == 0x0A { line += 1 }
            if quote != 0 {
                if b == quote {
                    quote = 0
                    if !inSubset, idStart >= 0 {
                        external = String(decoding: UnsafeBufferPointer(rebasing: bytes[idStart..<k]), as: UTF8.self)
                    }
                }
            } else if b == 0x22 || b == 0x27 {
                quote = b
                idStart = k + 1
            } else if b == 0x5B {  // [
                inSubset = true
            } else if inSubset && b == 0x5D {  // ]
                inSubset = false
            } else if inSubset && b == 0x3C && k + 8 <= n
                        && String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<(k + 8)]), as: UTF8.self) == "<!ENTITY" {
                return .refused(XMLProblem(
                    message: "the document declares an entity (<!ENTITY …>); refused: entity expansion can exhaust memory (a \"billion laughs\" file), and no TMX, XLIFF, TBX or SRX file needs one",
                    line: line, column: 0))
            } else if !inSubset && b == 0x3E {  // > ends the declaration
                // A DTD named by URL is worth a note (it is never fetched); a local name is routine.
                let note = external.flatMap { $0.contains("://") ? "the external DTD \"\($0)\" is not fetched (no DTD is ever loaded or fetched)" : nil }
                return .ok(note: note)
            }
            if k - start > maxProlog {
                return .refused(XMLProblem(message: "the document type declaration is longer than \(maxProlog >> 20) MB; refused", line: line, column: 0))
            }
            k += 1
        }
        return complete ? .refused(XMLProblem(message: "the document type declaration does not end", line: line, column: 0)) : .needMore
    }

    /// Both checks on a document held whole: throws the problem when it is refused; returns the
    /// note about an external DTD, if any.
    @discardableResult
    public static func check(_ data: Data) throws(XMLProblem) -> String? {
        let result: Result<String?, XMLProblem> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var meter = TextRunMeter()
            guard meter.feed(bytes) else { return .failure(meter.problem) }
            switch checkProlog(UnsafeBufferPointer(rebasing: bytes.prefix(maxProlog + 1)), complete: bytes.count <= maxProlog) {
            case let .refused(problem): return .failure(problem)
            case let .ok(note): return .success(note)
            case .needMore: return .failure(XMLProblem(message: "the prolog (before the root element) is longer than 1 MB; refused"))
            }
        }
        return try result.get()
    }

    /// Counts the bytes of text between markup across the chunks fed to a parser.
    public struct TextRunMeter {
        /// The bytes of text since the last `<`.
        public private(set) var run = 0
        /// How far the input had been fed when the limit was passed.
        public private(set) var failedAt = 0
        private var offset = 0

        public init() {}

        /// Feeds the next chunk; false when a run of text passes `maxTextRun`.
        public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
            defer { offset += chunk.count }
            guard let base = chunk.baseAddress else { return true }
            var p = 0
            while p < chunk.count {
                guard let hit = memchr(base + p, 0x3C, chunk.count - p) else {
                    run += chunk.count - p
                    break
                }
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                run += at - p
                if run > XMLGuard.maxTextRun { break }
                run = 0
                p = at + 1
            }
            if run > XMLGuard.maxTextRun { failedAt = offset + chunk.count; return false }
            return true
        }

        /// The message for a run that passed the limit.
        public var problem: XMLProblem {
            XMLProblem(message: "a text of more than \(XMLGuard.maxTextRun / 1_000_000) MB without markup (before byte \(failedAt)); refused: libxml2 limits one text node to 10 MB")
        }
    }
}
