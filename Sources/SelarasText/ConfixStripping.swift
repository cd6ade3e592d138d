/// Enhanced Confix Stripping over a root-word lexicon (see `IndonesianStemmer`).
struct ConfixStripping {
    let lexicon: RootLexicon

    static let particles = ["lah", "kah", "tah", "pun"]
    static let possessives = ["nya", "ku", "mu"]
    static let derivational = ["kan", "an", "i"]
    /// Prefix–suffix pairs Indonesian does not combine.
    static let disallowed: Set<String> = ["be+i", "di+an", "ke+i", "ke+kan", "me+an", "se+i", "se+kan", "te+an"]

    /// Whether `w`, reached by taking affixes off a word, is its root: a lexicon word that takes
    /// affixes, of at least two letters.
    func isRoot(_ w: String) -> Bool { w.count >= 2 && lexicon.takesAffixes(w) }

    /// `isRoot`, for a root reached by taking off the derivational suffix `suffix` (if any): the
    /// dictionary must allow that suffix on it (so `perbankan` is not `perban` + -kan).
    func isRoot(_ w: String, suffix: String?) -> Bool {
        guard isRoot(w) else { return false }
        guard let suffix else { return true }
        return lexicon.takesSuffix(w, suffix)
    }

    func stem(_ word: String) -> String {
        if lexicon.contains(word) { return word }
        if word.contains("-") { return plural(word) }
        return singular(word) ?? word
    }

    /// negara-negara, berbeda-beda, sebesar-besarnya: the root both halves share.
    func plural(_ word: String) -> String {
        if lexicon.contains(word) { return word }
        let parts = word.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { return word }
        let first = singular(parts[0]) ?? parts[0]
        let second = singular(parts[1]) ?? parts[1]
        if first == second { return first }
        // buku-bukunya, anak-anakku: the second half carries a suffix.
        if parts[1].hasPrefix(parts[0]) || parts[0].hasSuffix(parts[1]) { return first }
        return word
    }

    /// The root of a word without hyphens, or nil.
    func singular(_ word: String) -> String? {
        if isRoot(word) { return word }
        if hasPrecedence(word), let r = prefixesFirst(word) { return r }

        var current = word
        var removedParticle: String?
        var removedPossessive: String?
        if let p = Self.particles.first(where: { current.hasSuffix($0) && current.count > $0.count + 2 }) {
            removedParticle = p
            current = String(current.dropLast(p.count))
            if isRoot(current) { return current }
        }
        if let p = Self.possessives.first(where: { current.hasSuffix($0) && current.count > $0.count + 2 }) {
            removedPossessive = p
            current = String(current.dropLast(p.count))
            if isRoot(current) { return current }
        }
        let afterInflection = current
        var removedSuffix: String?
        if let s = Self.derivational.first(where: { current.hasSuffix($0) && current.count > $0.count + 2 }) {
            removedSuffix = s
            current = String(current.dropLast(s.count))
            if isRoot(current, suffix: s) { return current }
        }
        if let r = removePrefixes(current, suffix: removedSuffix) { return r }

        // Loop pengembalian akhiran: restore the suffixes, most recent first, and retry the prefixes.
        if removedSuffix != nil {
            if let r = removePrefixes(afterInflection, suffix: nil) { return r }
            if removedSuffix == "kan" {
                // The "k" may belong to the root: -an, not -kan (me-rusak-an? no: pe-rusak-an).
                let withK = String(afterInflection.dropLast(2))
                if isRoot(withK, suffix: "an") { return withK }
                if let r = removePrefixes(withK, suffix: "an") { return r }
            }
        }
        if let p = removedPossessive {
            let restored = afterInflection + p
            if let r = removePrefixes(restored, suffix: nil) { return r }
        }
        if removedParticle != nil {
            if let r = removePrefixes(word, suffix: nil) { return r }
        }
        return nil
    }

    /// be-…-lah, be-…-an, me-/di-/pe-/te(r)-…-i: the prefix goes first.
    func hasPrecedence(_ w: String) -> Bool {
        if w.hasPrefix("be") && (w.hasSuffix("lah") || w.hasSuffix("an")) { return true }
        if w.hasSuffix("i") && (w.hasPrefix("me") || w.hasPrefix("di") || w.hasPrefix("pe") || w.hasPrefix("ter")) { return true }
        return false
    }

    func prefixesFirst(_ word: String) -> String? {
        var current = word
        var previous: String?
        for _ in 0..<3 {
            let options = prefixOptions(current)
            guard let first = options.first, first.type != previous else { break }
            for o in options {
                if isRoot(o.rest) { return o.rest }
                if let r = suffixesOnly(o.rest) { return r }
            }
            previous = first.type
            current = first.rest
        }
        return nil
    }

    /// Strips particle, possessive and derivational suffix in turn, checking after each.
    func suffixesOnly(_ word: String) -> String? {
        var current = word
        for group in [Self.particles, Self.possessives, Self.derivational] {
            if let s = group.first(where: { current.hasSuffix($0) && current.count > $0.count + 2 }) {
                current = String(current.dropLast(s.count))
                if isRoot(current, suffix: group == Self.derivational ? s : nil) { return current }
            }
        }
        return nil
    }

    /// Up to three prefixes, checking the lexicon after each.
    func removePrefixes(_ word: String, suffix: String?) -> String? {
        var current = word
        var previous: String?
        for round in 0..<3 {
            let options = prefixOptions(current)
            guard let first = options.first else { break }
            if first.type == previous { break }
            if round == 0, let suffix, Self.disallowed.contains("\(first.type)+\(suffix)") {
                // ke-…-i is allowed for ketahui.
                if !(first.type == "ke" && suffix == "i" && options.contains(where: { $0.rest == "tahu" })) { break }
            }
            for o in options where isRoot(o.rest, suffix: suffix) { return o.rest }
            guard first.type != "ku" else { break }
            previous = first.type
            current = first.rest
        }
        return nil
    }

    struct Option {
        var rest: String
        var type: String
    }

    /// The ways a prefix can come off `w`, in the order the rules prefer (Asian et al. 2005,
    /// Arifin et al. 2009, rules 1–36).
    func prefixOptions(_ w: String) -> [Option] {
        let c = Array(w)
        guard c.count >= 4 else { return [] }
        func at(_ i: Int) -> Character? { i < c.count ? c[i] : nil }
        func isV(_ i: Int) -> Bool { at(i).map { "aiueo".contains($0) } ?? false }
        func isC(_ i: Int) -> Bool { at(i).map { $0.isLetter && !"aiueo".contains($0) } ?? false }
        func rest(_ i: Int) -> String { i < c.count ? String(c[i...]) : "" }
        func has(_ i: Int, _ set: String) -> Bool { at(i).map { set.contains($0) } ?? false }
        var out: [Option] = []
        func add(_ r: String, _ t: String) {
            if r.count >= 2, r.contains(where: { "aiueo".contains($0) }), !out.contains(where: { $0.rest == r }) {
                out.append(Option(rest: r, type: t))
            }
        }
        let p2 = String(c[0..<2])
        switch p2 {
        case "di", "ke", "se":
            add(rest(2), p2)
        case "be":
            if at(2) == "r" {
                if isV(3) { add(rest(3), "be"); add(rest(2), "be") }          // 1: ber-V | be-rV
                else if isC(3), at(3) != "r" { add(rest(3), "be") }            // 2, 3: ber-CAP, ber-CAerV
            }
            if w == "belajar" || w.hasPrefix("belajar") { add(rest(3), "be") }  // 4: bel-ajar
            if isC(2), !has(2, "rl"), at(3) == "e", at(4) == "r", isC(5) { add(rest(2), "be") }  // 5: be-C1erC2
        case "te":
            if at(2) == "r" {
                if isV(3) { add(rest(3), "te"); add(rest(2), "te") }          // 6: ter-V | te-rV
                else if isC(3), at(3) != "r" { add(rest(3), "te") }            // 7, 8: ter-CerV, ter-CP
            }
            if isC(2), at(2) != "r", at(3) == "e", at(4) == "r", isC(5) { add(rest(2), "te") }  // 9: te-C1erC2
        case "me":
            if has(2, "lrwy"), isV(3) { add(rest(2), "me") }                   // 10: me-{l,r,w,y}V
            if at(2) == "m" {
                if has(3, "bfv") { add(rest(3), "me") }                        // 11: mem-{b,f,v}
                if at(3) == "p", at(4) == "e" { add(rest(3), "me") }           // 12: mem-pe
                if (at(3) == "r" && isV(4)) || isV(3) {                       // 13: me-m{rV|V} | me-p{rV|V}
                    add("m" + rest(3), "me"); add("p" + rest(3), "me")
                }
                if at(3) == "p", isV(4), at(4) != "e" { add(rest(3), "me") }   // 19: mem-pV
            }
            if at(2) == "n" {
                if has(3, "cdjsz") { add(rest(3), "me") }                      // 14: men-{c,d,j,s,z}
                if isV(3) { add("n" + rest(3), "me"); add("t" + rest(3), "me") }  // 15: me-nV | me-tV
                if at(3) == "g" {
                    if has(4, "ghqk") { add(rest(4), "me") }                   // 16: meng-{g,h,q,k}
                    if isV(4) {                                               // 17: meng-V | meng-kV
                        if at(4) == "e" { add(rest(5), "me") }                 //     menge-C (mengebom)
                        add(rest(4), "me"); add("k" + rest(4), "me")
                    }
                }
                if at(3) == "y", isV(4) { add("s" + rest(4), "me"); add("ny" + rest(4), "me") }  // 18
            }
        case "pe":
            if has(2, "wy"), isV(3) { add(rest(2), "pe") }                     // 20: pe-{w,y}V
            if at(2) == "r" {
                if isV(3) { add(rest(3), "pe"); add(rest(2), "pe") }          // 21: per-V | pe-rV
                else if isC(3), at(3) != "r" { add(rest(3), "pe") }            // 23, 24: per-CAP, per-CAerV
            }
            if at(2) == "m" {
                if has(3, "bfv") { add(rest(3), "pe") }                        // 25: pem-{b,f,v}
                if (at(3) == "r" && isV(4)) || isV(3) {                       // 26: pe-m{rV|V} | pe-p{rV|V}
                    add("m" + rest(3), "pe"); add("p" + rest(3), "pe")
                }
            }
            if at(2) == "n" {
                if has(3, "cdjz") { add(rest(3), "pe") }                       // 27: pen-{c,d,j,z}
                if isV(3) { add("n" + rest(3), "pe"); add("t" + rest(3), "pe") }  // 28: pe-nV | pe-tV
                if at(3) == "g" {
                    if isC(4) { add(rest(4), "pe") }                           // 29: peng-C
                    if isV(4) {                                               // 30: peng-V | peng-kV
                        if at(4) == "e" { add(rest(5), "pe") }                 //     penge-C
                        add(rest(4), "pe"); add("k" + rest(4), "pe")
                    }
                }
                if at(3) == "y", isV(4) { add("s" + rest(4), "pe"); add("ny" + rest(4), "pe") }  // 31
            }
            if at(2) == "l" {                                                 // 32: pe-lV (pel-ajar)
                if w.hasPrefix("pelajar") { add(rest(3), "pe") }
                add(rest(2), "pe")
            }
            if isC(2), !has(2, "rwylmn") { add(rest(2), "pe") }                // 33, 34, 36: pe-CerV, pe-CP
        default:
            break
        }
        // Proclitics ku- and kau- (kuambil, kaulihat): taken off only when a root is left.
        if out.isEmpty {
            if w.hasPrefix("kau"), isRoot(rest(3)) { add(rest(3), "ku") }
            else if w.hasPrefix("ku"), isRoot(rest(2)) { add(rest(2), "ku") }
        }
        return out
    }
}
