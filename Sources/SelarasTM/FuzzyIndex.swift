import Foundation

/// The fuzzy index: every unit's key sequence (a forward index) and, for every key, the units that
/// hold it (an inverted index whose lists are sorted by unit length). Immutable; safe to share
/// between threads.
///
/// Candidate search is exact with respect to the token score `1 − d / max(n, m)` (d the token edit
/// distance): it follows prefix filtering (Chaudhuri, Ganti & Kaushik 2006, "A primitive operator
/// for similarity joins in data cleaning"; Xiao, Wang, Lin & Yu 2008, "Efficient similarity joins
/// for near duplicate detection"). A unit can reach similarity θ only if its length m lies in
/// [θn, n/θ] and it shares at least α = n − ⌊(1−θ)n⌋ tokens with the query; then it must share one
/// of the query's n − α + 1 rarest tokens. Only those tokens' lists are read, only within the length
/// range; each candidate then passes a count filter and a banded edit distance (Ukkonen 1985).
/// Work grows with the lengths of the rare tokens' lists, not with the size of the TM.
final class FuzzyIndex: @unchecked Sendable {
    // @unchecked: every stored property is immutable after init.
    let unitCount: Int
    /// Key → id.
    let vocabulary: [String: UInt32]
    /// Id → key.
    let keys: [String]
    /// Unit ordinal → start of its keys in `tokens` (unitCount + 1 entries).
    let tokenStart: [UInt32]
    let tokens: [UInt32]
    /// Key id → start of its list in `postings` (keys.count + 1 entries).
    let postingStart: [UInt32]
    /// Unit ordinals, per key, sorted by (unit length, ordinal); each unit once per key.
    let postings: [UInt32]

    static let unknown = UInt32.max

    init(keys: [String], tokenStart: [UInt32], tokens: [UInt32], postingStart: [UInt32], postings: [UInt32]) {
        self.keys = keys
        var v: [String: UInt32] = [:]
        v.reserveCapacity(keys.count)
        for (i, k) in keys.enumerated() { v[k] = UInt32(i) }
        vocabulary = v
        self.tokenStart = tokenStart
        self.tokens = tokens
        self.postingStart = postingStart
        self.postings = postings
        unitCount = tokenStart.count - 1
    }

    static let empty = FuzzyIndex(keys: [], tokenStart: [0], tokens: [], postingStart: [0], postings: [])

    @inline(__always) func length(_ unit: Int) -> Int { Int(tokenStart[unit + 1] - tokenStart[unit]) }

    func ids(for keys: [String]) -> [UInt32] { keys.map { vocabulary[$0] ?? Self.unknown } }

    /// The key ids of unit `ordinal`.
    func unitTokens(_ ordinal: Int) -> [UInt32] {
        Array(tokens[Int(tokenStart[ordinal])..<Int(tokenStart[ordinal + 1])])
    }

    struct Candidate: Hashable {
        var ordinal: Int
        var distance: Int
        var longest: Int
        /// 0–1: 1 − distance / longest.
        var similarity: Double { longest == 0 ? 1 : 1 - Double(distance) / Double(longest) }
    }

    /// Statistics of one search, for benchmarks and tests.
    struct SearchStats {
        var listsRead = 0
        var postingsRead = 0
        var candidates = 0
        var verified = 0
    }

    /// Units whose token similarity to `query` (key ids, `unknown` for keys not in the index) is at
    /// least `minSimilarity` (0–1).
    func search(_ query: [UInt32], minSimilarity: Double, stats: UnsafeMutablePointer<SearchStats>? = nil) -> [Candidate] {
        let n = query.count
        guard n > 0, unitCount > 0 else { return [] }
        let theta = min(max(minSimilarity, 0), 1)
        let slack = 1e-9
        let k = Int(((1 - theta) * Double(n)).rounded(.down) + slack)
        let alpha = n - k
        if theta <= 0 || alpha <= 0 { return exhaustive(query, minSimilarity: theta) }
        let minLength = max(1, Int((theta * Double(n) - slack).rounded(.up)))
        let maxLength = Int((Double(n) / theta + slack).rounded(.down))

        // The prefix: the query's n − α + 1 rarest tokens (unknown ones first: they match nothing).
        // More lists than the prefix are read when they are short: a unit found in lists carrying
        // weight c (query positions) among P probed positions shares at most c + (n − P) tokens with
        // the query, which must reach the overlap its length requires — most candidates are dropped
        // on that count alone, without reading their tokens.
        let prefixSize = n - alpha + 1
        let order = (0..<n).sorted { a, b in
            let fa = frequency(query[a]), fb = frequency(query[b])
            return fa != fb ? fa < fb : a < b
        }
        var weight: [UInt32: Int] = [:]
        for id in query where id != Self.unknown { weight[id, default: 0] += 1 }
        var probed = Set<UInt32>()
        var ranges: [(id: UInt32, from: Int, to: Int)] = []
        var probedPositions = 0
        var read = 0
        var minimalRead = 0
        for (k, p) in order.enumerated() {
            let id = query[p]
            if id != Self.unknown && probed.contains(id) { probedPositions += 1; continue }
            var from = 0, to = 0
            if id != Self.unknown {
                let lo = Int(postingStart[Int(id)]), hi = Int(postingStart[Int(id) + 1])
                from = lowerBound(lo, hi, length: minLength)
                to = lowerBound(from, hi, length: maxLength + 1)
            }
            if k >= prefixSize {
                // Beyond the prefix: only while the extra reading stays small.
                if read + (to - from) > max(2 * minimalRead, 4096) { break }
            }
            probedPositions += 1
            if id != Self.unknown {
                probed.insert(id)
                ranges.append((id, from, to))
                read += to - from
            }
            if k + 1 == prefixSize { minimalRead = read }
        }
        stats?.pointee.listsRead += ranges.count
        stats?.pointee.postingsRead += read
        if read == 0 { return [] }
        let outside = n - probedPositions

        // Weight per unit: an open-addressing table of (unit, weight).
        var size = 64
        while size < read * 2 { size <<= 1 }
        let mask = size - 1
        var slotsUnit = [UInt32](repeating: UInt32.max, count: size)
        var slotsWeight = [Int32](repeating: 0, count: size)
        var distinct = 0
        postings.withUnsafeBufferPointer { post in
            slotsUnit.withUnsafeMutableBufferPointer { units in
                slotsWeight.withUnsafeMutableBufferPointer { weights in
                    for r in ranges {
                        let w = Int32(weight[r.id] ?? 1)
                        for k in r.from..<r.to {
                            let u = post[k]
                            var h = Int(truncatingIfNeeded: u &* 2_654_435_761) & mask
                            while units[h] != UInt32.max && units[h] != u { h = (h + 1) & mask }
                            if units[h] == UInt32.max { units[h] = u; distinct += 1 }
                            weights[h] += w
                        }
                    }
                }
            }
        }
        stats?.pointee.candidates += distinct

        var bag = QueryBag(query)
        var out: [Candidate] = []
        query.withUnsafeBufferPointer { q in
            tokens.withUnsafeBufferPointer { all in
                for h in 0..<size where slotsUnit[h] != UInt32.max {
                    let u = slotsUnit[h]
                    let s = Int(tokenStart[Int(u)]), e = Int(tokenStart[Int(u) + 1])
                    let m = e - s
                    let longest = max(n, m)
                    let bound = Int(((1 - theta) * Double(longest)).rounded(.down) + slack)
                    let needed = longest - bound
                    if Int(slotsWeight[h]) + outside < needed { continue }
                    let unit = UnsafeBufferPointer(rebasing: all[s..<e])
                    if bag.overlap(unit, atLeast: needed) < needed { continue }
                    stats?.pointee.verified += 1
                    if let d = TokenLevenshtein.distance(q, unit, bound: bound) {
                        out.append(Candidate(ordinal: Int(u), distance: d, longest: longest))
                    }
                }
            }
        }
        return out
    }

    /// Every unit scored with the full edit distance: for checking `search`.
    func exhaustive(_ query: [UInt32], minSimilarity: Double) -> [Candidate] {
        let n = query.count
        var out: [Candidate] = []
        query.withUnsafeBufferPointer { q in
            tokens.withUnsafeBufferPointer { all in
                for u in 0..<unitCount {
                    let s = Int(tokenStart[u]), e = Int(tokenStart[u + 1])
                    let unit = UnsafeBufferPointer(rebasing: all[s..<e])
                    let d = TokenLevenshtein.distance(q, unit)
                    let c = Candidate(ordinal: u, distance: d, longest: max(n, e - s))
                    if c.longest > 0, c.similarity + 1e-9 >= minSimilarity { out.append(c) }
                }
            }
        }
        return out
    }

    @inline(__always) private func frequency(_ id: UInt32) -> Int {
        id == Self.unknown ? -1 : Int(postingStart[Int(id) + 1] - postingStart[Int(id)])
    }

    /// The first position in postings[lo..<hi] whose unit is at least `length` tokens long.
    private func lowerBound(_ lo: Int, _ hi: Int, length: Int) -> Int {
        var lo = lo, hi = hi
        while lo < hi {
            let mid = (lo + hi) / 2
            if self.length(Int(postings[mid])) < length { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// The query's keys with their counts, in a small open-addressing table, for the count filter.
struct QueryBag {
    private var ids: [UInt32]
    private var counts: [Int32]
    private var scratch: [Int32]
    private let mask: Int

    init(_ query: [UInt32]) {
        var size = 16
        while size < query.count * 2 { size <<= 1 }
        ids = [UInt32](repeating: FuzzyIndex.unknown, count: size)
        counts = [Int32](repeating: 0, count: size)
        scratch = counts
        mask = size - 1
        for id in query where id != FuzzyIndex.unknown {
            var h = Int(id &* 2_654_435_761) & mask
            while ids[h] != FuzzyIndex.unknown && ids[h] != id { h = (h + 1) & mask }
            ids[h] = id
            counts[h] += 1
        }
    }

    /// The size of the multiset intersection of the query and `unit`, computed until it is known
    /// to reach `needed` or known not to.
    mutating func overlap(_ unit: UnsafeBufferPointer<UInt32>, atLeast needed: Int) -> Int {
        if needed <= 0 { return needed }
        scratch = counts
        var shared = 0
        var left = unit.count
        for id in unit {
            left -= 1
            var h = Int(id &* 2_654_435_761) & mask
            while ids[h] != FuzzyIndex.unknown {
                if ids[h] == id {
                    if scratch[h] > 0 { scratch[h] -= 1; shared += 1 }
                    break
                }
                h = (h + 1) & mask
            }
            if shared >= needed { return shared }
            if shared + left < needed { return shared }
        }
        return shared
    }
}
