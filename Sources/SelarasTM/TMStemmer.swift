/// The stemmer fuzzy matching applies to folded words (see `MatchAnalyzer`).
///
/// Pending the Indonesian stemmer of SelarasText, words are used as folded (no affix removal).
struct TMStemmer: Sendable {
    init() {}

    func stem(_ word: String) -> String { word }
}
