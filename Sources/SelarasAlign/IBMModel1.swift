/// IBM Model 1 (Brown, Della Pietra, Della Pietra & Mercer 1993, "The mathematics of statistical
/// machine translation: parameter estimation", Computational Linguistics 19(2)): word translation
/// probabilities t(e | f) estimated by EM from sentence pairs, with the empty word on the source
/// side. The aligner uses it to learn word pairs the dictionary lacks from the pairs it is sure of
/// (its own first pass, and the TM), as hunalign's `-realign` does (Varga et al. 2005, "Parallel
/// corpora for medium density languages").
struct IBMModel1 {
    /// The word pairs (source key, target key) with t(e | f) ≥ `threshold`, whose source word occurs
    /// in at least `minCount` pairs.
    static func pairs(_ corpus: [([Int], [Int])], iterations: Int = 5, threshold: Double = 0.3, minCount: Int = 2) -> [(Int, Int)] {
        // Dense ids for source words (0 is the empty word) and an index for every co-occurring
        // (source, target) pair, so that EM runs over flat arrays.
        var sourceID: [Int: Int32] = [:]
        var sourceWords: [Int] = [0]
        var pairIndex: [Int: Int32] = [:]
        var pairSource: [Int32] = [], pairTarget: [Int] = []
        var occurrences: [Int32] = [0]
        // Per sentence pair: for each target word, the pair indices of every source word and the empty word.
        var cells: [[[Int32]]] = []
        cells.reserveCapacity(corpus.count)
        for (f, e) in corpus {
            var fs: [Int32] = [0]
            var seen = Set<Int32>()
            for w in f {
                let id: Int32
                if let known = sourceID[w] { id = known } else {
                    id = Int32(sourceWords.count); sourceID[w] = id; sourceWords.append(w); occurrences.append(0)
                }
                fs.append(id)
                if seen.insert(id).inserted { occurrences[Int(id)] += 1 }
            }
            cells.append(e.map { ew in
                fs.map { fid in
                    var h = Hasher(); h.combine(fid); h.combine(ew)
                    let key = h.finalize()
                    if let k = pairIndex[key] { return k }
                    let k = Int32(pairSource.count)
                    pairIndex[key] = k; pairSource.append(fid); pairTarget.append(ew)
                    return k
                }
            })
        }
        var t = [Double](repeating: 1, count: pairSource.count)
        for _ in 0..<iterations {
            var counts = [Double](repeating: 0, count: t.count)
            var totals = [Double](repeating: 0, count: sourceWords.count)
            for sentence in cells {
                for row in sentence {
                    var z = 0.0
                    for k in row { z += t[Int(k)] }
                    guard z > 0 else { continue }
                    for k in row {
                        let c = t[Int(k)] / z
                        counts[Int(k)] += c
                        totals[Int(pairSource[Int(k)])] += c
                    }
                }
            }
            for k in t.indices {
                let total = totals[Int(pairSource[k])]
                t[k] = total > 0 ? counts[k] / total : 0
            }
        }
        var out: [(Int, Int)] = []
        for k in t.indices where t[k] >= threshold {
            let f = Int(pairSource[k])
            if f != 0, occurrences[f] >= minCount { out.append((sourceWords[f], pairTarget[k])) }
        }
        return out
    }
}
