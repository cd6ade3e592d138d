/// Surface cues of a sentence that the learned ranker and the boosts read.
enum SurfaceCues {
    /// Verbs of attribution in Indonesian news ("…," kata Zulkifli), bare and with -nya.
    static let attributionVerbs: Set<String> = {
        let verbs = ["kata", "ujar", "ucap", "tutur", "jelas", "ungkap", "tegas", "imbuh", "tambah", "lanjut", "terang",
                     "papar", "sebut", "tandas", "pungkas", "kilah", "akui", "klaim", "urai", "beber", "timpal", "seru"]
        return Set(verbs + verbs.map { $0 + "nya" })
    }()

    static let openingQuotes: Set<Unicode.Scalar> = ["\"", "“", "‘", "'", "«"]
    static let quotes: Set<Unicode.Scalar> = ["\"", "“", "”", "«", "»"]

    static func startsWithQuote(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { !$0.properties.isWhitespace }) else { return false }
        return openingQuotes.contains(first)
    }

    static func hasQuote(_ text: String) -> Bool {
        text.unicodeScalars.contains { quotes.contains($0) }
    }

    /// Share of word tokens, the first excepted, that start with a capital letter.
    static func capitalisedShare(_ scan: TermAnalyzer.Scan) -> Double {
        scan.wordTokens > 1 ? Double(scan.capitalisedWords) / Double(scan.wordTokens - 1) : 0
    }

    /// Share of tokens that are numbers.
    static func numberShare(_ scan: TermAnalyzer.Scan) -> Double {
        let content = scan.wordTokens + scan.numberTokens
        return content > 0 ? Double(scan.numberTokens) / Double(content) : 0
    }

    /// The last character that is not a space or a closing quote or bracket.
    static func finalMark(_ text: String) -> Unicode.Scalar? {
        text.unicodeScalars.reversed().first { !$0.properties.isWhitespace && !"\"”’')]".unicodeScalars.contains($0) }
    }
}
