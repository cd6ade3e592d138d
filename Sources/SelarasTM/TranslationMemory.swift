import Foundation
import SelarasCore
import SelarasText

/// A sentence to look up, with its neighbours for in-context matches and its glossary hits for repair.
public struct TMQuery: Sendable, Hashable {
    public var text: String
    public var previous: String?
    public var next: String?
    public var terms: [TermHit]

    public init(text: String, previous: String? = nil, next: String? = nil, terms: [TermHit] = []) {
        self.text = text
        self.previous = previous
        self.next = next
        self.terms = terms
    }
}

/// An in-memory translation memory with exact and fuzzy lookup.
///
/// Foundation version: exact lookup by match key, fuzzy lookup as word-token Levenshtein similarity
/// (as OmegaT computes it: 100 × (1 − distance / max(token counts))) over candidates that share a
/// token with the query.
public final class TranslationMemory: Sendable {
    public let units: [TMUnit]
    private let exact: [String: [Int]]
    private let postings: [String: [Int]]
    private let tokens: [[String]]

    public init(units: [TMUnit]) {
        self.units = units
        var exact: [String: [Int]] = [:]
        var postings: [String: [Int]] = [:]
        var tokens: [[String]] = []
        tokens.reserveCapacity(units.count)
        for (i, u) in units.enumerated() {
            exact[TextNormalizer.matchKey(u.source), default: []].append(i)
            let t = Self.words(u.source)
            tokens.append(t)
            for w in Set(t) { postings[w, default: []].append(i) }
        }
        self.exact = exact
        self.postings = postings
        self.tokens = tokens
    }

    /// Loads every unit of the given TMX files; the issues name the file, line and tuid.
    public static func load(tmx urls: [URL], sourceLanguage: String = "id", targetLanguage: String = "en") throws -> (TranslationMemory, [TMXIssue]) {
        var units: [TMUnit] = []
        var issues: [TMXIssue] = []
        let reader = TMXReader(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        for url in urls {
            issues += try reader.read(url) { units.append($0) }
        }
        return (TranslationMemory(units: units), issues)
    }

    public var count: Int { units.count }

    /// Matches scoring at least `threshold` (0–100), best first, at most `max`.
    public func lookup(_ query: TMQuery, threshold: Double = 75, max: Int = 5) -> [TMMatch] {
        var results: [TMMatch] = []
        var seen = Set<Int>()
        for i in exact[TextNormalizer.matchKey(query.text)] ?? [] {
            let u = units[i]
            seen.insert(i)
            let kind: MatchKind = u.source == query.text ? .exact : .exactTextOnly
            results.append(TMMatch(score: kind == .exact ? 100 : 99, kind: kind, source: u.source, target: u.target,
                                   origin: origin(u)))
        }
        let q = Self.words(query.text)
        if !q.isEmpty {
            var candidates = Set<Int>()
            for w in Set(q) { candidates.formUnion(postings[w] ?? []) }
            for i in candidates where !seen.contains(i) {
                let t = tokens[i]
                let longer = Double(Swift.max(q.count, t.count))
                guard Double(Swift.min(q.count, t.count)) / longer * 100 >= threshold else { continue }
                let d = Self.levenshtein(q, t)
                let score = (100 * (1 - Double(d) / longer)).rounded()
                if score >= threshold {
                    let u = units[i]
                    results.append(TMMatch(score: Swift.min(score, 98), kind: .fuzzy, source: u.source, target: u.target,
                                           origin: origin(u)))
                }
            }
        }
        results.sort { ($0.kind, -$0.score, $0.source) < ($1.kind, -$1.score, $1.source) }
        return Array(results.prefix(max))
    }

    private func origin(_ u: TMUnit) -> String {
        u.tuid.map { "\(u.origin)#\($0)" } ?? u.origin
    }

    static func words(_ text: String) -> [String] {
        Tokenizer().tokenize(TextNormalizer.matchKey(text)).filter { $0.kind != .punctuation }.map(\.text)
    }

    static func levenshtein(_ a: [String], _ b: [String]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
