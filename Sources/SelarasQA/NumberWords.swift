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
    /// `ketiga` ... `kesepuluh`: the ke- forms name a count too. `kedua`/`keduanya` are left out:
    /// they are as often "both", "bilateral" or "the latter" as a count, and flag good translations.
    static let indonesianKe: [String: Int] = [
        "ketiga": 3, "ketiganya": 3, "keempat": 4, "kelima": 5, "keenam": 6, "ketujuh": 7,
        "kedelapan": 8, "kesembilan": 9, "kesepuluh": 10,
    ]
    static let englishOrdinals: [String: Int] = [
        "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
        "twice": 2, "double": 2, "both": 2, "twin": 2, "triple": 3, "tripled": 3, "doubled": 2, "trio": 3,
        "dozen": 12, "pair": 2,
    ]
    static let englishWords: [String: Int] = [
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    /// Counts in Indonesian words (with the words as written), leaving out values already found.
    /// Compounds are read whole: *dua puluh lima* (25), *duapuluh-lima*, *sembilan-puluh lima*,
    /// *tiga ratus*, *seratus dua puluh*; *ketigapuluh tujuh* ("the thirty-seven") too.
    static func indonesian(in text: String, excluding: [Placeable.Value]) -> [(String, Placeable.Value)] {
        let words = splitJoined(TranslationQA.words(text).map { $0.lowercased() })
        var out: [(String, Placeable.Value)] = []
        var i = 0
        while i < words.count {
            var value: Int?
            var span = 1
            if let (v, n) = cardinal(words, at: i) {
                if i + n < words.count, ["ribu", "juta", "miliar", "triliun"].contains(words[i + n]) {
                    value = nil  // a scale: the placeable finder reads "dua juta"
                } else {
                    value = v
                }
                span = n
            } else if let k = indonesianKe[words[i]] {
                value = k
            } else if words[i].hasPrefix("ke"), let n = Int(words[i].dropFirst(2)) {
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

    /// Words written together split: "duapuluh" → "dua" "puluh", "limabelas", "tigaratus";
    /// "ketigapuluh" → "tiga" "puluh".
    static func splitJoined(_ words: [String]) -> [String] {
        var out: [String] = []
        outer: for w in words {
            for scale in ["puluh", "belas", "ratus"] where w.hasSuffix(scale) && w.count > scale.count {
                var unit = w.dropLast(scale.count)
                if unit.hasPrefix("ke"), indonesianUnits[String(unit.dropFirst(2))] != nil { unit = unit.dropFirst(2) }
                if indonesianUnits[String(unit)] != nil {
                    out += [String(unit), scale]
                    continue outer
                }
            }
            out.append(w)
        }
        return out
    }

    /// The cardinal starting at `i` and the number of words it spans.
    static func cardinal(_ words: [String], at i: Int) -> (Int, Int)? {
        func next(_ k: Int) -> String? { k < words.count ? words[k] : nil }
        var value: Int
        var k = i
        if let u = indonesianUnits[words[i]] {
            switch next(i + 1) {
            case "belas": return (10 + u, 2)
            case "puluh":
                value = 10 * u; k = i + 2
                if let v = next(k).flatMap({ indonesianUnits[$0] }), next(k + 1) != "puluh", next(k + 1) != "belas", next(k + 1) != "ratus" {
                    value += v; k += 1
                }
                return (value, k - i)
            case "ratus": value = 100 * u; k = i + 2
            default: return (u, 1)
            }
        } else if words[i] == "sepuluh" {
            return (10, 1)
        } else if words[i] == "sebelas" {
            return (11, 1)
        } else if words[i] == "seratus" {
            value = 100; k = i + 1
        } else if words[i] == "seribu" {
            return (1000, 1)
        } else {
            return nil
        }
        // After a hundred: "tiga ratus dua puluh lima".
        if k < words.count, let (rest, n) = cardinal(words, at: k), rest < 100 {
            return (value + rest, k - i + n)
        }
        return (value, k - i)
    }

    /// Lower-cased runs of letters and digits ("14th", "3rd" stay whole).
    static func alphanumericWords(_ text: String) -> [String] {
        TranslationQA.words(text, digitsStart: true).map { $0.lowercased() }
    }

    /// Counts in English words (*three*, *twenty*), leaving out values already found.
    static func english(in text: String, excluding: [Placeable.Value]) -> [(String, Placeable.Value)] {
        var out: [(String, Placeable.Value)] = []
        let words = alphanumericWords(text)
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
            // "twenty five", "thirty-one", "two hundred", "three thousand"; a bare "hundred" ("several
            // hundred") is no count.
            if value >= 20 && value < 100, i + 1 < words.count, let u = words[i + 1] == "one" ? 1 : englishWords[words[i + 1]], u < 10 {
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
