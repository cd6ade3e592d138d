/// The default segmenter for Indonesian news text.
///
/// Foundation version: a line break ends a sentence; `.`, `!`, `?` and `…` (with closing quotes and
/// brackets after them) end one when followed by a space and an upper-case letter, a digit or an
/// opening quote, unless the word before the stop is a known abbreviation or a single capital letter.
public struct IndonesianSegmenter: SentenceSegmenter {
    static let abbreviations: Set<String> = [
        "dr", "prof", "h", "hj", "ir", "jl", "no", "tbk", "dll", "dsb", "dst", "kol", "brigjen", "jend", "sdr",
        "s.h", "m.si", "a.n", "u.p", "drs", "st", "mr", "mrs", "ny", "tn", "sdri", "bpk", "kec", "kab", "pt",
    ]

    public init() {}

    public func segment(_ text: String) -> [Range<Int>] {
        let s = Array(text.unicodeScalars)
        var ranges: [Range<Int>] = []
        var start = 0
        func emit(_ end: Int) {
            var a = start, b = end
            while a < b, s[a].properties.isWhitespace { a += 1 }
            while b > a, s[b - 1].properties.isWhitespace { b -= 1 }
            if a < b { ranges.append(a..<b) }
            start = end
        }
        let closers: Set<Unicode.Scalar> = ["\"", "”", "’", "'", ")", "]"]
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "\n" { emit(i); i += 1; continue }
            if c == "." || c == "!" || c == "?" || c == "…" {
                var j = i + 1
                while j < s.count, s[j] == "." || s[j] == "!" || s[j] == "?" { j += 1 }
                while j < s.count, closers.contains(s[j]) { j += 1 }
                guard j < s.count, s[j] == " " || s[j] == "\u{00A0}" else { i = j; continue }
                var k = j
                while k < s.count, s[k] == " " || s[k] == "\u{00A0}" { k += 1 }
                guard k < s.count else { i = k; continue }
                let next = s[k]
                let startsSentence = next.properties.isUppercase || ("0"..."9").contains(next)
                    || next == "“" || next == "\"" || next == "‘"
                if c == "." && startsSentence {
                    var w = i
                    while w > start, !s[w - 1].properties.isWhitespace, s[w - 1] != "(" { w -= 1 }
                    var word = String.UnicodeScalarView()
                    word.append(contentsOf: s[w..<i])
                    let lower = String(word).lowercased()
                    if Self.abbreviations.contains(lower) || (word.count == 1 && word.first!.properties.isUppercase) {
                        i = j; continue
                    }
                }
                if startsSentence { emit(j) }
                i = j
                continue
            }
            i += 1
        }
        emit(s.count)
        return ranges
    }
}
