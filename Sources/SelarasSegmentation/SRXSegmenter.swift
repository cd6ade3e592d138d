import Foundation
import SelarasCore

/// A sentence segmenter driven by SRX rules, for any SRX 2.0 (or 1.0) file.
///
/// Semantics (as in the SRX 2.0 specification, Okapi and OmegaT): every position between two
/// characters is a possible break. At a position, the rules of the language are tried in order and
/// the first rule whose `beforebreak` pattern matches text ending there and whose `afterbreak`
/// pattern matches text starting there decides: break (`break="yes"`) or not (`break="no"`). Where
/// no rule matches there is no break. Segments are returned trimmed of surrounding whitespace;
/// empty ones are dropped.
///
/// Speed: a position is only examined when the scalars around it could start a match of some
/// break rule (each pattern's possible first scalar, worked out when the rules are compiled), so
/// the text is scanned once with a byte table and the rules run, anchored, at the few positions
/// that pass. Patterns are matched on the UTF-8 bytes directly. A segmenter is immutable and may be
/// used from many threads at once.
///
/// Differences from ICU-based engines: a `beforebreak` pattern is matched backwards from the
/// position, so look-behind of any length works and a match is found wherever one exists (engines
/// that search with `find()` can miss a match that overlaps an earlier one). Unsupported pattern
/// features are listed on `RegexParser`; `formathandle` and `segmentsubflows` have no effect on
/// plain text.
public struct SRXSegmenter: SentenceSegmenter {
    let engine: SRXEngine
    /// The language the rules were chosen for.
    public let language: String

    /// Loads the SRX file at `url` and compiles the rules that apply to `language`.
    public init(contentsOf url: URL, language: String = "id") throws(SRXError) {
        try self.init(document: SRXDocument(contentsOf: url), language: language)
    }

    /// Compiles the rules of `document` that apply to `language`.
    public init(document: SRXDocument, language: String = "id") throws(SRXError) {
        self.engine = SRXEngine(rules: try document.rules(forLanguage: language))
        self.language = language
    }

    /// Sentence ranges in code points (Unicode scalars), trimmed of surrounding whitespace.
    public func segment(_ text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { buf -> [Range<Int>] in
            let byteRanges = engine.sentences(buf)
            return Self.codePointRanges(byteRanges, in: buf)
        }
    }

    /// The sentences of `text` as strings.
    public func sentences(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { buf in
            engine.sentences(buf).map { String(decoding: UnsafeBufferPointer(rebasing: buf[$0]), as: UTF8.self) }
        }
    }

    /// Sentence ranges as byte offsets into `utf8`, which must be valid UTF-8 (as the bytes of a
    /// Swift string are). For callers that hold bytes, such as a JSON-lines reader; avoids making a
    /// String.
    public func sentenceByteRanges(inUTF8 utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        engine.sentences(utf8)
    }

    /// Byte offsets of the break positions in `utf8` (valid UTF-8), before trimming.
    public func breakOffsets(inUTF8 utf8: UnsafeBufferPointer<UInt8>) -> [Int] {
        engine.breaks(utf8)
    }

    /// Converts sorted, non-overlapping byte ranges to code-point ranges.
    static func codePointRanges(_ ranges: [Range<Int>], in buf: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(ranges.count)
        var bytePos = 0
        var cp = 0
        func advance(to target: Int) {
            while bytePos < target {
                if buf[bytePos] & 0xC0 != 0x80 { cp += 1 }
                bytePos += 1
            }
        }
        for r in ranges {
            advance(to: r.lowerBound)
            let lo = cp
            advance(to: r.upperBound)
            out.append(lo..<cp)
        }
        return out
    }
}

/// The compiled rules of one language and the scanning machinery.
final class SRXEngine: Sendable {
    struct Rule: Sendable {
        var isBreak: Bool
        var before: Int
        var after: Int
        /// Scalars that can end a `beforebreak` match.
        var last: FirstSet
        /// Scalars that can start an `afterbreak` match.
        var first: FirstSet
    }

    let code: RegexCode
    let rules: [Rule]
    let breakRules: [Int]
    /// For each byte value: can a break rule's `beforebreak` end with the scalar ending in this
    /// byte? (Continuation bytes: could it end with a non-ASCII scalar.)
    let candidateByte: [Bool]
    /// Some break rule's `beforebreak` can match empty text: every position must be examined.
    let everyPosition: Bool

    init(rules source: [SRXDocument.Rule]) {
        var compiler = RegexCompiler()
        var rules: [Rule] = []
        for r in source {
            let before = compiler.program(r.before, forward: false)
            let after = compiler.program(r.after, forward: true)
            rules.append(Rule(isBreak: r.isBreak, before: before, after: after,
                              last: FirstSet.of(r.before, forward: false), first: FirstSet.of(r.after, forward: true)))
        }
        self.code = compiler.finish()
        self.rules = rules
        let breakRules = rules.indices.filter { rules[$0].isBreak }
        self.breakRules = breakRules
        var table = [Bool](repeating: false, count: 256)
        var every = false
        for k in breakRules {
            let last = rules[k].last
            if last.unrestricted { every = true }
            for b in 0..<128 where last.contains(UInt32(b)) { table[b] = true }
            if last.mayContainNonASCII { for b in 0x80..<0xC0 { table[b] = true } }
        }
        self.candidateByte = table
        self.everyPosition = every
    }

    /// Break positions (byte offsets, strictly inside the text, ascending).
    func breaks(_ buf: UnsafeBufferPointer<UInt8>) -> [Int] {
        let n = buf.count
        guard n > 1, let p = buf.baseAddress, !breakRules.isEmpty else { return [] }
        var out: [Int] = []
        var machine = RegexMachine(code: code, text: p, count: n)
        if everyPosition {
            var i = 1
            while i < n {
                if p[i] & 0xC0 != 0x80, decide(at: i, text: p, count: n, machine: &machine) { out.append(i) }
                i += 1
            }
            return out
        }
        candidateByte.withUnsafeBufferPointer { table in
            var i = 0
            let last = n - 1
            while i < last {
                if table[Int(p[i])] {
                    let pos = i + 1
                    if p[pos] & 0xC0 != 0x80, decide(at: pos, text: p, count: n, machine: &machine) {
                        out.append(pos)
                    }
                }
                i += 1
            }
        }
        return out
    }

    /// Whether the rules put a break at `pos` (a scalar boundary with text on both sides).
    @inline(__always)
    private func decide(at pos: Int, text p: UnsafePointer<UInt8>, count n: Int, machine: inout RegexMachine) -> Bool {
        let prev = UTF8Text.decodeBefore(p, pos).0
        let next = UTF8Text.decode(p, pos).0
        // Cheap pre-test: could any break rule apply here at all?
        var possible = false
        for k in breakRules where rules[k].last.contains(prev) && rules[k].first.contains(next) {
            possible = true
            break
        }
        guard possible else { return false }
        for rule in rules {
            guard rule.last.contains(prev), rule.first.contains(next) else { continue }
            guard machine.run(program: rule.after, at: pos) != nil else { continue }
            guard machine.run(program: rule.before, at: pos) != nil else { continue }
            return rule.isBreak
        }
        return false
    }

    /// Sentence byte ranges: the text between breaks, trimmed, empty ones dropped.
    func sentences(_ buf: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let cuts = breaks(buf)
        var out: [Range<Int>] = []
        out.reserveCapacity(cuts.count + 1)
        guard let p = buf.baseAddress else { return [] }
        var start = 0
        for end in cuts + [buf.count] {
            if let r = Self.trimmed(start..<end, p) { out.append(r) }
            start = end
        }
        return out
    }

    /// `r` without leading and trailing whitespace; nil when nothing is left.
    @inline(__always)
    static func trimmed(_ r: Range<Int>, _ p: UnsafePointer<UInt8>) -> Range<Int>? {
        var a = r.lowerBound, b = r.upperBound
        while a < b {
            let (v, len) = UTF8Text.decode(p, a)
            guard UTF8Text.isTrimmable(v) else { break }
            a += len
        }
        while b > a {
            let (v, len) = UTF8Text.decodeBefore(p, b)
            guard UTF8Text.isTrimmable(v) else { break }
            b -= len
        }
        return a < b ? a..<b : nil
    }
}
