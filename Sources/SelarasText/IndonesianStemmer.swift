import Foundation

/// Reduces an Indonesian word to its root: `menyatakan` → `nyata`, `pemerintahan` → `perintah`,
/// `berbeda-beda` → `beda`, `bukunya` → `buku`.
///
/// Algorithm: Enhanced Confix Stripping (ECS) — J. Asian, H. E. Williams, S. M. M. Tahaghoghi
/// (2005), "Stemming Indonesian", ACSC; with the enhancements of A. Z. Arifin, I. P. A. K. Mahendra
/// and H. T. Ciptadi (2009), "Enhanced Confix Stripping Stemmer and Ants Algorithm for Classifying
/// News Document in Indonesian Language", ICTS — both refining B. Nazief and M. Adriani (1996),
/// "Confix-stripping: approach to stemming algorithm for Bahasa Indonesia". Particles (-lah, -kah,
/// -tah, -pun), then possessives (-ku, -mu, -nya), then derivational suffixes (-i, -kan, -an) are
/// removed, then up to three prefixes (di-, ke-, se-, and be-, te-, me-, pe- with their
/// disambiguation rules and recoding: men+V → n/t, mem+V → m/p, meng+V → ∅/k, meny+V → s/ny,
/// menge-/penge- before one-syllable roots), checking the root-word lexicon after every step;
/// confixes that Indonesian does not form (be-i, di-an, ke-i, ke-kan, me-an, se-i, se-kan, te-an)
/// are not stripped; words with a be-…-lah/-an, me-/di-/pe-/ter-…-i confix lose their prefix
/// first; when nothing is found, suffixes are restored one by one and prefixes tried again
/// (ECS's "loop pengembalian akhiran"). A word whose root cannot be found is returned unchanged
/// (lower-cased). Reduplicated words (`negara-negara`, `berbeda-beda`) stem to the shared root.
///
/// The lexicon is Debian's hunspell-id word list (`RootLexicon.system`). Without it the stemmer
/// falls back to F. Z. Tala's (2003) rule-based stemmer ("A Study of Stemming Effects on
/// Information Retrieval in Bahasa Indonesia"), which needs no lexicon but is less precise, and
/// says so in `warning`.
///
/// Results are cached (the TM and summariser stem every token); the stemmer is a value that may
/// be shared between threads.
public struct IndonesianStemmer: Sendable {
    /// The root words consulted, or nil when running on rules alone.
    public let lexicon: RootLexicon?
    /// Why the stemmer runs on rules alone (Tala), when it does; nil with a lexicon.
    public let warning: String?
    private let cache: StemCache

    /// The stemmer over the system lexicon (`/usr/share/hunspell/id_ID.dic`), or the rule-based
    /// fallback when it is missing. Instances share one cache.
    public init() {
        let system = RootLexicon.system
        self.lexicon = system.lexicon
        self.warning = system.problem.map { "\($0); stemming with Tala's rule-based algorithm instead" }
        self.cache = StemCache.shared
    }

    /// A stemmer over `lexicon`; nil gives the rule-based (Tala) stemmer.
    public init(lexicon: RootLexicon?) {
        self.lexicon = lexicon
        self.warning = lexicon == nil ? "no root-word lexicon given; stemming with Tala's rule-based algorithm" : nil
        self.cache = StemCache()
    }

    /// "ECS" with a lexicon, "Tala" without.
    public var algorithm: String { lexicon == nil ? "Tala" : "ECS" }

    /// The root of `word` (lower-cased). Words with digits or other symbols come back lower-cased
    /// and otherwise unchanged.
    public func stem(_ word: String) -> String {
        if let hit = cache.get(word) { return hit }
        let lower = word.lowercased()
        let result: String
        if lower.count < 4 || !lower.allSatisfy({ $0.isLetter || $0 == "-" }) || lower.hasPrefix("-") || lower.hasSuffix("-") {
            result = lower
        } else if let lexicon {
            result = ConfixStripping(lexicon: lexicon).stem(lower)
        } else {
            result = TalaStemmer.stem(lower)
        }
        cache.set(word, result)
        return result
    }
}

/// A bounded, thread-safe memo of stems.
final class StemCache: @unchecked Sendable {
    static let shared = StemCache()
    private var map: [String: String] = [:]
    private let lock = NSLock()
    private let limit = 500_000

    func get(_ key: String) -> String? {
        lock.lock(); defer { lock.unlock() }
        return map[key]
    }

    func set(_ key: String, _ value: String) {
        lock.lock(); defer { lock.unlock() }
        if map.count >= limit { map.removeAll(keepingCapacity: true) }
        map[key] = value
    }
}

/// Enhanced Confix Stripping over a root-word lexicon (see `IndonesianStemmer`).
struct ConfixStripping {
    let lexicon: RootLexicon

    static let particles = ["lah", "kah", "tah", "pun"]
    static let possessives = ["nya", "ku", "mu"]
    static let derivational = ["kan", "an", "i"]
    /// Prefix–suffix pairs Indonesian does not combine.
    static let disallowed: Set<String> = ["be+i", "di+an", "ke+i", "ke+kan", "me+an", "se+i", "se+kan", "te+an"]

    func isRoot(_ w: String) -> Bool { w.count >= 2 && lexicon.contains(w) }

    func stem(_ word: String) -> String {
        if word.contains("-") { return plural(word) }
        return singular(word) ?? word
    }

    /// negara-negara, berbeda-beda, sebesar-besarnya: the root both halves share.
    func plural(_ word: String) -> String {
        if isRoot(word) { return word }
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
            if isRoot(current) { return current }
        }
        if let r = removePrefixes(current, suffix: removedSuffix) { return r }

        // Loop pengembalian akhiran: restore the suffixes, most recent first, and retry the prefixes.
        if removedSuffix != nil {
            if let r = removePrefixes(afterInflection, suffix: nil) { return r }
            if removedSuffix == "kan" {
                // The "k" may belong to the root: -an, not -kan (me-rusak-an? no: pe-rusak-an).
                let withK = String(afterInflection.dropLast(2))
                if isRoot(withK) { return withK }
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
                if isRoot(current) { return current }
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
            for o in options where isRoot(o.rest) { return o.rest }
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
