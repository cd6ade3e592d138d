import Foundation
import SelarasText

/// Cardinal numbers written as words, which the placeable finder (digits) does not read: Indonesian
/// *dua* … *sembilan*, *sepuluh*, *sebelas*, *N belas*, *N puluh*, *seratus*, *N ratus*, *seribu*,
/// and English *two* … *twenty*, *thirty* … *ninety*, *hundred*, *thousand*. *Satu*/*one* are left
/// out on purpose: *salah satu* ("one of") and *one* as a pronoun are not counts, and checking them
/// flags good translations.
enum NumberWords {
    static let indonesianUnits: [String: Int] = [
        "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
    ]
    /// `kedua` ("both", "the two"), `ketiga` ... `kesepuluh`: the ke- forms name a count too.
    static let indonesianKe: [String: Int] = [
        "kedua": 2, "keduanya": 2, "ketiga": 3, "ketiganya": 3, "keempat": 4, "kelima": 5, "keenam": 6, "ketujuh": 7,
        "kedelapan": 8, "kesembilan": 9, "kesepuluh": 10,
    ]
    static let englishOrdinals: [String: Int] = [
        "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
        "twice": 2, "double": 2, "both": 2, "twin": 2, "triple": 3, "tripled": 3, "doubled": 2,
    ]
    static let englishWords: [String: Int] = [
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    /// Counts in Indonesian words (with the word as written), leaving out values already found.
    static func indonesian(in text: String, excluding: [Placeable.Value]) -> [(String, Placeable.Value)] {
        let words = TranslationQA.words(text).map { $0.lowercased() }
        var out: [(String, Placeable.Value)] = []
        var i = 0
        while i < words.count {
            let w = words[i]
            var value: Int?
            var span = 1
            if let u = indonesianUnits[w] {
                value = u
                if i + 1 < words.count {
                    switch words[i + 1] {
                    case "belas": value = 10 + u; span = 2
                    case "puluh": value = 10 * u; span = 2
                    case "ratus": value = 100 * u; span = 2
                    case "ribu", "juta", "miliar", "triliun": value = nil  // a scale: the placeable finder reads "dua juta"
                    default: break
                    }
                }
            } else if let k = indonesianKe[w] {
                value = k
            } else if w == "sepuluh" {
                value = 10
            } else if w == "sebelas" {
                value = 11
            } else if w == "seratus" {
                value = 100
            } else if w == "seribu" {
                value = 1000
            } else if w.hasPrefix("ke"), let n = Int(w.dropFirst(2)) {
                value = n  // "ke-14" split as "ke" "14" is read by the placeable finder; "ke14" rarely
            }
            if let value {
                let v = Placeable.Value.number(Decimal(value))
                if !excluding.contains(v) { out.append((words[i..<(i + span)].joined(separator: " "), v)) }
            }
            i += span
        }
        return out
    }

    /// Counts in English words (*three*, *twenty*), leaving out values already found.
    static func english(in text: String, excluding: [Placeable.Value]) -> [(String, Placeable.Value)] {
        var out: [(String, Placeable.Value)] = []
        let words = TranslationQA.words(text).map { $0.lowercased() }
        var i = 0
        while i < words.count {
            defer { i += 1 }
            // Ordinal digits: "14th", "3rd", "50th".
            let w = words[i]
            if let d = w.firstIndex(where: { !$0.isNumber }), d != w.startIndex, ["st", "nd", "rd", "th"].contains(String(w[d...])),
               let n = Int(w[..<d]) {
                let v = Placeable.Value.number(Decimal(n))
                if !excluding.contains(v) { out.append((w, v)) }
                continue
            }
            guard var value = englishWords[w] ?? englishOrdinals[w] else { continue }
            var text = w
            // "twenty five", "two hundred", "three thousand"; a bare "hundred" ("several hundred") is no count.
            if value >= 20 && value < 100, i + 1 < words.count, let u = englishWords[words[i + 1]], u < 10 {
                value += u; text += " " + words[i + 1]; i += 1
            }
            if value < 100, i + 1 < words.count, words[i + 1] == "hundred" || words[i + 1] == "thousand" {
                value *= words[i + 1] == "hundred" ? 100 : 1000; text += " " + words[i + 1]; i += 1
            }
            if i + 1 < words.count, ["million", "billion", "trillion"].contains(words[i + 1]) { continue }
            let v = Placeable.Value.number(Decimal(value))
            if !excluding.contains(v) { out.append((text, v)) }
        }
        return out
    }
}
