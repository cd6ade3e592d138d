import Foundation

/// Unit-length tf·idf vectors of an article's documents (its rankable sentences, then the headline),
/// each a list of (term id, weight) sorted by term id, stored back to back.
struct TermVectors {
    private var ids: [Int32] = []
    private var weights: [Double] = []
    /// Vector `d` is `ids[start[d]..<start[d + 1]]`.
    private var start: [Int] = [0]

    /// Vectors for `documents` (term ids in order of occurrence), over `terms` distinct terms; idf
    /// over these documents.
    init(_ documents: [[Int32]], terms: Int) {
        var df = [Int](repeating: 0, count: terms)
        var counts: [Int] = []
        var sorted: [Int32] = []
        for doc in documents {
            sorted.removeAll(keepingCapacity: true)
            sorted.append(contentsOf: doc)
            sorted.sort()
            var k = 0
            while k < sorted.count {
                let id = sorted[k]
                var run = 1
                while k + run < sorted.count, sorted[k + run] == id { run += 1 }
                ids.append(id)
                counts.append(run)
                df[Int(id)] += 1
                k += run
            }
            start.append(ids.count)
        }
        // idf depends on df alone, which is at most the number of documents: one log per value.
        let n = Double(max(documents.count, 1))
        let idfOfDF = (0...documents.count).map { 1 + log(n / Double($0)) }
        let idf = df.map { idfOfDF[$0] }
        weights = [Double](repeating: 0, count: ids.count)
        for d in 0..<documents.count {
            let range = start[d]..<start[d + 1]
            var sumOfSquares = 0.0
            for k in range {
                let w = Double(counts[k]) * idf[Int(ids[k])]
                weights[k] = w
                sumOfSquares += w * w
            }
            let norm = sqrt(sumOfSquares)
            if norm > 0 { for k in range { weights[k] /= norm } }
        }
    }

    /// Writes vector `d`'s weights into `dense` (indexed by term id, otherwise 0).
    func scatter(_ d: Int, into dense: inout [Double]) {
        for k in start[d]..<start[d + 1] { dense[Int(ids[k])] = weights[k] }
    }

    /// Sets `dense` back to 0 where `scatter(d, into:)` wrote.
    func clear(_ d: Int, in dense: inout [Double]) {
        for k in start[d]..<start[d + 1] { dense[Int(ids[k])] = 0 }
    }

    /// The dot product of vector `d` with the scattered vector `dense`, adding the products in
    /// ascending term id (terms missing from `dense` add an exact 0).
    @inline(__always)
    func dot(_ d: Int, _ dense: [Double]) -> Double {
        var s = 0.0
        ids.withUnsafeBufferPointer { ids in
            weights.withUnsafeBufferPointer { weights in
                dense.withUnsafeBufferPointer { dense in
                    for k in start[d]..<start[d + 1] { s += dense[Int(ids[k])] * weights[k] }
                }
            }
        }
        return s
    }
}
