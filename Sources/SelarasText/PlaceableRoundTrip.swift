/// A round-trip check of the placeable renderings, for the fuzzer and the tests: the English
/// rendering of every placeable found in an Indonesian text, read back by the English finder,
/// must be one placeable that covers the whole rendering and has a compatible value
/// (`Placeable.Value.isCompatible`). Match repair writes these renderings into translations, so a
/// rendering the English side reads differently (`tahun 2025` written "2,025") is a wrong number
/// in a translation.
public enum PlaceableRoundTrip {
    /// Placeables with more digits than this are not checked: their values pass `Decimal`'s 38
    /// significant digits once scaled (`triliun`), so the two sides round them differently. No
    /// news figure comes near it.
    public static let maximumDigits = 30

    /// The first placeable of `text` whose rendering does not read back, described, or nil.
    public static func disagreement(in text: String) -> String? {
        for p in PlaceableFinder.indonesian(in: text) {
            if p.text.unicodeScalars.reduce(0, { $0 + (("0"..."9").contains($1) ? 1 : 0) }) > maximumDigits { continue }
            let back = PlaceableFinder.english(in: p.english)
            guard back.count == 1, let b = back.first else {
                return "\(p.text.debugDescription) rendered \(p.english.debugDescription) reads back as \(back.count) placeables"
            }
            guard b.range == 0..<p.english.unicodeScalars.count else {
                return "\(p.text.debugDescription) rendered \(p.english.debugDescription) reads back as \(b.text.debugDescription) only"
            }
            guard b.value.isCompatible(with: p.value) else {
                return "\(p.text.debugDescription) (\(p.value)) rendered \(p.english.debugDescription) reads back as \(b.value)"
            }
        }
        return nil
    }
}
