/// The dateline that opens many Indonesian news stories: a place and/or the outlet, then a dash, as in
/// "Jakarta, CNN Indonesia -- ", "Wamena (ANTARA News) - ", "Suara.com - ", "JUARA.NET, TOKYO - ",
/// "JAKARTA (Pos Kota) – ".
///
/// A dateline is page furniture, not part of the story: summaries rank the sentence without it and
/// show it without it. Detection is deliberately narrow, and is meant for the first body sentence of
/// an article only: the text before the first spaced dash (`-`, `–`, `—`, `--`, `- -`) within the
/// first 60 characters, at most 7 words, every word starting with a capital letter (words in
/// parentheses excepted), and carrying a mark of a dateline: a comma, a parenthesised outlet, a
/// domain name (`Suara.com`), all capitals (`SPANYOL`), or a name ending in "news" (`Rimanews`).
/// "Kevin - ..." or "Paris Saint - Germain" are therefore not datelines.
public enum NewsDateline {
    static let maxPrefix = 60
    static let maxWords = 7

    /// The number of code points the dateline takes at the start of `text`, separator and following
    /// spaces included, or nil when `text` does not open with one.
    public static func length(in text: String) -> Int? {
        var text = text
        return text.withUTF8 { match($0)?.scalars }
    }

    /// `text` without its dateline (unchanged when it has none).
    public static func stripped(_ text: String) -> String {
        var copy = text
        let rest = copy.withUTF8 { p in
            match(p).map { String(decoding: UnsafeBufferPointer(rebasing: p[$0.bytes...]), as: UTF8.self) }
        }
        return rest ?? text
    }

    /// The dateline at the start of `utf8` (valid UTF-8): its length in scalars and in bytes.
    static func match(_ utf8: UnsafeBufferPointer<UInt8>) -> (scalars: Int, bytes: Int)? {
        // The first maxPrefix + 8 scalars, where the dateline must end, and where each starts.
        let limit = maxPrefix + 8
        var s: [Unicode.Scalar] = [], starts: [Int] = []
        s.reserveCapacity(limit + 1)
        starts.reserveCapacity(limit + 1)
        var b = 0
        while b < utf8.count, s.count <= limit {
            let (c, length) = UTF8Scalar.decode(utf8, b)
            s.append(c)
            starts.append(b)
            b += length
        }
        let more = s.count > limit  // the text goes on after those
        if more { s.removeLast() }
        var i = 0
        while i < s.count {
            if i > maxPrefix { return nil }
            guard isSpace(s[i]) else { i += 1; continue }
            // A spaced dash: space(s), dash, optionally (space) dash, then space(s).
            var j = i
            while j < s.count, isSpace(s[j]) { j += 1 }
            guard j < s.count, isDash(s[j]) else { i = j; continue }
            j += 1
            if j < s.count, isDash(s[j]) { j += 1 } else if j + 1 < s.count, isSpace(s[j]), isDash(s[j + 1]) { j += 2 }
            guard j < s.count, isSpace(s[j]) else { return nil }
            while j < s.count, isSpace(s[j]) { j += 1 }
            // Something must follow the dateline.
            guard i > 0, j < s.count || more, isDatelinePrefix(s[0..<i]) else { return nil }
            return (j, starts[j])
        }
        return nil
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\u{00A0}" || c == "\t" }
    static func isDash(_ c: Unicode.Scalar) -> Bool { c == "-" || c == "–" || c == "—" }

    static func isDatelinePrefix(_ prefix: ArraySlice<Unicode.Scalar>) -> Bool {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var depth = 0
        var parenthesised = false, comma = false
        for c in prefix {
            if c == "(" { depth += 1; parenthesised = true; continue }
            if c == ")" { depth = max(depth - 1, 0); continue }
            if depth > 0 { continue }
            if c == "," { comma = true }
            if c == "," || isSpace(c) {
                if !current.isEmpty { words.append(current); current = [] }
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { words.append(current) }
        guard depth == 0, !words.isEmpty, words.count <= maxWords else { return false }
        var domain = false, allCapitals = true
        for w in words {
            guard let first = w.first, first.properties.isUppercase else { return false }
            if let dot = w.firstIndex(of: "."), dot + 1 < w.count, w[(dot + 1)...].allSatisfy({ $0.properties.isAlphabetic || $0 == "." }) {
                domain = true
            }
            if w.contains(where: { $0.properties.isLowercase }) { allCapitals = false }
        }
        let newsName = words.count == 1 && String(String.UnicodeScalarView(words[0])).lowercased().hasSuffix("news")
        return comma || parenthesised || domain || allCapitals || newsName
    }
}
