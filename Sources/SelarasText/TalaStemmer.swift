/// F. Z. Tala (2003), a Porter-style stemmer for Indonesian that needs no lexicon: each step
/// applies only when the word has more than two syllables (vowels).
enum TalaStemmer {
    static func syllables(_ w: String) -> Int { w.filter { "aiueo".contains($0) }.count }

    static func stem(_ word: String) -> String {
        if word.contains("-") {
            let parts = word.split(separator: "-", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return word }
            let a = stem(parts[0]), b = stem(parts[1])
            return a == b || parts[0].hasSuffix(parts[1]) ? a : word
        }
        var w = word
        // Step 1, 2: particle, then possessive pronoun.
        for group in [["kah", "lah", "pun"], ["nya", "ku", "mu"]] {
            if syllables(w) > 2, let s = group.first(where: { w.hasSuffix($0) }) { w = String(w.dropLast(s.count)) }
        }
        // Step 3: first-order prefix.
        var firstOrder = false
        if syllables(w) > 2 {
            let c = Array(w)
            func isV(_ i: Int) -> Bool { i < c.count && "aiueo".contains(c[i]) }
            let rules: [(String, (Int) -> String?)] = [
                ("meng", { _ in "" }), ("meny", { _ in "s" }), ("men", { i in isV(i) ? "t" : "" }),
                ("mem", { i in isV(i) ? "p" : "" }), ("me", { _ in "" }), ("peng", { _ in "" }),
                ("peny", { _ in "s" }), ("pen", { i in isV(i) ? "t" : "" }), ("pem", { i in isV(i) ? "p" : "" }),
                ("di", { _ in "" }), ("ter", { _ in "" }), ("ke", { _ in "" }),
            ]
            for (p, replacement) in rules where w.hasPrefix(p) {
                if let r = replacement(p.count) {
                    w = r + String(w.dropFirst(p.count))
                    firstOrder = true
                }
                break
            }
        }
        func secondOrderPrefix() {
            guard syllables(w) > 2 else { return }
            if w.hasPrefix("belajar") { w = String(w.dropFirst(3)); return }
            for p in ["ber", "per", "be", "pe"] where w.hasPrefix(p) {
                w = String(w.dropFirst(p.count))
                return
            }
        }
        func suffix() {
            guard syllables(w) > 2 else { return }
            if let s = ["kan", "an", "i"].first(where: { w.hasSuffix($0) }) { w = String(w.dropLast(s.count)) }
        }
        // Steps 4–5: suffix then second-order prefix after a first-order prefix; otherwise the other way round.
        if firstOrder { suffix(); secondOrderPrefix() } else { secondOrderPrefix(); suffix() }
        return w
    }
}
