import Foundation

/// A number, amount of money, percentage, date or time in a text: the parts of a sentence a
/// translator copies (converting the notation) rather than translates.
///
/// Found by `PlaceableFinder` in Indonesian text (`2.375.000`, `3,5 persen`, `Rp2,1 triliun`,
/// `13/2`, `Kamis (13/2)`, `13 Februari 2025`, `19.30 WIB`) and in English text (`2,375,000`,
/// `3.5 percent`, `Rp2.1 trillion`, `13 February`, `19:30 WIB`, `7.30 pm`). The same quantity in
/// either language has an equal `value`, so a placeable found in an Indonesian sentence can be
/// located in its English translation and replaced by another one's `english` rendering.
public struct Placeable: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case number, amount, percent, date, time
    }

    /// What the placeable means, independent of language and notation. Equal values mean the
    /// same quantity: `3,5 persen` and `3.5 percent` are both `.percent(3.5)`; `Rp2,1 triliun` and
    /// `Rp2.1 trillion` are both `.amount(currency: "IDR", 2100000000000)`.
    public enum Value: Sendable, Hashable {
        case number(Decimal)
        /// `currency` is an ISO 4217 code (IDR, USD, EUR, ...).
        case amount(currency: String, Decimal)
        case percent(Decimal)
        /// `month` is 1–12; `day` and `year` are nil when not written (`Februari 2025`, `13/2`).
        case date(day: Int?, month: Int, year: Int?)
        /// 24-hour clock; `zone` as written in capitals (WIB, WITA, WIT, GMT, UTC) or nil.
        case time(hour: Int, minute: Int, zone: String?)
    }

    public var kind: Kind
    /// The placeable as written.
    public var text: String
    /// Code-point offsets in the text it was found in.
    public var range: Range<Int>
    public var value: Value
    /// The placeable in English notation, as a translation should write it:
    /// `2.375.000` → `2,375,000`, `3,5 persen` → `3.5 percent`, `3,5%` → `3.5%`,
    /// `Rp2,1 triliun` → `Rp2.1 trillion`, `Rp 450 miliar` → `Rp450 billion`,
    /// `1,2 juta` → `1.2 million`, `10 ribu` → `10,000`, `13/2` → `13 February`,
    /// `Kamis (13/2)` → `Thursday (13 February)`, `13 Februari 2025` → `13 February 2025`,
    /// `19.30 WIB` → `19:30 WIB` (times are written on the 24-hour clock with a colon),
    /// `2025` → `2025` and `12500` → `12,500` (an ungrouped number keeps its digits up to four,
    /// or with a leading zero).
    /// For a placeable found in English text, its text as written.
    public var english: String
    /// Day of the week written with a date (1 = Monday ... 7 = Sunday), if any.
    public var weekday: Int?

    public init(kind: Kind, text: String, range: Range<Int>, value: Value, english: String, weekday: Int? = nil) {
        self.kind = kind
        self.text = text
        self.range = range
        self.value = value
        self.english = english
        self.weekday = weekday
    }
}

extension Placeable.Value {
    /// The kind of placeable this value belongs to.
    public var kind: Placeable.Kind {
        switch self {
        case .number: return .number
        case .amount: return .amount
        case .percent: return .percent
        case .date: return .date
        case .time: return .time
        }
    }

    /// Whether two values name the same thing when one of them leaves something out: a date
    /// without a year matches the same day and month with one (`13/2` and `13 February 2025`),
    /// a time without a zone matches the same time with one. Otherwise the same as `==`.
    public func isCompatible(with other: Placeable.Value) -> Bool {
        switch (self, other) {
        case let (.date(d1, m1, y1), .date(d2, m2, y2)):
            return m1 == m2 && (d1 == nil || d2 == nil || d1 == d2) && (y1 == nil || y2 == nil || y1 == y2)
        case let (.time(h1, n1, z1), .time(h2, n2, z2)):
            return h1 == h2 && n1 == n2 && (z1 == nil || z2 == nil || z1 == z2)
        default:
            return self == other
        }
    }
}
