/// A light English stemmer for matching words across inflections and spellings (terminology checks,
/// sentence alignment). Not a full Porter stemmer: it removes inflection, not derivation.
public enum EnglishStemmer {
    static func hasVowel(_ s: Substring) -> Bool { s.contains { "aeiouy".contains($0) } }

    /// Irregular past forms of verbs common in political reporting, to their base.
    static let irregular: [String: String] = [
        "swore": "swear", "sworn": "swear", "took": "take", "taken": "take", "held": "hold", "won": "win",
        "led": "lead", "chose": "choose", "chosen": "choose", "fought": "fight", "sought": "seek", "struck": "strike",
        "began": "begin", "begun": "begin", "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall",
        "gave": "give", "given": "give", "made": "make", "met": "meet", "sent": "send", "spoke": "speak",
        "spoken": "speak", "told": "tell", "brought": "bring", "caught": "catch", "ran": "run", "went": "go",
        "gone": "go", "came": "come", "saw": "see", "seen": "see", "wrote": "write", "written": "write",
        "drew": "draw", "drawn": "draw", "broke": "break", "broken": "break", "withdrew": "withdraw",
        "withdrawn": "withdraw", "overthrew": "overthrow", "overthrown": "overthrow", "shot": "shoot",
        "beaten": "beat", "left": "leave", "lost": "lose", "kept": "keep", "paid": "pay", "said": "say",
        "laid": "lay", "stood": "stand", "upheld": "uphold", "arose": "arise", "arisen": "arise", "bore": "bear",
        "borne": "bear", "overrode": "override", "overridden": "override", "undertook": "undertake",
        "undertaken": "undertake", "froze": "freeze", "frozen": "freeze", "forbade": "forbid", "forbidden": "forbid",
        "fled": "flee", "hid": "hide", "hidden": "hide", "bound": "bind", "dealt": "deal", "meant": "mean",
        "built": "build", "spent": "spend", "sold": "sell", "found": "find", "became": "become", "thrown": "throw",
        "threw": "throw", "knew": "know", "known": "know", "grew": "grow", "grown": "grow", "shut": "shut",
    ]

    /// The comparison key of an English word: lower case, American spelling, the inflection
    /// removed (`-s`, `-es`, `-ies`, `-ed`, `-ing`, after the first step of Porter 1980, "An
    /// algorithm for suffix stripping"; common irregular past forms), so `elections`/`election`,
    /// `defence`/`defense`, `held`/`hold` share a key.
    public static func key(_ word: String) -> String {
        var w = word.lowercased()
        if let base = irregular[w] { w = base }
        // British → American (applied to both sides, so over-application is harmless).
        if w == "programme" || w == "programmes" { w = "program" }
        w = w.replacingOccurrences(of: "isation", with: "ization")
        w = w.replacingOccurrences(of: "yse", with: "yze")
        for (a, b) in [("ising", "izing"), ("ised", "ized"), ("ises", "izes"), ("ise", "ize"), ("ences", "enses"),
                       ("ence", "ense"), ("tres", "ters"), ("tre", "ter")] where w.hasSuffix(a) && w.count > a.count + 2 {
            w = String(w.dropLast(a.count)) + b
            break
        }
        if w.count > 4, let r = w.range(of: "our", options: .backwards), r.lowerBound > w.startIndex {
            w.replaceSubrange(r, with: "or")
        }
        // Porter step 1a/1b, loosely.
        if w.hasSuffix("ies"), w.count > 4 { w = String(w.dropLast(3)) + "y" }
        else if w.hasSuffix("sses") { w = String(w.dropLast(2)) }
        else if w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is"), w.count > 3 { w = String(w.dropLast()) }
        if w.hasSuffix("ied"), w.count > 4 { w = String(w.dropLast(3)) + "y" }
        else if w.hasSuffix("ed"), w.count > 4, hasVowel(w.dropLast(2)) { w = String(w.dropLast(2)) }
        else if w.hasSuffix("ing"), w.count > 5, hasVowel(w.dropLast(3)) { w = String(w.dropLast(3)) }
        if w.hasSuffix("e"), w.count > 3 { w = String(w.dropLast()) }
        let cs = Array(w)
        if cs.count > 3, cs[cs.count - 1] == cs[cs.count - 2], !"aeiou".contains(cs[cs.count - 1]) { w = String(cs.dropLast()) }
        return w
    }

}
