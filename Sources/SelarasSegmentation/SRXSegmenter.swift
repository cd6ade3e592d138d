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
    /// How quotations of several sentences are segmented. `.split` (the default here) applies the
    /// SRX rules as written, as other SRX engines do; `.keep` then removes the breaks inside a
    /// quotation on one line (`QuotationSpans`). The segment stage and `selaras segment` set it
    /// from their `quotes` option (default `QuoteMode.default`).
    public var quotes: QuoteMode = .split

    /// This segmenter with another quotation mode.
    public func with(quotes: QuoteMode) -> SRXSegmenter {
        var copy = self
        copy.quotes = quotes
        return copy
    }

    /// Break offsets (before trimming) under the quotation mode.
    func cuts(_ buf: UnsafeBufferPointer<UInt8>) -> [Int] {
        let raw = engine.breaks(buf)
        return quotes == .keep ? QuotationSpans.removingBreaksInside(raw, in: buf) : raw
    }

    /// Trimmed sentence byte ranges under the quotation mode.
    func ranges(_ buf: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        engine.sentences(buf, cuts: cuts(buf))
    }

    /// Loads the SRX file at `url` and compiles the rules that apply to `language`.
    public init(contentsOf url: URL, language: String = "id") throws(Diagnostic) {
        try self.init(document: SRXDocument(contentsOf: url), language: language)
    }

    /// Compiles the rules of `document` that apply to `language`.
    public init(document: SRXDocument, language: String = "id") throws(Diagnostic) {
        self.engine = SRXEngine(rules: try document.rules(forLanguage: language))
        self.language = language
    }

    /// Sentence ranges in code points (Unicode scalars), trimmed of surrounding whitespace.
    public func segment(_ text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { buf -> [Range<Int>] in
            let byteRanges = ranges(buf)
            return Self.codePointRanges(byteRanges, in: buf)
        }
    }

    /// The sentences of `text` as strings.
    public func sentences(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { buf in
            ranges(buf).map { String(decoding: UnsafeBufferPointer(rebasing: buf[$0]), as: UTF8.self) }
        }
    }

    /// Sentence ranges as byte offsets into `utf8`, which must be valid UTF-8 (as the bytes of a
    /// Swift string are). For callers that hold bytes, such as a JSON-lines reader; avoids making a
    /// String.
    public func sentenceByteRanges(inUTF8 utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        ranges(utf8)
    }

    public func utf8Sentences(_ utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        ranges(utf8)
    }

    /// Byte offsets of the break positions in `utf8` (valid UTF-8), before trimming.
    public func breakOffsets(inUTF8 utf8: UnsafeBufferPointer<UInt8>) -> [Int] {
        cuts(utf8)
    }

    /// Converts sorted, non-overlapping byte ranges to code-point ranges.
    public static func codePointRanges(_ ranges: [Range<Int>], in buf: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
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
