/// Surface cues of a sentence that the learned ranker and the boosts read.
enum SurfaceCues {
    /// Verbs of attribution in Indonesian news ("…," kata Zulkifli), bare and with -nya.
    static let attributionVerbs: Set<String> = {
        let verbs = ["kata", "ujar", "ucap", "tutur", "jelas", "ungkap", "tegas", "imbuh", "tambah", "lanjut", "terang",
                     "papar", "sebut", "tandas", "pungkas", "kilah", "akui", "klaim", "urai", "beber", "timpal", "seru"]
        return Set(verbs + verbs.map { $0 + "nya" })
    }()

    @inline(__always) static func isOpeningQuote(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x201C, 0x2018, 0x00AB: return true
        default: return false
        }
    }

    @inline(__always) static func isQuote(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x201C, 0x201D, 0x00AB, 0x00BB: return true
        default: return false
        }
    }

    static func startsWithQuote(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { $0.value < 0x80 ? $0.value != 0x20 && $0.value &- 0x09 >= 5 : !$0.properties.isWhitespace })
        else { return false }
        return isOpeningQuote(first)
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
        for c in text.unicodeScalars.reversed() {
            switch c.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x22, 0x27, 0x201D, 0x2019, 0x29, 0x5D: continue
            default: return c
            }
        }
        return nil
    }
}
