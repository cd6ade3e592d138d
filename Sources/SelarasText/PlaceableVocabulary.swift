import Foundation

/// Number words, month and weekday names, currencies: the vocabulary placeables are written in.
enum PlaceableVocabulary {
    /// Indonesian scale words and their powers of ten.
    static let indonesianScales: [(word: String, exponent: Int, english: String?)] = [
        ("ribu", 3, nil), ("rb", 3, nil), ("juta", 6, "million"), ("jt", 6, "million"),
        ("miliar", 9, "billion"), ("milyar", 9, "billion"), ("triliun", 12, "trillion"),
    ]

    static let englishScales: [(word: String, exponent: Int)] = [
        ("thousand", 3), ("million", 6), ("billion", 9), ("trillion", 12),
        ("mln", 6), ("bln", 9), ("bn", 9), ("tln", 12),
    ]

    static let englishScaleWord: [Int: String] = [6: "million", 9: "billion", 12: "trillion"]

    static let indonesianMonths: [(String, Int)] = [
        ("januari", 1), ("februari", 2), ("pebruari", 2), ("maret", 3), ("april", 4), ("mei", 5), ("juni", 6),
        ("juli", 7), ("agustus", 8), ("september", 9), ("oktober", 10), ("nopember", 11), ("november", 11),
        ("desember", 12), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("agu", 8),
        ("agt", 8), ("ags", 8), ("agst", 8), ("sep", 9), ("sept", 9), ("okt", 10), ("nov", 11), ("des", 12),
    ]

    static let englishMonths: [(String, Int)] = [
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7),
        ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9),
        ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    ]

    static let englishMonthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                    "September", "October", "November", "December"]

    static let indonesianWeekdays: [(String, Int)] = [
        ("senin", 1), ("selasa", 2), ("rabu", 3), ("kamis", 4), ("jumat", 5), ("jum'at", 5), ("jum’at", 5),
        ("sabtu", 6), ("minggu", 7), ("ahad", 7),
    ]

    static let englishWeekdays: [(String, Int)] = [
        ("monday", 1), ("tuesday", 2), ("wednesday", 3), ("thursday", 4), ("friday", 5), ("saturday", 6),
        ("sunday", 7), ("mon", 1), ("tue", 2), ("tues", 2), ("wed", 3), ("thu", 4), ("thur", 4), ("thurs", 4),
        ("fri", 5), ("sat", 6), ("sun", 7),
    ]

    static let englishWeekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Currency marks written before the number: (mark as written, ISO code, English mark).
    /// Longer marks first, so `US$` wins over `$`.
    static let currencyPrefixes: [(String, String, String)] = [
        ("US$", "USD", "US$"), ("USD", "USD", "US$"), ("S$", "SGD", "S$"), ("SGD", "SGD", "S$"),
        ("A$", "AUD", "A$"), ("AUD", "AUD", "A$"), ("HK$", "HKD", "HK$"), ("HKD", "HKD", "HK$"),
        ("Rp.", "IDR", "Rp"), ("Rp", "IDR", "Rp"), ("RP", "IDR", "Rp"), ("IDR", "IDR", "Rp"),
        ("RM", "MYR", "RM"), ("MYR", "MYR", "RM"), ("EUR", "EUR", "€"), ("€", "EUR", "€"),
        ("GBP", "GBP", "£"), ("£", "GBP", "£"), ("JPY", "JPY", "¥"), ("¥", "JPY", "¥"),
        ("CNY", "CNY", "CNY"), ("RMB", "CNY", "CNY"), ("KRW", "KRW", "KRW"), ("₩", "KRW", "KRW"),
        ("$", "USD", "$"),
    ]
    /// `currencyPrefixes` with each mark as scalars, so the scanner compares in place instead of
    /// building two arrays at every position it tries (which dominated the scanner's time).
    static let currencyPrefixScalars: [(mark: [Unicode.Scalar], code: String, englishMark: String)] =
        currencyPrefixes.map { (Array($0.0.unicodeScalars), $0.1, $0.2) }

    /// Indonesian currency words written after the number (lower case), longest first.
    static let indonesianCurrencyWords: [([String], String, String)] = [
        (["dolar", "amerika", "serikat"], "USD", "US$"), (["dollar", "amerika", "serikat"], "USD", "US$"),
        (["dolar", "as"], "USD", "US$"), (["dollar", "as"], "USD", "US$"), (["dolar", "amerika"], "USD", "US$"),
        (["dolar", "singapura"], "SGD", "S$"), (["dolar", "australia"], "AUD", "A$"),
        (["dolar"], "USD", "US$"), (["dollar"], "USD", "US$"), (["rupiah"], "IDR", "Rp"),
        (["euro"], "EUR", "€"), (["yen"], "JPY", "¥"), (["yuan"], "CNY", "CNY"), (["ringgit"], "MYR", "RM"),
        (["poundsterling"], "GBP", "£"), (["pound", "sterling"], "GBP", "£"), (["won"], "KRW", "KRW"),
    ]

    /// English currency words written after the number (lower case), longest first.
    static let englishCurrencyWords: [([String], String)] = [
        (["us", "dollars"], "USD"), (["u.s.", "dollars"], "USD"), (["dollars"], "USD"), (["dollar"], "USD"),
        (["rupiah"], "IDR"), (["euros"], "EUR"), (["euro"], "EUR"), (["yen"], "JPY"), (["yuan"], "CNY"),
        (["ringgit"], "MYR"), (["pounds"], "GBP"), (["won"], "KRW"),
    ]

    static let timeZones: Set<String> = ["WIB", "WITA", "WIT", "GMT", "UTC"]
}

/// English number notation.
enum EnglishNumber {
    /// Groups an integer digit string by thousands: "2375000" → "2,375,000".
    static func grouped(_ digits: String) -> String {
        let chars = Array(digits)
        var out = ""
        for (i, c) in chars.enumerated() {
            if i > 0 && (chars.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// "2375000" and "5" → "2,375,000.5".
    static func render(integer: String, fraction: String) -> String {
        let trimmed = String(integer.drop(while: { $0 == "0" }))
        let int = trimmed.isEmpty ? "0" : trimmed
        return fraction.isEmpty ? grouped(int) : grouped(int) + "." + fraction
    }

    /// A digit string with an optional fraction, times 10^exponent, grouped, every digit kept
    /// (the decimal point moved in the digits, not through `Decimal`, which rounded to six
    /// decimals): "1", "5", 3 → "1,500"; "22", "6044", 3 → "22,604.4".
    static func render(integer: String, fraction: String, exponent: Int) -> String {
        var digits = Array(integer + fraction)
        let point = integer.count + exponent
        while digits.count < point { digits.append("0") }
        var frac = digits[point...]
        while frac.last == "0" { frac = frac.dropLast() }
        return render(integer: String(digits[..<point]), fraction: String(frac))
    }

    /// The value of a digit string with an optional fraction, times 10^exponent.
    static func value(integer: String, fraction: String, exponent: Int = 0) -> Decimal {
        let text = fraction.isEmpty ? integer : integer + "." + fraction
        var d = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? 0
        if exponent > 0 {
            var scaled = Decimal()
            _ = NSDecimalMultiplyByPowerOf10(&scaled, &d, Int16(exponent), .plain)
            d = scaled
        }
        return d
    }
}
