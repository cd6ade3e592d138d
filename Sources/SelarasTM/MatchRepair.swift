import Foundation
import SelarasCore
import SelarasFormats
import SelarasText

/// Repairs a fuzzy match whose source differs from the new sentence only in placeables (numbers,
/// amounts, percentages, dates, weekdays, times) or in glossary terms: the target gets the new
/// values in English notation, in the style the target already uses (`15,086` stays grouped, `2.5
/// million` stays scaled, `Feb 13` stays abbreviated, month before day), and a term's translation is
/// swapped for the new term's preferred translation. Everything else in the target is kept.
///
/// The differences come from aligning the two sentences token by token (Levenshtein alignment, with
/// each placeable as one token). A repair is produced only when every difference is accounted for
/// and every old value or term translation is found in the target; otherwise the match stays a
/// plain fuzzy match. Each change is described in `changes` ("15.086 → 19.086: 15,086 → 19,086").
struct MatchRepair: Sendable {
    let analyzer: MatchAnalyzer

    struct Repair {
        var target: String
        var changes: [String]
    }

    /// One element of the alignment: a placeable or a plain token.
    private enum Item: Equatable {
        case placeable(kind: String, index: Int)
        case token(key: String, folded: String, index: Int)

        static func == (a: Item, b: Item) -> Bool {
            switch (a, b) {
            case let (.placeable(k1, _), .placeable(k2, _)): return k1 == k2
            case let (.token(k1, _, _), .token(k2, _, _)): return k1 == k2
            default: return false
            }
        }
    }

    private func items(_ a: MatchAnalyzer.Analysis, _ placeables: [TMPlaceables.Placeable]) -> [Item] {
        var out: [Item] = []
        var p = 0
        var i = 0
        while i < a.tokens.count {
            if p < placeables.count, placeables[p].tokens.lowerBound == i {
                out.append(.placeable(kind: placeables[p].value.kind, index: p))
                i = placeables[p].tokens.upperBound
                p += 1
            } else {
                out.append(.token(key: a.tokens[i].key, folded: a.tokens[i].folded, index: i))
                i += 1
            }
        }
        return out
    }

    func repair(query q: TMScorer.Query, unit: TMUnit, unitAnalysis u: MatchAnalyzer.Analysis,
                termMatcher: (@Sendable (String) -> [TermHit])?) -> Repair? {
        let qp = TMPlaceables.find(in: q.analysis, text: q.text)
        let up = TMPlaceables.find(in: u, text: unit.source)
        let qi = items(q.analysis, qp), ui = items(u, up)
        let pairs = TokenLevenshtein.alignment(qi, ui)

        var valueChanges: [(old: TMPlaceables.Placeable, new: TMPlaceables.Placeable)] = []
        // Token indices (query side, unit side) of word differences, grouped in runs.
        var regions: [(q: [Int], u: [Int])] = []
        var open: (q: [Int], u: [Int])?
        func closeRegion() { if let r = open { regions.append(r); open = nil } }
        func tokenIndices(_ item: Item, _ placeables: [TMPlaceables.Placeable]) -> [Int] {
            switch item {
            case let .token(_, _, i): return [i]
            case let .placeable(_, p): return Array(placeables[p].tokens)
            }
        }
        for (a, b) in pairs {
            if let a, let b {
                switch (qi[a], ui[b]) {
                case let (.placeable(k1, x), .placeable(k2, y)) where k1 == k2:
                    closeRegion()
                    if qp[x].value != up[y].value { valueChanges.append((up[y], qp[x])) }
                    continue
                case let (.token(k1, f1, _), .token(k2, f2, _)) where k1 == k2 && f1 == f2:
                    closeRegion()
                    continue
                default:
                    break
                }
            }
            var r = open ?? ([], [])
            if let a { r.q += tokenIndices(qi[a], qp) }
            if let b { r.u += tokenIndices(ui[b], up) }
            open = r
        }
        closeRegion()

        var edits: [(range: Range<String.Index>, replacement: String)] = []
        var changes: [String] = []
        let target = unit.target

        // Glossary terms.
        if !regions.isEmpty {
            guard let termMatcher, !q.terms.isEmpty else { return nil }
            let unitTerms = termMatcher(unit.source)
            for r in regions {
                guard !r.q.isEmpty, !r.u.isEmpty,
                      let hq = covering(r.q, q.analysis, q.terms), let hu = covering(r.u, u, unitTerms) else { return nil }
                if hq.term == hu.term { continue }
                guard let new = hq.translations.first, !new.isEmpty else { return nil }
                guard let (range, found) = findTerm(hu.translations, in: target, avoiding: edits.map(\.range)) else { return nil }
                let replacement = Self.matchCase(new, like: found)
                edits.append((range, replacement))
                changes.append("\(hu.text) → \(hq.text): \(found) → \(replacement)")
            }
        }

        // Placeables: first in the notation the target already uses (TMPlaceables), else located by
        // value with SelarasText's placeable finder and written in its English notation.
        var seenOld: [TMPlaceables.Value: Int] = [:]
        var finder: SelarasTextPlaceables?
        for (old, new) in valueChanges {
            let nth = seenOld[old.value, default: 0]
            seenOld[old.value] = nth + 1
            let used = edits.map(\.range)
            var located = locate(old.value, new: new.value, oldText: old.text, newText: new.text, in: target, nth: nth, avoiding: used)
            if located == nil {
                if finder == nil { finder = SelarasTextPlaceables(source: unit.source, query: q.text, target: target) }
                located = finder!.locate(old: old.range, new: new.range, avoiding: used)
            }
            guard let (range, found, replacement) = located else { return nil }
            edits.append((range, replacement))
            let inTarget = "\(found) → \(replacement)"
            let inSource = "\(old.text) → \(new.text)"
            changes.append(inSource == inTarget ? inSource : "\(inSource): \(inTarget)")
        }
        guard !edits.isEmpty else { return nil }
        var out = target
        for e in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            out.replaceSubrange(e.range, with: e.replacement)
        }
        return Repair(target: out, changes: changes)
    }

    /// The term hit whose span covers all these tokens.
    private func covering(_ tokens: [Int], _ a: MatchAnalyzer.Analysis, _ hits: [TermHit]) -> TermHit? {
        let lo = tokens.map { a.tokens[$0].range.lowerBound }.min()!, hi = tokens.map { a.tokens[$0].range.upperBound }.max()!
        return hits.filter { $0.start <= lo && $0.end >= hi }.min { ($0.end - $0.start) < ($1.end - $1.start) }
    }

    /// The first occurrence (whole words, any case) of one of `translations` in `target`.
    private func findTerm(_ translations: [String], in target: String, avoiding used: [Range<String.Index>]) -> (Range<String.Index>, String)? {
        for t in translations.sorted(by: { $0.count > $1.count }) where !t.isEmpty {
            var from = target.startIndex
            while let r = target.range(of: t, options: [.caseInsensitive], range: from..<target.endIndex) {
                let beforeOK = r.lowerBound == target.startIndex || !target[target.index(before: r.lowerBound)].isLetter
                let afterOK = r.upperBound == target.endIndex || !target[r.upperBound].isLetter
                if beforeOK && afterOK && !used.contains(where: { $0.overlaps(r) }) { return (r, String(target[r])) }
                from = target.index(after: r.lowerBound)
            }
        }
        return nil
    }

    static func matchCase(_ s: String, like found: String) -> String {
        guard let f = found.first, let c = s.first else { return s }
        if f.isUppercase && c.isLowercase { return c.uppercased() + s.dropFirst() }
        return s
    }

    // MARK: locating placeables in the target

    /// Where the old value is written in the target, as what, and the new value written the same way.
    private func locate(_ old: TMPlaceables.Value, new: TMPlaceables.Value, oldText: String, newText: String, in target: String,
                        nth: Int, avoiding used: [Range<String.Index>]) -> (Range<String.Index>, String, String)? {
        switch (old, new) {
        case let (.number(oi, of, os), .number(ni, nf, ns)):
            for style in TMPlaceables.NumberStyle.allCases {
                guard let o = TMPlaceables.english(integer: oi, fraction: of, scale: os, style: style) else { continue }
                if let r = findNumber(o, in: target, nth: nth, avoiding: used) {
                    var newStyle = style
                    if style == .scaled && ns < 6 { newStyle = .grouped }
                    if style == .grouped && ns >= 6 && os >= 6 { newStyle = .grouped }
                    guard let n = TMPlaceables.english(integer: ni, fraction: nf, scale: ns, style: newStyle) else { continue }
                    return (r, String(target[r]), n)
                }
            }
            // The target kept the Indonesian notation.
            if let r = findNumber(oldText, in: target, nth: nth, avoiding: used) { return (r, oldText, newText) }
            return nil
        case let (.date(od, om, oy), .date(nd, nm, ny)):
            guard (od == nil) == (nd == nil) else { return nil }
            if let found = findDate(day: od, month: om, year: oy, newDay: nd, newMonth: nm, newYear: ny, in: target, avoiding: used) {
                return found
            }
            // The target writes the date another way ("October 20-22", "9/11", "the 19th", "2005
            // November"): when only the day or only the year changed, and that number occurs exactly
            // once in the target, it is replaced there.
            if om == nm {
                if let od, let nd, od != nd, oy == ny, let r = uniqueNumber(String(od), in: target, avoiding: used) {
                    return (r, String(od), String(nd))
                }
                if od == nd, let oy, let ny, oy != ny, let r = uniqueNumber(String(oy), in: target, avoiding: used) {
                    return (r, String(oy), String(ny))
                }
            }
            return nil
        case let (.weekday(o), .weekday(n)):
            let full = TMPlaceables.englishWeekdays[o - 1]
            let pattern = "\\b(\(full)|\(full.prefix(3))\\.?)(?![A-Za-z])"
            guard let (r, groups) = firstMatch(pattern, in: target, avoiding: used) else { return nil }
            let newFull = TMPlaceables.englishWeekdays[n - 1]
            let found = groups[0]
            let replacement = found.count > 4 ? newFull : String(newFull.prefix(3)) + (found.hasSuffix(".") ? "." : "")
            return (r, found, replacement)
        case let (.time(oh, om), .time(nh, nm)):
            let mm = om < 10 ? "0\(om)" : "\(om)"
            let pattern = "(?<![0-9])(0?)\(oh)([:.])\(mm)(?![0-9])"
            if let (r, groups) = firstMatch(pattern, in: target, avoiding: used) {
                let pad = !groups[1].isEmpty && nh < 10 ? "0" : ""
                return (r, groups[0], "\(pad)\(nh)\(groups[2])\(nm < 10 ? "0" : "")\(nm)")
            }
            // "9 p.m.": only the hour changed and it occurs once.
            if om == nm, om == 0, oh != nh, let r = uniqueNumber(String(oh), in: target, avoiding: used) {
                return (r, String(oh), String(nh))
            }
            return nil
        case let (.literal(o), .literal(n)):
            guard let r = findNumber(o, in: target, nth: nth, avoiding: used) else { return nil }
            return (r, o, n)
        default:
            return nil
        }
    }

    /// The only occurrence of the number `s` in the target (nil when it is missing or repeated).
    private func uniqueNumber(_ s: String, in target: String, avoiding used: [Range<String.Index>]) -> Range<String.Index>? {
        guard let first = findNumber(s, in: target, nth: 0, avoiding: used) else { return nil }
        var from = target.index(after: first.lowerBound)
        while let r = target.range(of: s, range: from..<target.endIndex) {
            from = target.index(after: r.lowerBound)
            if isNumberBoundary(target, before: r.lowerBound) && isNumberBoundary(target, after: r.upperBound) && r != first { return nil }
        }
        return first
    }

    /// The nth occurrence of a number written as `s`, not part of a longer number.
    private func findNumber(_ s: String, in target: String, nth: Int, avoiding used: [Range<String.Index>]) -> Range<String.Index>? {
        var from = target.startIndex
        var seen = 0
        while let r = target.range(of: s, range: from..<target.endIndex) {
            from = target.index(after: r.lowerBound)
            if !isNumberBoundary(target, before: r.lowerBound) || !isNumberBoundary(target, after: r.upperBound) { continue }
            if used.contains(where: { $0.overlaps(r) }) { continue }
            if seen == nth { return r }
            seen += 1
        }
        if nth > 0 { return findNumber(s, in: target, nth: 0, avoiding: used) }
        return nil
    }

    private func isNumberBoundary(_ t: String, before i: String.Index) -> Bool {
        guard i > t.startIndex else { return true }
        let p = t[t.index(before: i)]
        if p.isNumber { return false }
        if p == "." || p == "," {
            let pi = t.index(before: i)
            if pi > t.startIndex, t[t.index(before: pi)].isNumber { return false }
        }
        return true
    }

    private func isNumberBoundary(_ t: String, after i: String.Index) -> Bool {
        guard i < t.endIndex else { return true }
        let c = t[i]
        if c.isNumber { return false }
        if c == "." || c == "," {
            let n = t.index(after: i)
            if n < t.endIndex, t[n].isNumber { return false }
        }
        return true
    }

    private func findDate(day od: Int?, month om: Int, year oy: Int?, newDay nd: Int?, newMonth nm: Int, newYear ny: Int?,
                          in target: String, avoiding used: [Range<String.Index>]) -> (Range<String.Index>, String, String)? {
        let full = TMPlaceables.englishMonths[om - 1], abbr = TMPlaceables.englishMonthAbbreviations[om - 1]
        let variants = (TMPlaceables.englishMonthVariants[om] ?? []).map { "|\($0)\\.?" }.joined()
        let month = "(\(full)\(variants)|\(abbr)\\.?)"
        let yearPart = oy.map { "(,?\\s+\($0))?" } ?? "()"
        let newFull = TMPlaceables.englishMonths[nm - 1], newAbbr = TMPlaceables.englishMonthAbbreviations[nm - 1]
        func monthName(like found: String) -> String {
            if found == full || (full == abbr) { return newFull }
            let bare = found.hasSuffix(".") ? String(found.dropLast()) : found
            if bare != abbr, let v = TMPlaceables.englishMonthVariants[nm]?.first { return v + (found.hasSuffix(".") ? "." : "") }
            return newAbbr + (found.hasSuffix(".") ? "." : "")
        }
        func suffix(_ d: Int, like found: String) -> String {
            guard !found.isEmpty else { return "" }
            if (11...13).contains(d % 100) { return "th" }
            switch d % 10 { case 1: return "st"; case 2: return "nd"; case 3: return "rd"; default: return "th" }
        }
        func yearText(_ found: String) -> String? {
            guard !found.isEmpty else { return "" }
            guard let ny else { return nil }
            return found.replacingOccurrences(of: String(oy!), with: String(ny))
        }
        if let od, let nd {
            // Month first: "February 13", "Feb. 13th, 2024".
            if let (r, g) = firstMatch("\\b\(month)(\\s+)0?\(od)(st|nd|rd|th)?(?![0-9])\(yearPart)", in: target, avoiding: used) {
                guard let y = yearText(g[4]) else { return nil }
                if oy != nil, g[4].isEmpty, ny != oy { return nil }
                return (r, g[0], monthName(like: g[1]) + g[2] + "\(nd)" + suffix(nd, like: g[3]) + y)
            }
            // Day first: "13 February", "13th of Feb 2024".
            if let (r, g) = firstMatch("(?<![0-9])0?\(od)(st|nd|rd|th)?(\\s+)(of\\s+)?\(month)(?![A-Za-z])\(yearPart)", in: target, avoiding: used) {
                guard let y = yearText(g[5]) else { return nil }
                if oy != nil, g[5].isEmpty, ny != oy { return nil }
                return (r, g[0], "\(nd)" + suffix(nd, like: g[1]) + g[2] + g[3] + monthName(like: g[4]) + y)
            }
            return nil
        }
        if let (r, g) = firstMatch("\\b\(month)(?![A-Za-z])\(yearPart)", in: target, avoiding: used) {
            guard let y = yearText(g[2]) else { return nil }
            if oy != nil, g[2].isEmpty, ny != oy { return nil }
            return (r, g[0], monthName(like: g[1]) + y)
        }
        return nil
    }

    /// The first match of `pattern` not overlapping `used`: its range and its groups (0 = whole match;
    /// unmatched groups are empty strings).
    private func firstMatch(_ pattern: String, in target: String, avoiding used: [Range<String.Index>]) -> (Range<String.Index>, [String])? {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return nil }
        let ns = NSRange(target.startIndex..<target.endIndex, in: target)
        for m in re.matches(in: target, range: ns) {
            guard let r = Range(m.range, in: target), !used.contains(where: { $0.overlaps(r) }) else { continue }
            var groups: [String] = []
            for g in 0..<m.numberOfRanges {
                if let gr = Range(m.range(at: g), in: target) { groups.append(String(target[gr])) } else { groups.append("") }
            }
            return (r, groups)
        }
        return nil
    }
}

/// SelarasText's placeables of a repair's three texts: the old source, the query and the target.
struct SelarasTextPlaceables {
    let source: [Placeable]
    let query: [Placeable]
    let target: [Placeable]
    let targetText: String

    init(source: String, query: String, target: String) {
        self.source = PlaceableFinder.indonesian(in: source)
        self.query = PlaceableFinder.indonesian(in: query)
        self.target = PlaceableFinder.english(in: target)
        targetText = target
    }

    /// The target placeable with the old source placeable's value (the only one), and the new
    /// placeable's English rendering.
    func locate(old: Range<Int>, new: Range<Int>, avoiding used: [Range<String.Index>]) -> (Range<String.Index>, String, String)? {
        guard let o = source.first(where: { $0.range.overlaps(old) }), let n = query.first(where: { $0.range.overlaps(new) }),
              o.value.kind == n.value.kind else { return nil }
        let scalars = targetText.unicodeScalars
        let hits = target.compactMap { p -> Range<String.Index>? in
            guard p.value.isCompatible(with: o.value) else { return nil }
            let lo = scalars.index(scalars.startIndex, offsetBy: p.range.lowerBound)
            let hi = scalars.index(lo, offsetBy: p.range.count)
            let r = lo..<hi
            return used.contains(where: { $0.overlaps(r) }) ? nil : r
        }
        guard hits.count == 1, let r = hits.first else { return nil }
        return (r, String(targetText[r]), n.english)
    }
}
