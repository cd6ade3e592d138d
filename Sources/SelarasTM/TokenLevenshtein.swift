/// Edit distances for fuzzy matching.
///
/// Token distance is the Levenshtein (1966) distance over token sequences, as OmegaT scores fuzzy
/// matches; the bounded form follows Ukkonen (1985, "Algorithms for approximate string matching"):
/// only the diagonal band of width 2k+1 is computed, and the computation stops as soon as every
/// cell of a row exceeds k.
enum TokenLevenshtein {
    /// The distance between `a` and `b`, or nil when it exceeds `bound`.
    static func distance(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, bound k: Int) -> Int? {
        let n = a.count, m = b.count
        if abs(n - m) > k { return nil }
        if n == 0 { return m <= k ? m : nil }
        if m == 0 { return n <= k ? n : nil }
        let big = k + 1
        // Row over b (0...m), only cells with |i - j| <= k are meaningful.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (m + 1)) { buf -> Int? in
            let prev = buf.baseAddress!
            let cur = prev + (m + 1)
            for j in 0...m { prev[j] = j <= k ? j : big }
            var p = prev, c = cur
            for i in 1...n {
                let lo = max(1, i - k), hi = min(m, i + k)
                c[lo - 1] = lo - 1 == 0 ? (i <= k ? i : big) : big
                var rowMin = c[lo - 1]
                let ai = a[i - 1]
                if lo <= hi {
                    for j in lo...hi {
                        var v = p[j - 1] + (ai == b[j - 1] ? 0 : 1)
                        let del = p[j] + 1
                        if del < v { v = del }
                        let ins = c[j - 1] + 1
                        if ins < v { v = ins }
                        if v > big { v = big }
                        c[j] = v
                        if v < rowMin { rowMin = v }
                    }
                }
                if hi < m { c[hi + 1] = big }
                if rowMin > k { return nil }
                swap(&p, &c)
            }
            let d = p[m]
            return d <= k ? d : nil
        }
    }

    /// The full distance (no bound), for exhaustive checking.
    static func distance(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Int {
        let n = a.count, m = b.count
        if n == 0 { return m }
        if m == 0 { return n }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (m + 1)) { buf -> Int in
            var p = buf.baseAddress!
            var c = p + (m + 1)
            for j in 0...m { p[j] = j }
            for i in 1...n {
                c[0] = i
                let ai = a[i - 1]
                for j in 1...m {
                    c[j] = min(p[j - 1] + (ai == b[j - 1] ? 0 : 1), p[j] + 1, c[j - 1] + 1)
                }
                swap(&p, &c)
            }
            return p[m]
        }
    }

    /// Levenshtein distance over any equatable sequences (tokens as strings, characters).
    static func distance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        let n = a.count, m = b.count
        if n == 0 { return m }
        if m == 0 { return n }
        var p = Array(0...m)
        var c = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            c[0] = i
            for j in 1...m {
                c[j] = min(p[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), p[j] + 1, c[j - 1] + 1)
            }
            swap(&p, &c)
        }
        return p[m]
    }

    /// An optimal alignment of `a` and `b` as pairs of indices (nil on one side for an insertion or
    /// deletion), in order.
    static func alignment<T: Equatable>(_ a: [T], _ b: [T]) -> [(Int?, Int?)] {
        let n = a.count, m = b.count
        var d = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in 0...n { d[i][0] = i }
        for j in 0...m { d[0][j] = j }
        if n > 0 && m > 0 {
            for i in 1...n {
                for j in 1...m {
                    d[i][j] = min(d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), d[i - 1][j] + 1, d[i][j - 1] + 1)
                }
            }
        }
        var out: [(Int?, Int?)] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            if i > 0, j > 0, d[i][j] == d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1) {
                out.append((i - 1, j - 1)); i -= 1; j -= 1
            } else if i > 0, d[i][j] == d[i - 1][j] + 1 {
                out.append((i - 1, nil)); i -= 1
            } else {
                out.append((nil, j - 1)); j -= 1
            }
        }
        return out.reversed()
    }

    /// Character-level similarity (0–1) of two strings, for breaking ties between equal token scores.
    static func characterSimilarity(_ a: String, _ b: String) -> Double {
        let x = Array(a.unicodeScalars.map(\.value)), y = Array(b.unicodeScalars.map(\.value))
        let longest = max(x.count, y.count)
        if longest == 0 { return 1 }
        if longest > 2000 { return x == y ? 1 : 0 }
        return 1 - Double(distance(x, y)) / Double(longest)
    }
}
