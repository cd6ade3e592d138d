import Foundation

/// Placeables of Indonesian text for match repair — numbers (with `ribu`/`juta`/`miliar`/`triliun`),
/// percentages and amounts (a number whose unit word is unchanged), dates (`13/2`, `13 Februari 2024`,
/// `Februari 2024`), weekdays, months and times (`pukul 10.30`) — with their English notations.
///
/// Match repair needs two things SelarasText's `PlaceableFinder` does not give: the notation a
/// number or date is written in (`15,086` or `15086`, `2.5 million`, `Feb 13` or `13 February`), so
/// that the new value is written the same way in the target, and the kinds it does not model
/// (weekdays on their own, codes such as `H5N1`, days beyond the calendar that a change can produce).
/// This file holds that notation-level parsing; `MatchRepair` falls back to `PlaceableFinder` to
/// locate a value by meaning and to write it in its English notation.
///
/// English notation: `2.375.000` → `2,375,000`; `3,5` → `3.5`; `Rp2,1 triliun` → `Rp2.1 trillion`;
/// `13/2` → `13 February`; `pukul 10.30` → `10:30`.
enum TMPlaceables {
    enum Value: Hashable, Sendable {
        /// A number as written: integer digits, fraction digits, and a power of ten from a scale word.
        case number(integer: String, fraction: String, scale: Int)
        case date(day: Int?, month: Int, year: Int?)
        case weekday(Int)
        case time(hour: Int, minute: Int)
        /// Something number-like that is only ever copied (`24/7`), or a code of letters and digits
        /// (`H5N1`, `Tor-M1`, `A5`), as written.
        case literal(String)

        var kind: String {
            switch self {
            case .number: return "number"
            case .date: return "date"
            case .weekday: return "weekday"
            case .time: return "time"
            case .literal: return "literal"
            }
        }
    }

    struct Placeable: Hashable, Sendable {
        var value: Value
        /// Token indices (into the analysis) the placeable covers.
        var tokens: Range<Int>
        /// Code-point range in the text.
        var range: Range<Int>
        var text: String
    }

    static let months = ["januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
                         "agustus": 8, "september": 9, "oktober": 10, "nopember": 11, "november": 11, "desember": 12,
                         "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8, "ags": 8, "sep": 9,
                         "sept": 9, "okt": 10, "nov": 11, "des": 12]
    static let weekdays = ["senin": 1, "selasa": 2, "rabu": 3, "kamis": 4, "jumat": 5, "jum'at": 5, "sabtu": 6, "minggu": 7, "ahad": 7]
    static let scales = ["ribu": 3, "rb": 3, "juta": 6, "jt": 6, "miliar": 9, "milyar": 9, "triliun": 12, "trilyun": 12]
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                                "November", "December"]
    static let englishMonthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    /// Other abbreviations English news uses.
    static let englishMonthVariants = [9: ["Sept"]]
    static let englishWeekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let englishScales = [6: "million", 9: "billion", 12: "trillion"]
    static let timeWords: Set<String> = ["pukul", "jam", "pkl"]
    static let timeZones: Set<String> = ["wib", "wita", "wit"]

    /// The placeables of an analysed text, in order.
    static func find(in analysis: MatchAnalyzer.Analysis, text: String) -> [Placeable] {
        let t = analysis.tokens
        let scalars = Array(text.unicodeScalars)
        func slice(_ r: Range<Int>) -> String {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[max(0, r.lowerBound)..<min(scalars.count, r.upperBound)])
            return String(v)
        }
        func make(_ value: Value, _ from: Int, _ to: Int) -> Placeable {
            let r = t[from].range.lowerBound..<t[to - 1].range.upperBound
            return Placeable(value: value, tokens: from..<to, range: r, text: slice(r))
        }
        func year(_ i: Int) -> Int? {
            guard i < t.count, t[i].isNumber, t[i].folded.count == 4, let y = Int(t[i].folded), (1000...2999).contains(y) else { return nil }
            return y
        }
        var out: [Placeable] = []
        var i = 0
        while i < t.count {
            let tok = t[i]
            if tok.isNumber {
                let f = tok.folded
                // d/m or d/m/y
                if f.contains("/") {
                    let parts = f.split(separator: "/").map(String.init)
                    if (2...3).contains(parts.count), let d = Int(parts[0]), let m = Int(parts[1]), (1...99).contains(d), (1...12).contains(m) {
                        var y: Int? = nil
                        if parts.count == 3, let yy = Int(parts[2]) { y = parts[2].count == 2 ? 2000 + yy : yy }
                        out.append(make(.date(day: d, month: m, year: y), i, i + 1)); i += 1; continue
                    }
                    out.append(make(.literal(f), i, i + 1)); i += 1; continue
                }
                // times: h:mm, or h.mm after pukul/jam or before WIB
                let afterTimeWord = i > 0 && timeWords.contains(t[i - 1].folded)
                let beforeZone = i + 1 < t.count && timeZones.contains(t[i + 1].folded)
                if f.contains(":") || ((afterTimeWord || beforeZone) && f.contains(".")) {
                    let parts = f.split(whereSeparator: { $0 == ":" || $0 == "." }).map(String.init)
                    if parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0...59).contains(m), parts[1].count == 2 {
                        out.append(make(.time(hour: h, minute: m), i, i + 1)); i += 1; continue
                    }
                    out.append(make(.literal(f), i, i + 1)); i += 1; continue
                }
                if afterTimeWord, let h = Int(f), (0...24).contains(h), !f.contains(",") {
                    out.append(make(.time(hour: h, minute: 0), i, i + 1)); i += 1; continue
                }
                // day month [year]
                // Days are not checked against the calendar (up to 99): a changed day is repaired, not judged.
                if i + 1 < t.count, let m = months[t[i + 1].folded], let d = Int(f), (1...99).contains(d), f.count <= 2 {
                    if let y = year(i + 2) {
                        out.append(make(.date(day: d, month: m, year: y), i, i + 3)); i += 3
                    } else {
                        out.append(make(.date(day: d, month: m, year: nil), i, i + 2)); i += 2
                    }
                    continue
                }
                guard let (integer, fraction) = parseNumber(f) else {
                    out.append(make(.literal(f), i, i + 1)); i += 1; continue
                }
                if i + 1 < t.count, let s = scales[t[i + 1].folded] {
                    out.append(make(.number(integer: integer, fraction: fraction, scale: s), i, i + 2)); i += 2; continue
                }
                out.append(make(.number(integer: integer, fraction: fraction, scale: 0), i, i + 1)); i += 1; continue
            }
            if let m = months[tok.folded], tok.folded.count > 3 || tok.hadUppercase {
                if let y = year(i + 1) {
                    out.append(make(.date(day: nil, month: m, year: y), i, i + 2)); i += 2
                } else {
                    out.append(make(.date(day: nil, month: m, year: nil), i, i + 1)); i += 1
                }
                continue
            }
            if let w = weekdays[tok.folded], tok.hadUppercase {
                out.append(make(.weekday(w), i, i + 1)); i += 1; continue
            }
            if tok.folded.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) {
                // A code: copied as written.
                out.append(make(.literal(slice(tok.range)), i, i + 1)); i += 1; continue
            }
            i += 1
        }
        return out
    }

    /// Indonesian number notation → (integer digits, fraction digits): `.` groups thousands, `,` marks
    /// decimals (`2.375.000`, `3,5`, `1.234,56`); nil for other shapes.
    static func parseNumber(_ s: String) -> (String, String)? {
        let parts = s.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let intPart = String(parts[0])
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
        let groups = intPart.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if groups.count == 1 {
            guard !intPart.isEmpty, intPart.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
            return (intPart, fraction)
        }
        // 1.234.567: groups of three after the first.
        if groups.dropFirst().allSatisfy({ $0.count == 3 }), (1...3).contains(groups[0].count), groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigitCharacter) }) {
            return (groups.joined(), fraction)
        }
        // 3.5 written with a decimal point (English notation inside Indonesian text).
        if groups.count == 2, fraction.isEmpty, groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }) {
            return (groups[0], groups[1])
        }
        return nil
    }

    // MARK: English notation

    /// `digits` grouped by three with commas (`2375000` → `2,375,000`).
    static func grouped(_ digits: String) -> String {
        let d = Array(digits)
        var out = ""
        for (k, c) in d.enumerated() {
            if k > 0 && (d.count - k) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// The full value of a number with its scale applied, as (integer digits, fraction digits).
    static func fullValue(integer: String, fraction: String, scale: Int) -> (String, String) {
        var digits = integer + fraction
        var point = integer.count + scale
        if digits.count < point { digits += String(repeating: "0", count: point - digits.count) }
        var intPart = String(digits.prefix(point))
        var frac = String(digits.dropFirst(point))
        while frac.hasSuffix("0") && !frac.isEmpty { frac.removeLast() }
        while intPart.count > 1 && intPart.hasPrefix("0") { intPart.removeFirst(); point -= 1 }
        if intPart.isEmpty { intPart = "0" }
        return (intPart, frac)
    }

    enum NumberStyle: CaseIterable { case scaled, grouped, plain }

    /// A number in English notation in `style` (nil when the style does not apply).
    static func english(integer: String, fraction: String, scale: Int, style: NumberStyle) -> String? {
        switch style {
        case .scaled:
            guard let word = englishScales[scale] else { return nil }
            let mantissa = grouped(integer) + (fraction.isEmpty ? "" : "." + fraction)
            return "\(mantissa) \(word)"
        case .grouped:
            let (i, f) = fullValue(integer: integer, fraction: fraction, scale: scale)
            return grouped(i) + (f.isEmpty ? "" : "." + f)
        case .plain:
            let (i, f) = fullValue(integer: integer, fraction: fraction, scale: scale)
            return i + (f.isEmpty ? "" : "." + f)
        }
    }

    /// The default English notation of a placeable (for messages).
    static func english(_ v: Value) -> String {
        switch v {
        case let .number(i, f, s):
            if s >= 6 { return english(integer: i, fraction: f, scale: s, style: .scaled)! }
            return english(integer: i, fraction: f, scale: s, style: .grouped)!
        case let .date(d, m, y):
            return [d.map(String.init), englishMonths[m - 1], y.map(String.init)].compactMap { $0 }.joined(separator: " ")
        case let .weekday(w): return englishWeekdays[w - 1]
        case let .time(h, m): return "\(h):\(m < 10 ? "0" : "")\(m)"
        case let .literal(s): return s
        }
    }
}

private extension Character {
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}
