import SelarasText

/// Merges two glossaries, A and B, by a fixed rule, and reports every disagreement.
///
/// The rule:
/// 1. Two entries are the same concept when their terms are equal ignoring case and spacing (words
///    in capitals compare exactly), or when one's term is a variant of the other.
/// 2. The result holds A's entries in A's order, then B's new entries in B's order; the merged
///    entry keeps A's spelling of the term.
/// 3. For single-valued fields (the preferred translation, part of speech, status, domain, note,
///    source, date) the entry with the later `date` wins; with equal or missing dates, A wins.
///    An empty field is filled from the other side without a conflict.
/// 4. Lists are united: variants, forbidden translations and exceptions; translations in the winner's order
///    followed by the other side's extras. A translation that either side forbids is dropped.
/// Conflicts are reported for a different preferred translation, part of speech, status, domain
/// or note, for a term joined through a variant, and for a translation dropped because the other
/// side forbids it.
public struct GlossaryMerger: Sendable {
    public struct Conflict: Sendable, Hashable, CustomStringConvertible {
        /// The merged entry's term.
        public var term: String
        public var field: String
        public var a: String
        public var b: String
        /// What the merged entry holds.
        public var kept: String
        /// Why: "later date in A", "later date in B", "A wins ties", "forbidden in A", ...
        public var reason: String
        public var lineA: Int?
        public var lineB: Int?

        public var description: String {
            let la = lineA.map { ":\($0)" } ?? "", lb = lineB.map { ":\($0)" } ?? ""
            return "\(term): \(field): A\(la) '\(a)' vs B\(lb) '\(b)'; kept '\(kept)' (\(reason))"
        }
    }

    public struct Result: Sendable {
        public var entries: [GlossaryEntry]
        public var conflicts: [Conflict]
        /// Entries of B that were new.
        public var added: Int
        /// Entries of B merged into an entry of A.
        public var merged: Int
    }

    public init() {}

    static func key(_ s: String) -> String {
        TermMatcher.isAcronym(s) ? s : TextNormalizer.matchKey(s)
    }

    public func merge(_ a: [GlossaryEntry], _ b: [GlossaryEntry]) -> Result {
        var out = a
        var byKey: [String: Int] = [:]
        var byVariant: [String: Int] = [:]
        for (i, e) in out.enumerated() {
            if byKey[Self.key(e.term)] == nil { byKey[Self.key(e.term)] = i }
            for v in e.variants where byVariant[Self.key(v)] == nil { byVariant[Self.key(v)] = i }
        }
        var conflicts: [Conflict] = []
        var added = 0, merged = 0
        for eb in b {
            var target = byKey[Self.key(eb.term)]
            var joinedBy: String?
            if target == nil, let i = byVariant[Self.key(eb.term)] { target = i; joinedBy = "B's term is a variant in A" }
            if target == nil, let i = eb.variants.lazy.compactMap({ byKey[Self.key($0)] }).first {
                target = i; joinedBy = "A's term is a variant in B"
            }
            guard let i = target else {
                byKey[Self.key(eb.term)] = out.count
                for v in eb.variants where byVariant[Self.key(v)] == nil { byVariant[Self.key(v)] = out.count }
                out.append(eb)
                added += 1
                continue
            }
            merged += 1
            let ea = out[i]
            if let joinedBy {
                conflicts.append(Conflict(term: ea.term, field: "term", a: ea.term, b: eb.term, kept: ea.term,
                                          reason: joinedBy, lineA: ea.line, lineB: eb.line))
            }
            let (m, c) = mergeEntry(ea, eb)
            out[i] = m
            conflicts += c
            for v in m.variants where byVariant[Self.key(v)] == nil { byVariant[Self.key(v)] = i }
        }
        return Result(entries: out, conflicts: conflicts, added: added, merged: merged)
    }

    /// One merged entry and its conflicts.
    func mergeEntry(_ a: GlossaryEntry, _ b: GlossaryEntry) -> (GlossaryEntry, [Conflict]) {
        let bWins: Bool
        let reason: String
        switch (a.date, b.date) {
        case let (da?, db?) where db > da: bWins = true; reason = "later date in B"
        case let (da?, db?) where da > db: bWins = false; reason = "later date in A"
        default: bWins = false; reason = "A wins ties"
        }
        let (w, l) = bWins ? (b, a) : (a, b)
        var conflicts: [Conflict] = []
        func conflict(_ field: String, _ va: String, _ vb: String, _ kept: String, _ why: String = reason) {
            conflicts.append(Conflict(term: a.term, field: field, a: va, b: vb, kept: kept, reason: why,
                                      lineA: a.line, lineB: b.line))
        }
        var m = w
        m.term = a.term
        m.line = a.line
        if a.term != b.term, Self.key(a.term) == Self.key(b.term) {
            conflict("spelling", a.term, b.term, a.term, "A's spelling is kept")
        }
        func single(_ field: String, _ get: (GlossaryEntry) -> String?, _ set: (inout GlossaryEntry, String?) -> Void) {
            let va = get(a), vb = get(b)
            switch (va, vb) {
            case let (x?, y?) where x.lowercased() != y.lowercased():
                conflict(field, x, y, get(w) ?? "")
            case (nil, _?), (_?, nil):
                set(&m, get(w) ?? get(l))
            default: break
            }
        }
        single("pos", \.partOfSpeech) { $0.partOfSpeech = $1 }
        single("domain", \.domain) { $0.domain = $1 }
        single("note", \.note) { $0.note = $1 }
        single("source", \.source) { $0.source = $1 }
        if a.status != b.status { conflict("status", a.status.rawValue, b.status.rawValue, w.status.rawValue) }
        m.date = [a.date, b.date].compactMap { $0 }.max()

        func union(_ x: [String], _ y: [String]) -> [String] {
            var seen = Set<String>(), out: [String] = []
            for s in x + y where seen.insert(s.lowercased()).inserted { out.append(s) }
            return out
        }
        m.variants = union(w.variants, l.variants).filter { Self.key($0) != Self.key(m.term) }
        m.forbidden = union(w.forbidden, l.forbidden)
        m.exceptions = union(w.exceptions, l.exceptions)
        let forbiddenA = Set(a.forbidden.map { $0.lowercased() }), forbiddenB = Set(b.forbidden.map { $0.lowercased() })
        var translations: [String] = []
        for t in union(w.translations, l.translations) {
            let k = t.lowercased()
            if forbiddenA.contains(k) || forbiddenB.contains(k) {
                let side = forbiddenA.contains(k) ? "A" : "B"
                conflict("translation", a.translations.contains(t) ? t : "", b.translations.contains(t) ? t : "",
                         "(dropped)", "forbidden in \(side)")
                continue
            }
            translations.append(t)
        }
        if let pa = a.translations.first, let pb = b.translations.first, pa.lowercased() != pb.lowercased() {
            conflict("preferred translation", pa, pb, translations.first ?? "")
        }
        m.translations = translations
        return (m, conflicts)
    }
}
