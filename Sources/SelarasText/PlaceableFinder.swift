import Foundation

/// Finds placeables — numbers, amounts of money, percentages, dates and times — in Indonesian or
/// English text, with their values and English renderings.
///
/// Indonesian notation (`indonesian(in:)`): `.` groups thousands and `,` marks decimals
/// (`2.375.000`, `3,5`); a dot followed by one or two digits is read as a decimal point
/// (`1.5 liter`); scale words `ribu`, `juta`, `miliar`/`milyar`, `triliun`; `persen` or `%`;
/// currencies before (`Rp`, `Rp.`, `US$`, `S$`, `€`, ...) or after the number (`rupiah`,
/// `dolar AS`, `euro`, ...); dates `13/2`, `13/2/2025`, `13 Februari 2025`, `Februari 2025`,
/// with a weekday `Kamis (13/2)` or `Kamis, 13 Februari 2025`; times `19.30 WIB`, `19:30`,
/// `pukul 19.30` (the placeable is `19.30`).
///
/// English notation (`english(in:)`): `2,375,000`, `3.5`, `1.2 million`, `3.5 percent`, `3.5%`,
/// `Rp2.1 trillion`, `US$1.5 billion`, `1.5 billion dollars`, `13 February`, `13 February 2025`,
/// `February 13, 2025`, `Thursday (13 February)`, `19:30 WIB`, `7.30 pm`, `7:30 p.m.`.
///
/// Use: to carry a number from a new Indonesian sentence into the English translation of a
/// similar one (match repair), find the placeables of the old source (`indonesian(in:)`), those
/// of its English target (`english(in:)`), pair them by `value` (or `Value.isCompatible(with:)`),
/// and replace each paired target range by the `english` rendering of the new sentence's
/// placeable of the same kind:
///
/// ```swift
/// let old = PlaceableFinder.indonesian(in: "Inflasi naik 3,5 persen.")   // .percent(3.5)
/// let new = PlaceableFinder.indonesian(in: "Inflasi naik 4,2 persen.")   // english "4.2 percent"
/// let target = PlaceableFinder.english(in: "Inflation rose 3.5 percent.") // .percent(3.5), range 15..<26
/// // target[0].value == old[0].value, so replace 15..<26 in the target with new[0].english.
/// ```
///
/// Ranges are code-point offsets. Placeables never overlap and come in text order.
public enum PlaceableFinder {
    /// Placeables in Indonesian text.
    public static func indonesian(in text: String) -> [Placeable] {
        let scanner = PlaceableScanner(text)
        return scanner.all(english: false)
    }

    /// Placeables in English text (a translation), with `english` equal to their text.
    public static func english(in text: String) -> [Placeable] {
        let scanner = PlaceableScanner(text)
        return scanner.all(english: true)
    }
}
