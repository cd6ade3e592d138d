/// A differential check of the regex compiler, for the fuzzer and the tests: the optimised
/// program (alternations flattened into tries and dispatch tables, pre-tests on first scalars)
/// must answer exactly as the plain one compiled from the same syntax tree.
public enum RegexDifferential {
    /// The first disagreement between the optimised and the unoptimised compilation of
    /// `pattern` on `text`, or nil when they agree (or the pattern does not compile). Each of
    /// the first `positions` scalar boundaries of `text` is asked both questions SRX asks: does
    /// a match start there, does one end there.
    public static func disagreement(pattern: String, text: String, positions: Int = 128) -> String? {
        guard let node = try? RegexParser.parse(pattern), (try? SRXRegex.checkSize(node)) != nil else { return nil }
        let optimised = SRXRegex(node: node, pattern: pattern)
        let plain = SRXRegex(node: node, pattern: pattern, optimize: false)
        var bytes = Array(text.utf8)
        let count = bytes.count
        bytes.append(0)
        var boundaries: [Int] = []
        var offset = 0
        for s in text.unicodeScalars {
            guard boundaries.count < positions else { break }
            boundaries.append(offset)
            offset += UTF8.width(s)
        }
        if boundaries.count < positions { boundaries.append(count) }
        return bytes.withUnsafeBufferPointer { buf -> String? in
            var a = RegexMachine(code: optimised.code, text: buf.baseAddress!, count: count)
            var b = RegexMachine(code: plain.code, text: buf.baseAddress!, count: count)
            defer { a.release(); b.release() }
            for p in boundaries {
                let startsA = optimised.matches(startingAt: p, in: &a), startsB = plain.matches(startingAt: p, in: &b)
                if startsA != startsB { return "a match starting at byte \(p): optimised \(startsA), plain \(startsB)" }
                let endsA = optimised.matches(endingAt: p, in: &a), endsB = plain.matches(endingAt: p, in: &b)
                if endsA != endsB { return "a match ending at byte \(p): optimised \(endsA), plain \(endsB)" }
            }
            return nil
        }
    }
}
