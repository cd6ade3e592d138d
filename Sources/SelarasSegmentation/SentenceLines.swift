import SelarasCore

/// Plain-text segmentation output: one sentence per line, a line break inside a sentence (a
/// hard-wrapped line) turned into a space, and an empty line where the input has one between two
/// sentences (a paragraph break). Works on UTF-8 bytes end to end.
public enum SentenceLines {
    /// Makes raw input ready for `write`: a byte-order mark removed, invalid UTF-8 replaced by
    /// U+FFFD. Returns a warning naming the byte offsets replaced, if any.
    public static func prepare(_ raw: inout [UInt8], name: String) -> String? {
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) { raw.removeFirst(3) }  // a byte-order mark is not text
        guard raw.withUnsafeBufferPointer({ UTF8Repair.firstInvalid($0) }) != nil else { return nil }
        let (fixed, offsets) = raw.withUnsafeBufferPointer { UTF8Repair.repaired($0) }
        raw = fixed
        let list = offsets.prefix(5).map(String.init).joined(separator: ", ")
        return "\(name): invalid UTF-8 replaced by U+FFFD at byte offset \(list)\(offsets.count > 5 ? " and \(offsets.count - 5) more" : "")"
    }

    /// Appends the sentences of `text` (valid UTF-8) to `out`; returns how many there were.
    @discardableResult
    public static func write(_ text: UnsafeBufferPointer<UInt8>, segmenter: SRXSegmenter, into out: inout [UInt8]) -> Int {
        let ranges = segmenter.sentenceByteRanges(inUTF8: text)
        var previousEnd: Int?
        for r in ranges {
            if let previousEnd, hasBlankLine(text, previousEnd..<r.lowerBound) { out.append(0x0A) }
            appendOneLine(UnsafeBufferPointer(rebasing: text[r]), to: &out)
            out.append(0x0A)
            previousEnd = r.upperBound
        }
        return ranges.count
    }

    /// Writes a sentence on one line: each run of white space that holds a line break becomes one space.
    static func appendOneLine(_ s: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard s.contains(0x0A) || s.contains(0x0D) else { out.append(contentsOf: s); return }
        var i = 0
        while i < s.count {
            let b = s[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                var j = i
                var lineBreak = false
                while j < s.count, s[j] == 0x20 || s[j] == 0x09 || s[j] == 0x0A || s[j] == 0x0D {
                    if s[j] == 0x0A || s[j] == 0x0D { lineBreak = true }
                    j += 1
                }
                if lineBreak { out.append(0x20) } else { out.append(contentsOf: UnsafeBufferPointer(rebasing: s[i..<j])) }
                i = j
            } else {
                out.append(b)
                i += 1
            }
        }
    }

    /// Whether the gap between two sentences holds an empty line.
    static func hasBlankLine(_ t: UnsafeBufferPointer<UInt8>, _ gap: Range<Int>) -> Bool {
        var newlines = 0
        for i in gap {
            if t[i] == 0x0A { newlines += 1; if newlines >= 2 { return true } }
            else if t[i] != 0x20 && t[i] != 0x09 && t[i] != 0x0D { newlines = 0 }
        }
        return false
    }
}
