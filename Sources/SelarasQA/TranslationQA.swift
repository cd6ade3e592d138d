import Foundation
import SelarasCore
import SelarasGlossary
import SelarasText

/// Quality checks of one translation (machine translation or a TM fill) against its source, the
/// checks a reviewer runs first (in the spirit of Translate Toolkit's pofilter and Okapi's
/// CheckMate, for Indonesian → English):
///
/// - `number`: every number, amount, percentage, date and time of the source (`PlaceableFinder`,
///   Indonesian notation: `2.375.000`, `13/2`, `3,5 persen`; and the number words *dua* … *sembilan
///   belas*, *puluh*, *ratus*, *ribu* counts) is in the target in any English notation with the same
///   value (`2,375,000`, `13 February`, `3.5 percent`, *three*), and the target has no number the
///   source lacks;
/// - `term`: each glossary term found in the source has one of its translations in the target, and
///   no forbidden translation is used (`TerminologyChecker`'s matching: inflection, spelling
///   variants);
/// - `untranslated`: the target equals the source, or most of its lower-case words are words of the
///   source (names and numbers, which a translation copies, do not count);
/// - `omission` / `addition`: the length of the target against the source's, as the geometric mean
///   of the letter ratio and the word ratio, outside a range calibrated on PANL-BPPT news pairs
///   (`QAOptions`); sentences of fewer than four words are not judged by length;
/// - `tags`: inline tags (`<b>`, `</b>`, `<x/>`) and placeholders (`{1}`, `%s`, `%1$s`) occur as
///   often in the target as in the source.
public struct TranslationQA: Sendable {
    public var options: QAOptions

    public init(options: QAOptions = QAOptions()) {
        self.options = options
    }

    /// The findings for `target` as a translation of `source`, whose glossary hits are `terms`.
    public func check(source: String, target: String, terms: [TermHit] = []) -> [QAFinding] {
        var out: [QAFinding] = []
        // Tags and placeholders are checked on their own; the other checks read the text without them.
        let plainSource = Self.withoutTags(source), plainTarget = Self.withoutTags(target)
        let copied = untranslated(source: plainSource, target: plainTarget)
        if let copied { out.append(copied) }
        out += numbers(source: plainSource, target: plainTarget)
        if copied == nil {
            out += self.terms(terms, target: target)
            if let length = length(source: plainSource, target: plainTarget) { out.append(length) }
        }
        out += tags(source: source, target: target)
        return out
    }

    /// The text with tags and placeholders replaced by spaces.
    static func withoutTags(_ text: String) -> String {
        guard text.contains("<") || text.contains("{") || text.contains("%") else { return text }
        let ns = text as NSString
        return tagPattern.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: ns.length), withTemplate: " ")
    }

    // MARK: untranslated

    func untranslated(source: String, target: String) -> QAFinding? {
        let s = Self.fold(source), t = Self.fold(target)
        if s == t { return QAFinding(.untranslated, "the target is the source") }
        let sourceWords = Set(Self.words(source).map { $0.lowercased() })
        let candidates = Self.words(target).filter { w in
            guard let first = w.unicodeScalars.first else { return false }
            // Names and acronyms are copied by a translation; numbers are checked elsewhere.
            return CharacterSet.lowercaseLetters.contains(first)
        }
        guard candidates.count >= 3 else { return nil }
        let shared = candidates.filter { sourceWords.contains($0.lowercased()) }.count
        let share = Double(shared) / Double(candidates.count)
        if share >= options.copiedShare {
            return QAFinding(.untranslated, "\(Int((share * 100).rounded()))% of the target's words are the source's: not translated?")
        }
        return nil
    }

    // MARK: numbers

    /// The `number` check alone: every number, amount, percentage, date and time of the source must
    /// be in the target. Numbers only the target has are named when something of the source is
    /// missing (a changed number), but are not a finding on their own: translations often add a year
    /// or an age the source left implicit, and a number the source does not have is not a fact it
    /// states.
    public func numbers(source: String, target: String) -> [QAFinding] {
        var src = PlaceableFinder.indonesian(in: source).map { ($0.text, $0.value) }
        src += NumberWords.indonesian(in: source, excluding: src.map(\.1))
        var tgt = PlaceableFinder.english(in: target).map { ($0.text, $0.value) }
        tgt += NumberWords.english(in: target, excluding: tgt.map(\.1))
        var used = Array(repeating: false, count: tgt.count)
        var missing: [String] = []
        for (text, value) in src {
            if let k = tgt.indices.first(where: { !used[$0] && Self.sameQuantity(value, tgt[$0].1) }) {
                used[k] = true
            } else if tgt.indices.contains(where: { Self.sameQuantity(value, tgt[$0].1) }) {
                continue  // the same number twice in the source, once in the target: not a change
            } else {
                missing.append(text)
            }
        }
        guard !missing.isEmpty else { return [] }
        let extra = tgt.indices.filter { k in !used[k] && !src.contains(where: { Self.sameQuantity($0.1, tgt[k].1) }) }.map { tgt[$0].0 }
        var message = "\(missing.map { "'\($0)'" }.joined(separator: ", ")) of the source not in the target"
        if !extra.isEmpty { message += "; \(extra.map { "'\($0)'" }.joined(separator: ", ")) in the target not in the source" }
        return [QAFinding(.number, message)]
    }

    /// Equal values, or compatible dates and times, or the same number written as a bare number
    /// on one side and with a scale or unit on the other (a year, a count).
    static func sameQuantity(_ a: Placeable.Value, _ b: Placeable.Value) -> Bool {
        if a.isCompatible(with: b) || b.isCompatible(with: a) { return true }
        switch (a, b) {
        case let (.number(x), .amount(_, y)), let (.amount(_, x), .number(y)),
             let (.number(x), .percent(y)), let (.percent(x), .number(y)):
            return x == y
        case let (.amount(c1, x), .amount(c2, y)):
            return x == y && (c1 == c2 || c1.isEmpty || c2.isEmpty)
        case let (.date(d, _, y), .number(n)), let (.number(n), .date(d, _, y)):
            // A year or a day written with its month on one side and alone on the other.
            return y.map { Decimal($0) == n } ?? false || d.map { Decimal($0) == n } ?? false
        default:
            return false
        }
    }

    // MARK: terms

    func terms(_ hits: [TermHit], target: String) -> [QAFinding] {
        TerminologyChecker.findings(for: hits, target: target).map { QAFinding(.term, $0.description) }
    }

    // MARK: length

    func length(source: String, target: String) -> QAFinding? {
        let s = Self.words(source), t = Self.words(target)
        guard s.count >= options.minimumWords else { return nil }
        let letters = Double(t.reduce(0) { $0 + $1.count }) / Double(max(1, s.reduce(0) { $0 + $1.count }))
        let words = Double(t.count) / Double(s.count)
        let ratio = (letters * words).squareRoot()
        if ratio < options.lengthRatio.lowerBound {
            return QAFinding(.omission, "the target is short for the source (length ratio \(Self.two(ratio)), translations run \(Self.two(options.lengthRatio.lowerBound))–\(Self.two(options.lengthRatio.upperBound))): something left out?")
        }
        if ratio > options.lengthRatio.upperBound {
            return QAFinding(.addition, "the target is long for the source (length ratio \(Self.two(ratio)), translations run \(Self.two(options.lengthRatio.lowerBound))–\(Self.two(options.lengthRatio.upperBound))): something added?")
        }
        return nil
    }

    // MARK: tags

    func tags(source: String, target: String) -> [QAFinding] {
        let a = Self.tags(source), b = Self.tags(target)
        guard a != b else { return [] }
        var missing: [String] = [], extra: [String] = []
        for (tag, n) in a where (b[tag] ?? 0) < n { missing.append(tag) }
        for (tag, n) in b where (a[tag] ?? 0) < n { extra.append(tag) }
        var parts: [String] = []
        if !missing.isEmpty { parts.append("missing \(missing.sorted().joined(separator: " "))") }
        if !extra.isEmpty { parts.append("extra \(extra.sorted().joined(separator: " "))") }
        return [QAFinding(.tags, parts.joined(separator: "; "))]
    }

    static let tagPattern = try! NSRegularExpression(pattern: #"</?[A-Za-z][A-Za-z0-9:_-]*(?:\s[^<>]*)?/?>|\{\d+\}|%(?:\d+\$)?[sd@]"#)

    static func tags(_ text: String) -> [String: Int] {
        guard text.contains("<") || text.contains("{") || text.contains("%") else { return [:] }
        var out: [String: Int] = [:]
        let ns = text as NSString
        for m in tagPattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            var tag = ns.substring(with: m.range)
            if tag.hasPrefix("<"), let space = tag.firstIndex(where: { $0 == " " || $0 == "\t" }) {
                tag = String(tag[..<space]) + (tag.hasSuffix("/>") ? "/>" : ">")
            }
            out[tag, default: 0] += 1
        }
        return out
    }

    // MARK: helpers

    /// Words: runs of letters (and digits within them), as written.
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s.properties.isAlphabetic || (s.properties.numericType != nil && !current.isEmpty) {
                current.append(s)
            } else if !current.isEmpty {
                out.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }

    static func fold(_ text: String) -> String {
        TextNormalizer.matchKey(text).filter { $0.isLetter || $0.isNumber || $0 == " " }
    }

    static func two(_ x: Double) -> String { String(format: "%.2f", x) }
}

/// The thresholds of the checks, with the defaults calibrated on PANL-BPPT (see docs/outputs.md, "QA").
public struct QAOptions: Sendable, Hashable {
    /// Allowed target/source length ratio (geometric mean of letter and word ratios). On the 6,632
    /// PANL-BPPT pairs of four words or more, 0.6% of real translations fall below 0.60 and 0.3%
    /// above 2.0 (most of those are pairs whose English is not a translation of the Indonesian),
    /// while 93% of translations cut to half their words fall below 0.60.
    public var lengthRatio: ClosedRange<Double> = 0.60...2.0
    /// Sentences with fewer words are not judged by length.
    public var minimumWords = 4
    /// The share of a target's lower-case words found in the source above which it is called
    /// untranslated.
    public var copiedShare = 0.5

    public init() {}
}
