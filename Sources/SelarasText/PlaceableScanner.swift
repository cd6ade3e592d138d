import Foundation

/// The scanner behind `PlaceableFinder` and the tokenizer.
struct PlaceableScanner {
    let s: [Unicode.Scalar]

    init(_ text: String) {
        s = Array(text.unicodeScalars)
    }

    init(scalars: [Unicode.Scalar]) {
        s = scalars
    }

    func all(english: Bool) -> [Placeable] {
        var out: [Placeable] = []
        var i = 0
        while i < s.count {
            if canStart(i), let p = english ? parseEnglish(at: i) : parseIndonesian(at: i) {
                out.append(p)
                i = p.range.upperBound
            } else {
                i += 1
            }
        }
        return out
    }

    /// Whether a placeable may start at `i`: not inside a word or a number.
    func canStart(_ i: Int) -> Bool {
        guard i < s.count else { return false }
        if i > 0 {
            let p = s[i - 1]
            if isLetter(p) || isDigit(p) { return false }
            // Inside a decimal or a version number (1.2.3), not a start.
            if (p == "." || p == ",") && i > 1 && isDigit(s[i - 2]) { return false }
        }
        let c = s[i]
        return isDigit(c) || isLetter(c) || "$€£¥₩".unicodeScalars.contains(c)
    }

    // MARK: character classes

    @inline(__always) func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
    @inline(__always) func isDigit(at i: Int) -> Bool { i < s.count && isDigit(s[i]) }
    @inline(__always) func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
        return c.properties.isAlphabetic
    }
    @inline(__always) func isLetter(at i: Int) -> Bool { i < s.count && isLetter(s[i]) }
    @inline(__always) func isSpace(at i: Int) -> Bool {
        i < s.count && (s[i] == " " || s[i] == "\u{00A0}" || s[i] == "\u{202F}" || s[i] == "\t")
    }

    func skipSpaces(_ i: Int) -> Int {
        var j = i
        while isSpace(at: j) { j += 1 }
        return j
    }

    func text(_ r: Range<Int>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s[r])
        return String(v)
    }

    /// The word (letters, with inner apostrophes and dots when `dots`) at `i`, lower-cased.
    func word(at i: Int, dots: Bool = false) -> (String, Int)? {
        guard isLetter(at: i) else { return nil }
        var j = i
        var out = ""
        while j < s.count {
            if isLetter(s[j]) { out.unicodeScalars.append(s[j]); j += 1; continue }
            if (s[j] == "'" || s[j] == "’") && isLetter(at: j + 1) { out.unicodeScalars.append(s[j]); j += 1; continue }
            if dots && s[j] == "." && isLetter(at: j + 1) { out.unicodeScalars.append(s[j]); j += 1; continue }
            break
        }
        return (out.lowercased(), j)
    }

    /// Matches a sequence of lower-case words separated by spaces at `i`; returns the end.
    func words(_ ws: [String], at i: Int) -> Int? {
        var j = i
        for (k, w) in ws.enumerated() {
            if k > 0 {
                guard isSpace(at: j) else { return nil }
                j = skipSpaces(j)
            }
            guard let (found, end) = word(at: j, dots: w.utf8.contains(UInt8(ascii: "."))), found == w else { return nil }
            j = end
        }
        return j
    }

    func lookup(_ table: [(String, Int)], _ w: String) -> Int? {
        table.first { $0.0 == w }?.1
    }

    // MARK: numbers

    struct Number {
        var integer: String
        var fraction: String
        var end: Int
        /// Written with group separators (2.375.000).
        var grouped: Bool
        /// Only digits (no separators, no fraction).
        var plain: Bool { !grouped && fraction.isEmpty }
        var digitsCount: Int
    }

    /// A number in Indonesian notation at `i`.
    func indonesianNumber(at i: Int) -> Number? {
        guard isDigit(at: i) else { return nil }
        var j = i
        var int = ""
        while isDigit(at: j) { int.unicodeScalars.append(s[j]); j += 1 }
        let firstRun = int.count
        var frac = ""
        var grouped = false
        func groupOf3(_ at: Int) -> Bool {
            isDigit(at: at) && isDigit(at: at + 1) && isDigit(at: at + 2) && !isDigit(at: at + 3)
        }
        if j < s.count, s[j] == ".", firstRun <= 3, groupOf3(j + 1) {
            // Thousands with dots: 2.375.000, then an optional decimal comma.
            while j < s.count, s[j] == ".", groupOf3(j + 1) {
                for k in 1...3 { int.unicodeScalars.append(s[j + k]) }
                j += 4
                grouped = true
            }
            if j < s.count, s[j] == ",", isDigit(at: j + 1) {
                j += 1
                while isDigit(at: j) { frac.unicodeScalars.append(s[j]); j += 1 }
            }
        } else if j < s.count, s[j] == ",", isDigit(at: j + 1) {
            // English-style thousands (two or more ,ddd groups) or a decimal comma.
            var k = j, groups = 0
            while k < s.count, s[k] == ",", groupOf3(k + 1) { k += 4; groups += 1 }
            if firstRun <= 3, groups >= 2, !(k < s.count && s[k] == "," && isDigit(at: k + 1)) {
                var m = j
                while m < k { for q in 1...3 { int.unicodeScalars.append(s[m + q]) }; m += 4 }
                j = k
                grouped = true
                if j < s.count, s[j] == ".", isDigit(at: j + 1) {
                    j += 1
                    while isDigit(at: j) { frac.unicodeScalars.append(s[j]); j += 1 }
                }
            } else {
                j += 1
                while isDigit(at: j) { frac.unicodeScalars.append(s[j]); j += 1 }
            }
        } else if j < s.count, s[j] == ".", isDigit(at: j + 1), !groupOf3(j + 1) {
            // A decimal point (1.5 liter), not a thousands group.
            var k = j + 1
            var f = ""
            while isDigit(at: k) { f.unicodeScalars.append(s[k]); k += 1 }
            if f.count <= 2 { frac = f; j = k }
        }
        // Part of something longer (1.2.3, 180.254.8.5, 12,5,6) or glued to letters (4G): not a number.
        if j < s.count, s[j] == "." || s[j] == "," || s[j] == "/" || s[j] == ":", isDigit(at: j + 1) {
            if !(s[j] == "/" || s[j] == ":") { return nil }
        }
        if isLetter(at: j) { return nil }
        // 1990-an, 5-an: a word, not a number.
        if j < s.count, s[j] == "-", isLetter(at: j + 1) { return nil }
        return Number(integer: int, fraction: frac, end: j, grouped: grouped, digitsCount: int.count)
    }

    /// A number in English notation at `i`: 2,375,000.5 / 3.5 / 1000.
    func englishNumber(at i: Int) -> Number? {
        guard isDigit(at: i) else { return nil }
        var j = i
        var int = ""
        while isDigit(at: j) { int.unicodeScalars.append(s[j]); j += 1 }
        var grouped = false
        var frac = ""
        func groupOf3(_ at: Int) -> Bool {
            isDigit(at: at) && isDigit(at: at + 1) && isDigit(at: at + 2) && !isDigit(at: at + 3)
        }
        if int.count <= 3 {
            while j < s.count, s[j] == ",", groupOf3(j + 1) {
                for k in 1...3 { int.unicodeScalars.append(s[j + k]) }
                j += 4
                grouped = true
            }
        }
        if j < s.count, s[j] == ".", isDigit(at: j + 1) {
            var k = j + 1
            var f = ""
            while isDigit(at: k) { f.unicodeScalars.append(s[k]); k += 1 }
            frac = f
            j = k
        }
        if j < s.count, s[j] == "." || s[j] == ",", isDigit(at: j + 1) { return nil }
        if isLetter(at: j) {
            // 7pm is a time; anything else glued to letters is not a number.
            if let (w, _) = word(at: j), w == "am" || w == "pm" { return Number(integer: int, fraction: frac, end: j, grouped: grouped, digitsCount: int.count) }
            return nil
        }
        return Number(integer: int, fraction: frac, end: j, grouped: grouped, digitsCount: int.count)
    }

    /// A scale word after the number at `i` (after optional spaces).
    func scale(at i: Int, english: Bool) -> (exponent: Int, end: Int, word: String)? {
        let j = skipSpaces(i)
        guard j > i || english == false else { return nil }
        guard j > i, let (w, end) = word(at: j) else { return nil }
        if english {
            if let e = PlaceableVocabulary.englishScales.first(where: { $0.word == w }) { return (e.exponent, end, w) }
        } else if let e = PlaceableVocabulary.indonesianScales.first(where: { $0.word == w }) {
            return (e.exponent, end, w)
        }
        return nil
    }

    /// English rendering of a number with an Indonesian scale: 1,2 juta → "1.2 million",
    /// 10 ribu → "10,000".
    func renderEnglish(_ n: Number, exponent: Int) -> String {
        if exponent == 0 { return EnglishNumber.render(integer: n.integer, fraction: n.fraction) }
        if let w = PlaceableVocabulary.englishScaleWord[exponent] {
            return EnglishNumber.render(integer: n.integer, fraction: n.fraction) + " " + w
        }
        return EnglishNumber.render(integer: n.integer, fraction: n.fraction, exponent: exponent)
    }

    // MARK: Indonesian

    func parseIndonesian(at i: Int) -> Placeable? {
        let c = s[i]
        if isLetter(c) {
            if let p = weekdayDate(at: i, english: false) { return p }
            if let p = monthYear(at: i, english: false) { return p }
        }
        if let p = prefixedAmount(at: i, english: false) { return p }
        guard isDigit(c) else { return nil }
        if let p = time(at: i, english: false) { return p }
        if let p = slashDate(at: i, english: false) { return p }
        if let p = dayMonthDate(at: i, english: false) { return p }
        guard let n = indonesianNumber(at: i) else { return nil }
        return quantity(n, at: i, english: false)
    }

    /// A number and what follows it: a scale word, a percent sign or word, a currency word.
    func quantity(_ n: Number, at i: Int, english: Bool) -> Placeable? {
        var end = n.end
        var exponent = 0
        var scaleWord: String?
        if let sc = scale(at: end, english: english) {
            exponent = sc.exponent
            end = sc.end
            scaleWord = sc.word
        }
        let value = EnglishNumber.value(integer: n.integer, fraction: n.fraction, exponent: exponent)
        let numberText = english ? text(i..<end) : renderEnglish(n, exponent: exponent)
        // Percent: 3,5% / 3,5 persen / 3.5 percent / 3.5 per cent.
        if end < s.count, s[end] == "%" {
            let e = end + 1
            return Placeable(kind: .percent, text: text(i..<e), range: i..<e, value: .percent(value),
                             english: english ? text(i..<e) : numberText + "%")
        }
        let afterSpace = skipSpaces(end)
        if afterSpace > end {
            if afterSpace < s.count, s[afterSpace] == "%" {
                let e = afterSpace + 1
                return Placeable(kind: .percent, text: text(i..<e), range: i..<e, value: .percent(value),
                                 english: english ? text(i..<e) : numberText + "%")
            }
            let percentWords: [[String]] = english ? [["percent"], ["per", "cent"], ["pct"]] : [["persen"], ["prosen"]]
            for pw in percentWords {
                if let e = words(pw, at: afterSpace) {
                    return Placeable(kind: .percent, text: text(i..<e), range: i..<e, value: .percent(value),
                                     english: english ? text(i..<e) : numberText + " percent")
                }
            }
            if english {
                for (ws, code) in PlaceableVocabulary.englishCurrencyWords {
                    if let e = words(ws, at: afterSpace) {
                        return Placeable(kind: .amount, text: text(i..<e), range: i..<e,
                                         value: .amount(currency: code, value), english: text(i..<e))
                    }
                }
            } else {
                for (ws, code, mark) in PlaceableVocabulary.indonesianCurrencyWords {
                    if let e = words(ws, at: afterSpace) {
                        return Placeable(kind: .amount, text: text(i..<e), range: i..<e,
                                         value: .amount(currency: code, value), english: mark + numberText)
                    }
                }
            }
        }
        _ = scaleWord
        // A bare number written without separators keeps its digits when it has four or fewer, or
        // a leading zero: `tahun 2025` is "2025", not "2,025"; `nomor 0812` keeps its zero.
        // Five or more digits are grouped as English writes quantities (12500 → "12,500").
        let asWritten = !english && exponent == 0 && n.plain && (n.digitsCount <= 4 || n.integer.hasPrefix("0"))
        return Placeable(kind: .number, text: text(i..<end), range: i..<end, value: .number(value),
                         english: asWritten ? n.integer : numberText)
    }

    /// A currency mark, then a number: Rp2,1 triliun / Rp 450 miliar / US$1,5 miliar / Rp2.1 trillion.
    func prefixedAmount(at i: Int, english: Bool) -> Placeable? {
        guard i < s.count else { return nil }
        let first = s[i]
        for (m, code, englishMark) in PlaceableVocabulary.currencyPrefixScalars {
            guard m[0] == first, i + m.count <= s.count, s[i..<(i + m.count)].elementsEqual(m) else { continue }
            var j = i + m.count
            // A letter right after a mark of letters means a word (RMB..., Rpx), not an amount.
            if isLetter(at: j), isLetter(m.last!) { continue }
            j = skipSpaces(j)
            guard let n = english ? englishNumber(at: j) : indonesianNumber(at: j) else { continue }
            var end = n.end
            var exponent = 0
            if let sc = scale(at: end, english: english) { exponent = sc.exponent; end = sc.end }
            let value = EnglishNumber.value(integer: n.integer, fraction: n.fraction, exponent: exponent)
            let rendered = english ? text(i..<end) : englishMark + renderEnglish(n, exponent: exponent)
            return Placeable(kind: .amount, text: text(i..<end), range: i..<end,
                             value: .amount(currency: code, value), english: rendered)
        }
        return nil
    }

    /// 19.30 WIB / 19:30 / pukul 19.30 / 7.30 pm / 7:30 p.m.
    func time(at i: Int, english: Bool) -> Placeable? {
        var j = i
        var hourDigits = ""
        while isDigit(at: j), hourDigits.count < 3 { hourDigits.unicodeScalars.append(s[j]); j += 1 }
        guard (1...2).contains(hourDigits.count), let hour = Int(hourDigits) else { return nil }
        var minute = 0
        var separator: Unicode.Scalar?
        if j < s.count, s[j] == "." || s[j] == ":", isDigit(at: j + 1), isDigit(at: j + 2), !isDigit(at: j + 3) {
            separator = s[j]
            minute = Int(text((j + 1)..<(j + 3)))!
            j += 3
        }
        guard minute <= 59 else { return nil }
        if j < s.count, s[j] == "." || s[j] == ",", isDigit(at: j + 1) { return nil }
        // am / pm (English), then a zone.
        var afterSpace = skipSpaces(j)
        var h24 = hour
        var meridiem = false
        if english, let (w, e) = word(at: afterSpace, dots: true), ["am", "pm", "a.m", "p.m"].contains(w) {
            guard (1...12).contains(hour) else { return nil }
            meridiem = true
            h24 = (w.hasPrefix("p") ? (hour % 12) + 12 : hour % 12)
            j = e
            if j < s.count, s[j] == ".", w.utf8.contains(UInt8(ascii: ".")) { j += 1 }
            afterSpace = skipSpaces(j)
        }
        guard h24 <= 24 else { return nil }
        var zone: String?
        if afterSpace > j || afterSpace == j, let (w, e) = word(at: afterSpace), PlaceableVocabulary.timeZones.contains(w.uppercased()),
           text(afterSpace..<e) == w.uppercased() {
            zone = w.uppercased()
            if afterSpace > j || true { j = e }
        }
        let cue = previousWord(before: i).map { ["pukul", "jam", "pkl", "at"].contains($0) } ?? false
        guard separator != nil || meridiem else { return nil }
        guard meridiem || zone != nil || separator == ":" || cue else { return nil }
        if english && !meridiem && separator == "." && zone == nil { return nil }
        let value = Placeable.Value.time(hour: h24, minute: minute, zone: zone)
        let hh = h24 < 10 ? "0\(h24)" : "\(h24)"
        let mm = minute < 10 ? "0\(minute)" : "\(minute)"
        let rendered = english ? text(i..<j) : "\(hh):\(mm)" + (zone.map { " " + $0 } ?? "")
        return Placeable(kind: .time, text: text(i..<j), range: i..<j, value: value, english: rendered)
    }

    /// The word just before `i` (skipping spaces), lower-cased.
    func previousWord(before i: Int) -> String? {
        var j = i
        while j > 0, s[j - 1] == " " || s[j - 1] == "\u{00A0}" { j -= 1 }
        var k = j
        while k > 0, isLetter(s[k - 1]) { k -= 1 }
        return k < j ? text(k..<j).lowercased() : nil
    }

    /// 13/2, 13/2/2025, 13/2/25 (day/month).
    func slashDate(at i: Int, english: Bool) -> Placeable? {
        guard let (day, month, year, end) = dayMonthSlash(at: i) else { return nil }
        let rendered = english ? text(i..<end) : Self.englishDate(day: day, month: month, year: year)
        return Placeable(kind: .date, text: text(i..<end), range: i..<end,
                         value: .date(day: day, month: month, year: year), english: rendered)
    }

    func dayMonthSlash(at i: Int) -> (Int, Int, Int?, Int)? {
        var j = i
        func digits(max: Int) -> String? {
            var d = ""
            while isDigit(at: j), d.count < max + 1 { d.unicodeScalars.append(s[j]); j += 1 }
            return d.isEmpty || d.count > max ? nil : d
        }
        guard let d = digits(max: 2), j < s.count, s[j] == "/" else { return nil }
        j += 1
        guard let m = digits(max: 2), let day = Int(d), let month = Int(m), (1...31).contains(day), (1...12).contains(month) else { return nil }
        var year: Int?
        if j < s.count, s[j] == "/", isDigit(at: j + 1) {
            j += 1
            // Four-digit years in 1000–2999, as `fourDigitYear` reads them in English (13 February 2025).
            guard let y = digits(max: 4), y.count == 2 || y.count == 4, let yv = Int(y),
                  y.count == 2 || (1000...2999).contains(yv) else { return nil }
            year = y.count == 2 ? 2000 + yv : yv
        }
        if j < s.count, s[j] == "/" || s[j] == "." || s[j] == ",", isDigit(at: j + 1) { return nil }
        if isLetter(at: j) { return nil }
        return (day, month, year, j)
    }

    /// 13 Februari 2025 / 13 Februari / 13 February 2025 / 13 Feb.
    func dayMonthDate(at i: Int, english: Bool) -> Placeable? {
        var j = i
        var d = ""
        while isDigit(at: j), d.count < 3 { d.unicodeScalars.append(s[j]); j += 1 }
        guard (1...2).contains(d.count), let day = Int(d), (1...31).contains(day), isSpace(at: j) else { return nil }
        j = skipSpaces(j)
        guard let (w, wEnd) = word(at: j), let month = lookup(english ? PlaceableVocabulary.englishMonths : PlaceableVocabulary.indonesianMonths, w) else { return nil }
        // "13 mar" in lower case is not a date; full names may be lower case.
        let written = text(j..<wEnd)
        if w.count <= 4 && written.first.map({ !$0.isUppercase }) ?? true { return nil }
        var end = wEnd
        if end < s.count, s[end] == ".", w.count <= 4 { end += 1 }
        var year: Int?
        let ys = skipSpaces(end)
        if ys > end, let y = fourDigitYear(at: ys) { year = y; end = ys + 4 }
        let rendered = english ? text(i..<end) : Self.englishDate(day: day, month: month, year: year)
        return Placeable(kind: .date, text: text(i..<end), range: i..<end,
                         value: .date(day: day, month: month, year: year), english: rendered)
    }

    func fourDigitYear(at i: Int) -> Int? {
        guard isDigit(at: i), isDigit(at: i + 1), isDigit(at: i + 2), isDigit(at: i + 3), !isDigit(at: i + 4),
              !isLetter(at: i + 4), let y = Int(text(i..<(i + 4))), (1000...2999).contains(y) else { return nil }
        if i + 5 < s.count, s[i + 4] == "." || s[i + 4] == ",", isDigit(at: i + 5) { return nil }
        return y
    }

    /// Februari 2025 / February 2025 / February 13, 2025 / Feb. 13.
    func monthYear(at i: Int, english: Bool) -> Placeable? {
        // A month name is capitalised: tested first, so most words are never built.
        guard i < s.count, s[i].properties.isUppercase, let (w, wEnd) = word(at: i) else { return nil }
        let table = english ? PlaceableVocabulary.englishMonths : PlaceableVocabulary.indonesianMonths
        guard let month = lookup(table, w) else { return nil }
        var j = wEnd
        if j < s.count, s[j] == ".", w.count <= 4 { j += 1 }
        let k = skipSpaces(j)
        guard k > j else { return nil }
        if english, isDigit(at: k), !(fourDigitYear(at: k) != nil) {
            // February 13[, 2025]
            var m = k
            var d = ""
            while isDigit(at: m), d.count < 3 { d.unicodeScalars.append(s[m]); m += 1 }
            guard (1...2).contains(d.count), let day = Int(d), (1...31).contains(day), !isLetter(at: m) || (word(at: m).map { ["st", "nd", "rd", "th"].contains($0.0) } ?? false) else { return nil }
            if let (suffix, e) = word(at: m), ["st", "nd", "rd", "th"].contains(suffix) { m = e }
            var end = m
            var year: Int?
            if m < s.count, s[m] == "," {
                let ys = skipSpaces(m + 1)
                if let y = fourDigitYear(at: ys) { year = y; end = ys + 4 }
            } else {
                let ys = skipSpaces(m)
                if ys > m, let y = fourDigitYear(at: ys) { year = y; end = ys + 4 }
            }
            return Placeable(kind: .date, text: text(i..<end), range: i..<end,
                             value: .date(day: day, month: month, year: year), english: text(i..<end))
        }
        // Month and year: full month names only (Mei 2025, not "mar 2025").
        guard w.count >= 3, let year = fourDigitYear(at: k) else { return nil }
        if !english && w.count <= 4 && !["mei", "juni", "juli"].contains(w) { return nil }
        let end = k + 4
        let rendered = english ? text(i..<end) : "\(PlaceableVocabulary.englishMonthNames[month - 1]) \(year)"
        return Placeable(kind: .date, text: text(i..<end), range: i..<end,
                         value: .date(day: nil, month: month, year: year), english: rendered)
    }

    /// Kamis (13/2) / Kamis, 13 Februari 2025 / Thursday (13 February) / Thursday, February 13.
    func weekdayDate(at i: Int, english: Bool) -> Placeable? {
        guard i < s.count, s[i].properties.isUppercase, let (w, wEnd) = word(at: i),
              let weekday = lookup(english ? PlaceableVocabulary.englishWeekdays : PlaceableVocabulary.indonesianWeekdays, w)
        else { return nil }
        var j = wEnd
        if english, j < s.count, s[j] == ".", w.count <= 4 { j += 1 }
        var comma = false
        if j < s.count, s[j] == "," { comma = true; j += 1 }
        let k = skipSpaces(j)
        guard k > j || comma || (k < s.count && s[k] == "(") else { return nil }
        let weekdayName = PlaceableVocabulary.englishWeekdayNames[weekday - 1]
        if k < s.count, s[k] == "(" {
            let inner = k + 1
            var found: Placeable?
            if english {
                found = dayMonthDate(at: inner, english: true) ?? monthYear(at: inner, english: true) ?? slashDate(at: inner, english: true)
            } else {
                found = slashDate(at: inner, english: false) ?? dayMonthDate(at: inner, english: false)
            }
            guard var p = found, p.range.upperBound < s.count, s[p.range.upperBound] == ")" else { return nil }
            let end = p.range.upperBound + 1
            let rendered = english ? text(i..<end) : "\(weekdayName) (\(p.english))"
            p = Placeable(kind: .date, text: text(i..<end), range: i..<end, value: p.value, english: rendered, weekday: weekday)
            return p
        }
        let found: Placeable?
        if english {
            found = dayMonthDate(at: k, english: true) ?? monthYear(at: k, english: true)
        } else {
            found = dayMonthDate(at: k, english: false) ?? slashDate(at: k, english: false)
        }
        guard let p = found else { return nil }
        let end = p.range.upperBound
        let rendered = english ? text(i..<end) : "\(weekdayName)\(comma ? "," : "") \(p.english)"
        return Placeable(kind: .date, text: text(i..<end), range: i..<end, value: p.value, english: rendered, weekday: weekday)
    }

    static func englishDate(day: Int?, month: Int, year: Int?) -> String {
        var out = ""
        if let day { out = "\(day) " }
        out += PlaceableVocabulary.englishMonthNames[month - 1]
        if let year { out += " \(year)" }
        return out
    }

    // MARK: English

    func parseEnglish(at i: Int) -> Placeable? {
        let c = s[i]
        if isLetter(c) {
            if let p = weekdayDate(at: i, english: true) { return p }
            if let p = monthYear(at: i, english: true) { return p }
        }
        if let p = prefixedAmount(at: i, english: true) { return p }
        guard isDigit(c) else { return nil }
        if let p = time(at: i, english: true) { return p }
        if let p = dayMonthDate(at: i, english: true) { return p }
        guard let n = englishNumber(at: i) else { return nil }
        return quantity(n, at: i, english: true)
    }
}
