import Foundation

/// Builds a `FuzzyIndex` from units appended in ordinal order (as texts, as terms of its interner,
/// or as keys). Units are held as terms (`KeyInterner`); `build()` resolves them to keys once.
struct FuzzyIndexBuilder {
    let interner: KeyInterner
    private var tokenStart: [UInt32] = [0]
    /// Terms of every unit, back to back (key ids after `build`).
    private var tokens: [UInt32] = []

    init(interner: KeyInterner = KeyInterner()) {
        self.interner = interner
    }

    var count: Int { tokenStart.count - 1 }
    var tokenCount: Int { tokens.count }

    mutating func reserve(units: Int, tokens t: Int) {
        tokenStart.reserveCapacity(units + 1)
        tokens.reserveCapacity(t)
        HugePages.advise(capacityOf: &tokens)
    }

    /// Appends a unit by its source text; returns its token count and context key.
    @discardableResult
    mutating func add(text: String) -> (Int, UInt64) {
        let before = tokens.count
        let context = interner.terms(of: text, appendingTo: &tokens)
        tokenStart.append(UInt32(tokens.count))
        return (tokens.count - before, context)
    }

    /// Appends a unit given as terms of this builder's interner.
    mutating func add<C: Collection>(terms: C) where C.Element == UInt32 {
        tokens.append(contentsOf: terms)
        tokenStart.append(UInt32(tokens.count))
    }

    /// Marks, in `tokens`, a term of the reading thread's interner (see `add(_ batch:)`).
    private static let foreignBit: UInt32 = 0x8000_0000
    /// The key (as a string) of each term of the reading thread's interner, in term order: stemmed
    /// here, as batches bring their new words.
    private var foreignKeys: [String] = []
    /// New words of the reading thread's interner not stemmed yet.
    private var foreignWords: [String] = []

    /// Appends every unit of a batch: with the terms the reading thread computed (with its own
    /// interner, see `UnitPipe.start`; the batch brings the words new to that interner), or
    /// computed here with this builder's interner. New words are stemmed as batches come, once the
    /// stemmer has loaded (`TMStemmer.prepareInBackground`; never waiting for it), so that little
    /// is left to stem when the index is built.
    mutating func add(_ batch: inout UnitBatch) {
        let foreign = batch.termsComputed
        if foreign {
            foreignWords.append(contentsOf: batch.newWords)
        } else {
            batch.computeTerms(interner)
        }
        if TMStemmer.isLoaded { stemNewWords() }
        let start = tokens.count
        tokens.append(contentsOf: batch.terms)
        if foreign {
            tokens.withUnsafeMutableBufferPointer { t in
                for i in start..<t.count { t[i] |= Self.foreignBit }
            }
        }
        for end in batch.termEnds { tokenStart.append(UInt32(start) + end) }
    }

    /// Stems the words not stemmed yet, of both interners.
    private mutating func stemNewWords() {
        interner.stemAll()
        if foreignWords.isEmpty { return }
        if foreignKeys.isEmpty { foreignKeys = KeyInterner.initialKeys(interner.stem) }
        for w in foreignWords { foreignKeys.append(interner.stem(w)) }
        foreignWords.removeAll(keepingCapacity: true)
    }

    /// Removes the last `k` units.
    mutating func removeLast(_ k: Int) {
        guard k > 0 else { return }
        tokenStart.removeLast(k)
        tokens.removeLast(tokens.count - Int(tokenStart.last!))
    }

    /// Appends a unit given as key strings.
    mutating func add(_ unitKeys: [String]) {
        for k in unitKeys { tokens.append(interner.term(forKey: k)) }
        tokenStart.append(UInt32(tokens.count))
    }

    /// The index (call once: the builder's terms become key ids).
    mutating func build() -> FuzzyIndex {
        let (keys, tokenStart, tokens) = resolved()
        return Self.index(keys: keys, tokenStart: tokenStart, tokens: tokens)
    }

    /// The keys, and the units as key ids (the forward index), without the inverted lists (call
    /// once: the builder's terms become key ids).
    mutating func resolved() -> (keys: [String], tokenStart: [UInt32], tokens: [UInt32]) {
        stemNewWords()
        let keyOfTerm = interner.resolve().keyOfTerm
        let keyOfForeign = interner.keyIDs(of: foreignKeys)
        let keys = interner.resolve().keys
        keyOfTerm.withUnsafeBufferPointer { k in
            keyOfForeign.withUnsafeBufferPointer { f in
                tokens.withUnsafeMutableBufferPointer { t in
                    for i in t.indices {
                        let x = t[i]
                        t[i] = x & Self.foreignBit == 0 ? k[Int(x)] : f[Int(x & ~Self.foreignBit)]
                    }
                }
            }
        }
        return (keys, tokenStart, tokens)
    }

    static func index(keys: [String], tokenStart: [UInt32], tokens: [UInt32], parts: Int? = nil) -> FuzzyIndex {
        let (postingStart, postings) = lists(keyCount: keys.count, tokenStart: tokenStart, tokens: tokens, parts: parts)
        return FuzzyIndex(keys: keys, tokenStart: tokenStart, tokens: tokens, postingStart: postingStart, postings: postings)
    }

    /// The inverted lists for units given as key ids.
    ///
    /// A counting sort: units are ordered by length, then each key's list is filled in that order.
    /// Large indexes are built by two threads, each taking half of the ordered units: each counts
    /// its units' keys, so the second half's place in every list is known, and then both fill their
    /// places at the same time (they never write the same element).
    static func lists(keyCount v: Int, tokenStart: [UInt32], tokens: [UInt32], parts: Int? = nil)
        -> (postingStart: [UInt32], postings: [UInt32]) {
        let units = tokenStart.count - 1
        let parts = max(1, min(parts ?? (tokens.count >= 1 << 16 ? 2 : 1), max(units, 1)))
        var postingStart = [UInt32](repeating: 0, count: v + 1)
        var postings: [UInt32] = []
        tokenStart.withUnsafeBufferPointer { starts in
            tokens.withUnsafeBufferPointer { toks in
                // Units ordered by length (stable), so that every list comes out sorted by (length, ordinal).
                var maxLength = 0
                for u in 0..<units { maxLength = max(maxLength, Int(starts[u + 1] &- starts[u])) }
                var byLength = [Int](repeating: 0, count: maxLength + 2)
                for u in 0..<units { byLength[Int(starts[u + 1] &- starts[u]) + 1] += 1 }
                for l in 0..<(maxLength + 1) { byLength[l + 1] += byLength[l] }
                let ordered = UnsafeMutablePointer<UInt32>.allocate(capacity: max(units, 1))
                let rank = UnsafeMutablePointer<UInt32>.allocate(capacity: max(units, 1))
                defer { ordered.deallocate(); rank.deallocate() }
                for u in 0..<units {
                    let l = Int(starts[u + 1] &- starts[u])
                    ordered[byLength[l]] = UInt32(u)
                    rank[u] = UInt32(byLength[l])
                    byLength[l] += 1
                }
                // Part p takes the units ranked in [bound[p], bound[p + 1]).
                let bound = (0...parts).map { UInt32(units * $0 / parts) }
                let counts = UnsafeMutablePointer<UInt32>.allocate(capacity: max(v, 1) * parts)
                let seen = UnsafeMutablePointer<UInt32>.allocate(capacity: max(v, 1) * parts)
                defer { counts.deallocate(); seen.deallocate() }
                counts.initialize(repeating: 0, count: max(v, 1) * parts)
                let shared = Shared(starts: starts, tokens: toks, ordered: ordered, rank: rank, counts: counts, seen: seen)
                // Pass 1: each part counts, per key, its units holding the key (each unit once), in
                // ordinal order (the tokens are read front to back).
                DispatchQueue.concurrentPerform(iterations: parts) { p in
                    let c = shared.counts + p * max(v, 1), last = shared.seen + p * max(v, 1)
                    last.initialize(repeating: UInt32.max, count: v)
                    let lo = bound[p], hi = bound[p + 1]
                    for u in 0..<units where shared.rank[u] >= lo && shared.rank[u] < hi {
                        let u32 = UInt32(u)
                        for t in Int(shared.starts[u])..<Int(shared.starts[u + 1]) {
                            let id = Int(shared.tokens[t])
                            if last[id] != u32 { last[id] = u32; c[id] &+= 1 }
                        }
                    }
                }
                // Each list's start, and where each part writes in it.
                postingStart.withUnsafeMutableBufferPointer { start in
                    for k in 0..<v {
                        var at = start[k]
                        for p in 0..<parts {
                            let n = counts[p * v + k]
                            counts[p * v + k] = at  // now the part's cursor
                            at &+= n
                        }
                        start[k + 1] = at
                    }
                }
                let count = Int(postingStart[v])
                postings = [UInt32](unsafeUninitializedCapacity: count) { out, initialized in
                    if let base = out.baseAddress { HugePages.advise(UnsafeMutableRawPointer(base), bytes: count * 4) }
                    let target = SharedOutput(out: out.baseAddress!)
                    // Pass 2: each part fills its places, its units in length order.
                    DispatchQueue.concurrentPerform(iterations: parts) { p in
                        let cursor = shared.counts + p * max(v, 1), last = shared.seen + p * max(v, 1)
                        last.update(repeating: UInt32.max, count: v)
                        for r in Int(bound[p])..<Int(bound[p + 1]) {
                            let u32 = shared.ordered[r]
                            let u = Int(u32)
                            for t in Int(shared.starts[u])..<Int(shared.starts[u + 1]) {
                                let id = Int(shared.tokens[t])
                                if last[id] != u32 {
                                    last[id] = u32
                                    target.out[Int(cursor[id])] = u32
                                    cursor[id] &+= 1
                                }
                            }
                        }
                    }
                    initialized = count
                }
            }
        }
        return (postingStart, postings)
    }
}

/// What the index build's threads share: read-only inputs, and per-part scratch at disjoint offsets.
private struct Shared: @unchecked Sendable {
    let starts: UnsafeBufferPointer<UInt32>
    let tokens: UnsafeBufferPointer<UInt32>
    let ordered: UnsafeMutablePointer<UInt32>
    let rank: UnsafeMutablePointer<UInt32>
    let counts: UnsafeMutablePointer<UInt32>
    let seen: UnsafeMutablePointer<UInt32>
}

/// The postings being written by the index build's threads (each to places no other writes).
private struct SharedOutput: @unchecked Sendable {
    let out: UnsafeMutablePointer<UInt32>
}
