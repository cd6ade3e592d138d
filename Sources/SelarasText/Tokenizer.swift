/// Splits Indonesian text into tokens with code-point ranges.
///
/// Foundation version: letters (with inner hyphens and apostrophes) form words, digit runs with inner
/// `.`/`,` form numbers, every other non-space character is its own punctuation token.
public struct Tokenizer: Sendable {
    public init() {}

    public func tokenize(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        while i < scalars.count {
            let s = scalars[i]
            if s.properties.isWhitespace { i += 1; continue }
            let start = i
            var kind: Token.Kind
            if isLetter(s) || isDigit(s) {
                var sawLetter = false
                while i < scalars.count {
                    let c = scalars[i]
                    if isLetter(c) { sawLetter = true; i += 1 }
                    else if isDigit(c) { i += 1 }
                    else if (c == "-" || c == "'" || c == "." || c == ","), i + 1 < scalars.count,
                            i > start, isLetter(scalars[i + 1]) || isDigit(scalars[i + 1]),
                            c == "-" || c == "'" || (isDigit(scalars[i - 1]) && isDigit(scalars[i + 1])) {
                        i += 1
                    } else { break }
                }
                kind = sawLetter ? .word : .number
            } else {
                i += 1
                kind = .punctuation
            }
            var t = String.UnicodeScalarView()
            t.append(contentsOf: scalars[start..<i])
            tokens.append(Token(text: String(t), range: start..<i, kind: kind))
        }
        return tokens
    }
}
