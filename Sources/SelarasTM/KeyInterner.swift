/// Maps the folded tokens of many texts to index terms without allocating per token, and terms to
/// index keys (`MatchAnalyzer`'s keys: stems, `#` for numbers) at the end.
///
/// A *term* is a folded word as it occurs (or a key taken over from an older index); its key is
/// found by `resolve()`, which stems each word once. Stemming is deferred so that the hot loop —
/// one lookup per token — never waits for the stemmer (whose root list loads slowly the first
/// time), and so that terms can be collected on one thread and resolved on another.
///
/// The term table is open addressing with linear probing (Knuth, TAOCP vol. 3, §6.4, algorithm L),
/// kept at most three quarters full. A slot is 32 bytes, aligned so that it never straddles a cache line: the
/// folded word's first 24 bytes as three little-endian words, zero-padded (a folded word never holds
/// a zero byte, so the padding also encodes its length), and a tag word holding 32 bits of the word's
/// hash and its term id. A word of up to 24 bytes — nearly every word — is found by comparing four
/// machine words in one cache line, with no pointer to follow and no byte loop; longer words go to a
/// dictionary. The hash is the FNV-1a hash the scanner computes for the context key anyway.
///
/// One thread at a time (it is not synchronised).
final class KeyInterner {
    /// The stemmer, obtained the first time a word is stemmed (not before: loading it is slow).
    private lazy var stemmer: TMStemmer = givenStemmer ?? TMStemmer()
    private let givenStemmer: TMStemmer?

    private struct Slot {
        var w0: UInt64
        var w1: UInt64
        var w2: UInt64
        /// hash32 << 32 | occupied bit (1 << 31) | term id; 0 when the slot is empty.
        var tag: UInt64
    }

    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<Slot>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private var occupied = 0
    /// Folded words longer than a slot holds.
    private var longWords: [String: UInt32] = [:]
    /// Term id → the folded word, or the key itself for terms made by `term(forKey:)`.
    private var termText: [String] = []
    private var termIsKey: [Bool] = []
    private var keyTerms: [String: UInt32] = [:]
    /// Term id → its key as a string (for terms `0..<termKey.count`, see `stemAll`).
    private var termKey: [String] = []
    /// Resolution: term id → key id (for terms `0..<keyOfTerm.count`), and the keys.
    private var keyOfTerm: [UInt32] = []
    private var keyIDs: [String: UInt32] = [:]
    private(set) var resolvedKeys: [String] = []
    /// Scratch for one text's lowered tokens (with room for the word loads past a token's end).
    @exclusivity(unchecked) private var scratch: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var scratchCapacity: Int
    /// Scratch for one text's words waiting for their lookup.
    @exclusivity(unchecked) private var pending: UnsafeMutablePointer<PendingWord>
    @exclusivity(unchecked) private var pendingCapacity: Int
    /// Scratch for one text's terms.
    @exclusivity(unchecked) private var ids: UnsafeMutablePointer<UInt32>
    @exclusivity(unchecked) private var idCapacity: Int

    /// The term of every number (key `#`).
    let numberTerm: UInt32 = 0
    /// The term of `%`, which stands for the word `persen`.
    let percentTerm: UInt32 = 1
    static let slotBytes = 24

    init(stemmer: TMStemmer? = nil) {
        givenStemmer = stemmer
        capacity = 1 << 12
        slots = Self.allocateSlots(capacity)
        scratchCapacity = 1 << 12
        scratch = .allocate(capacity: scratchCapacity)
        idCapacity = 1 << 12
        ids = .allocate(capacity: idCapacity)
        pendingCapacity = 1 << 10
        pending = .allocate(capacity: pendingCapacity)
        termText = [MatchAnalyzer.numberKey, MatchAnalyzer.percentWord]
        termIsKey = [true, false]
        keyTerms = [MatchAnalyzer.numberKey: numberTerm]
    }

    deinit {
        slots.deinitialize(count: capacity)
        UnsafeMutableRawPointer(slots).deallocate()
        scratch.deallocate()
        ids.deallocate()
        pending.deallocate()
    }

    private static func allocateSlots(_ n: Int) -> UnsafeMutablePointer<Slot> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: n * MemoryLayout<Slot>.stride, alignment: 64)
        let p = raw.bindMemory(to: Slot.self, capacity: n)
        p.initialize(repeating: Slot(w0: 0, w1: 0, w2: 0, tag: 0), count: n)
        return p
    }

    /// The number of terms so far.
    var termCount: Int { termText.count }

    /// The term of a key string (a stem from another source, such as an older index): it resolves
    /// to that key as it is.
    func term(forKey key: String) -> UInt32 {
        if let t = keyTerms[key] { return t }
        let t = newTerm(key, isKey: true)
        keyTerms[key] = t
        return t
    }

    private func newTerm(_ text: String, isKey: Bool) -> UInt32 {
        let t = UInt32(termText.count)
        precondition(t < 0x8000_0000, "too many index terms")
        termText.append(text)
        termIsKey.append(isKey)
        return t
    }

    /// Computes the key (as a string) of every term not done before: a word's stem, a key itself.
    /// The stemming part of `resolve`, which another thread can do for its own interner.
    func stemAll() {
        guard termKey.count < termText.count else { return }
        termKey.reserveCapacity(termText.count)
        for t in termKey.count..<termText.count {
            termKey.append(termIsKey[t] ? termText[t] : stemmer.stem(termText[t]))
        }
    }

    private func keyID(_ key: String) -> UInt32 {
        if let id = keyIDs[key] { return id }
        let id = UInt32(resolvedKeys.count)
        resolvedKeys.append(key)
        keyIDs[key] = id
        return id
    }

    /// Resolves every term to its key, stemming words not resolved before; returns the keys and
    /// each term's key id. Keys keep their ids across calls.
    func resolve() -> (keys: [String], keyOfTerm: [UInt32]) {
        stemAll()
        if keyOfTerm.count < termKey.count {
            keyOfTerm.reserveCapacity(termKey.count)
            for t in keyOfTerm.count..<termKey.count { keyOfTerm.append(keyID(termKey[t])) }
        }
        return (resolvedKeys, keyOfTerm)
    }

    /// The key ids of keys given as strings (added to this interner's keys when new).
    func keyIDs(of keys: [String]) -> [UInt32] {
        keys.map(keyID)
    }

    /// The stem of a folded word.
    func stem(_ word: String) -> String { stemmer.stem(word) }

    /// The keys of the terms every interner starts with (`numberTerm`, `percentTerm`), given a stemmer.
    static func initialKeys(_ stem: (String) -> String) -> [String] {
        [MatchAnalyzer.numberKey, stem(MatchAnalyzer.percentWord)]
    }

    /// The folded words of terms `from..<termCount` (the terms made since `termCount` was `from`).
    func words(from: Int) -> [String] {
        Array(termText[from...])
    }

    /// The terms of `text`'s tokens, appended to `out`; returns the text's context key.
    @discardableResult
    func terms(of text: String, appendingTo out: inout [UInt32]) -> UInt64 {
        var t = text
        return t.withUTF8 { terms(utf8: $0, appendingTo: &out) }
    }

    /// The terms of the tokens of `b` (valid UTF-8), appended to `out`; returns the context key
    /// (`MatchAnalyzer.scan`'s).
    func terms(utf8 b: UnsafeBufferPointer<UInt8>, appendingTo out: inout [UInt32]) -> UInt64 {
        if b.count > idCapacity {
            ids.deallocate()
            idCapacity = max(b.count, idCapacity * 2)
            ids = .allocate(capacity: idCapacity)
        }
        let r = terms(utf8: b, into: ids)
        out.append(contentsOf: UnsafeBufferPointer(start: ids, count: r.count))
        return r.context
    }

    /// The terms of the tokens of `b` (valid UTF-8), written to `out`, which has room for `b.count`;
    /// returns how many, and the context key.
    func terms(utf8 b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt32>) -> (count: Int, context: UInt64) {
        if let r = asciiTerms(b, into: out) { return r }
        var n = 0
        let context = MatchAnalyzer.scan(utf8: b, punctuation: { _ in }) { e in
            if e.isNumber {
                out[n] = numberTerm
            } else if e.isPercent {
                out[n] = percentTerm
            } else {
                out[n] = intern(e.folded, hash: e.hash)
            }
            n += 1
        }
        return (n, context)
    }

    /// A word of the text being analysed, waiting for its table lookup.
    private struct PendingWord {
        /// Where its term goes in the output.
        var position: UInt32
        /// Where its lowered bytes are in `scratch`.
        var offset: UInt32
        var length: UInt32
        var hash: UInt64
    }

    /// `MatchAnalyzer.scan`'s rules for pure-ASCII text; nil when the text has a non-ASCII byte.
    ///
    /// Two passes: the first scans the text, lowering each word into scratch memory (back to back)
    /// and hashing it, and writes number and `%` terms; the second looks the words up. The lookups
    /// of one text do not depend on each other, so the processor overlaps their cache misses
    /// (memory-level parallelism) instead of waiting for each in the middle of the scan.
    private func asciiTerms(_ b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt32>) -> (count: Int, context: UInt64)? {
        let n = b.count
        guard let p = b.baseAddress, n > 0 else { return nil }
        if n + 32 > scratchCapacity {
            scratch.deallocate()
            scratchCapacity = max(n + 32, scratchCapacity * 2)
            scratch = .allocate(capacity: scratchCapacity)
        }
        if n > pendingCapacity {
            pending.deallocate()
            pendingCapacity = max(n, pendingCapacity * 2)
            pending = .allocate(capacity: pendingCapacity)
        }
        let low = scratch
        let words = pending
        var wordCount = 0
        var cursor = 0
        let prime: UInt64 = 0x0000_0100_0000_01b3
        let basis: UInt64 = 0xcbf2_9ce4_8422_2325
        var context = basis
        var punct = basis
        var sawToken = false
        var count = 0
        @inline(__always) func word(_ offset: Int, _ length: Int, _ hash: UInt64) {
            words[wordCount] = PendingWord(position: UInt32(count), offset: UInt32(offset), length: UInt32(length), hash: hash)
            wordCount += 1
            count += 1
        }
        // Classes: 0 space, 1 letter, 2 digit, 3 other ASCII, 4 not ASCII.
        let scanned = Self.byteClass.withUnsafeBufferPointer { classes -> Bool in
            var i = 0
            while i < n {
                let c = p[i]
                let k = classes[Int(c)]
                if k == 0 { i += 1; continue }
                if k == 4 { return false }
                if k == 3 {
                    if c == 0x25 {
                        sawToken = true
                        out[count] = percentTerm; count += 1
                        context ^= (basis ^ 0x25) &* prime; context &*= prime
                    } else {
                        punct ^= UInt64(c == 0x60 ? 0x27 : c); punct &*= prime
                    }
                    i += 1
                    continue
                }
                let start = i
                let t = low + cursor
                var sawLetter = false, sawDigit = false, rpPrefix = false
                var prev: UInt8 = 0
                var h = basis
                var j = i
                while j < n {
                    // A run of ASCII letters, lowered: the common case, in a loop of its own.
                    var x = p[j]
                    if (x | 0x20) &- 0x61 < 26 {
                        sawLetter = true
                        if sawDigit { rpPrefix = false }
                        repeat {
                            let y = x | 0x20
                            t[j - start] = y
                            h ^= UInt64(y); h &*= prime
                            j += 1
                            if j == n { break }
                            x = p[j]
                        } while (x | 0x20) &- 0x61 < 26
                        prev = 1
                        if j == n { break }
                    }
                    if x &- 0x30 < 10 {
                        if !sawDigit { rpPrefix = sawLetter && j - start == 2 && t[0] == 0x72 && t[1] == 0x70 }
                        sawDigit = true
                        repeat {
                            t[j - start] = x
                            h ^= UInt64(x); h &*= prime
                            j += 1
                            if j == n { break }
                            x = p[j]
                        } while x &- 0x30 < 10
                        prev = 2
                        if j == n { break }
                        if (x | 0x20) &- 0x61 < 26 { continue }
                    }
                    let kx = classes[Int(x)]
                    if kx == 3, j + 1 < n, j > start {
                        let next = classes[Int(p[j + 1])]
                        if next == 4 { return false }
                        let joinsWord = (x == 0x2D || x == 0x27) && next == 1 && prev == 1
                        let joinsNumber = (x == 0x2E || x == 0x2C || x == 0x2F || x == 0x3A) && next == 2 && prev == 2 && (!sawLetter || rpPrefix)
                        if joinsWord || joinsNumber {
                            t[j - start] = x
                            h ^= UInt64(x); h &*= prime
                            j += 1; prev = 3
                        } else { break }
                    } else if kx == 4 {
                        return false
                    } else { break }
                }
                sawToken = true
                let length = j - start
                if !sawLetter {
                    out[count] = numberTerm; count += 1
                    context ^= h; context &*= prime
                } else if sawDigit, rpPrefix, length > 2 {
                    let h1 = ((basis ^ 0x72) &* prime ^ 0x70) &* prime
                    word(cursor, 2, h1)
                    context ^= h1; context &*= prime
                    var h2 = basis
                    var numeric = true
                    for q in 2..<length {
                        let y = t[q]
                        h2 ^= UInt64(y); h2 &*= prime
                        if !((y >= 0x30 && y <= 0x39) || y == 0x2E || y == 0x2C) { numeric = false }
                    }
                    if numeric { out[count] = numberTerm; count += 1 } else { word(cursor + 2, length - 2, h2) }
                    context ^= h2; context &*= prime
                } else {
                    word(cursor, length, h)
                    context ^= h; context &*= prime
                }
                cursor += length
                i = j
            }
            return true
        }
        guard scanned else { return nil }
        for k in 0..<wordCount {
            let w = words[k]
            out[Int(w.position)] = lookup(low + Int(w.offset), Int(w.length), hash: w.hash)
        }
        return (count, sawToken ? context : punct ^ 0x5555_5555_5555_5555)
    }

    /// Byte classes for the ASCII path: 0 space, 1 letter, 2 digit, 3 other ASCII, 4 not ASCII.
    private static let byteClass: [UInt8] = (0..<256).map { c in
        if c >= 0x80 { return 4 }
        switch MatchAnalyzer.classify(Unicode.Scalar(UInt8(c))) {
        case .space: return 0
        case .letter: return 1
        case .digit: return 2
        default: return 3
        }
    }

    /// The first `length` (0–8) bytes at `p + offset` as a little-endian word, zero above.
    @inline(__always)
    private static func word(_ p: UnsafeRawPointer, _ offset: Int, _ length: Int) -> UInt64 {
        let v = length - offset
        if v <= 0 { return 0 }
        let w = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        return v >= 8 ? w : w & (UInt64.max >> UInt64(64 - 8 * v))
    }

    /// The term of the folded word at `p` (`length` bytes; at least 24 bytes readable from `p`).
    @inline(__always)
    private func lookup(_ p: UnsafePointer<UInt8>, _ length: Int, hash h64: UInt64) -> UInt32 {
        if length > Self.slotBytes { return long(UnsafeBufferPointer(start: p, count: length)) }
        let raw = UnsafeRawPointer(p)
        let w0 = Self.word(raw, 0, length), w1 = Self.word(raw, 8, length), w2 = Self.word(raw, 16, length)
        let h = UInt32(truncatingIfNeeded: h64 ^ (h64 >> 32))
        let tag = UInt64(h) << 32
        let mask = capacity - 1
        var i = Int(h) & mask
        while true {
            let s = slots[i]
            if s.tag == 0 { return insert(at: i, w0, w1, w2, length: length, hash: h) }
            if s.tag & 0xFFFF_FFFF_0000_0000 == tag && s.w0 == w0 && s.w1 == w1 && s.w2 == w2 {
                return UInt32(truncatingIfNeeded: s.tag & 0x7FFF_FFFF)
            }
            i = (i + 1) & mask
        }
    }

    /// `lookup` for a word given as a buffer (the general scanner's tokens).
    private func intern(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt32 {
        if bytes.count > Self.slotBytes { return long(bytes) }
        var padded: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &padded) { r in
            if let base = bytes.baseAddress { r.baseAddress!.copyMemory(from: base, byteCount: bytes.count) }
            return lookup(r.baseAddress!.assumingMemoryBound(to: UInt8.self), bytes.count, hash: hash)
        }
    }

    private func insert(at slot: Int, _ w0: UInt64, _ w1: UInt64, _ w2: UInt64, length: Int, hash: UInt32) -> UInt32 {
        var words = (w0.littleEndian, w1.littleEndian, w2.littleEndian)
        let folded = withUnsafeBytes(of: &words) { String(decoding: UnsafeRawBufferPointer(rebasing: $0[0..<length]), as: UTF8.self) }
        let term = newTerm(folded, isKey: false)
        slots[slot] = Slot(w0: w0, w1: w1, w2: w2, tag: UInt64(hash) << 32 | 0x8000_0000 | UInt64(term))
        occupied += 1
        if occupied * 4 > capacity * 3 { grow() }
        return term
    }

    private func long(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let folded = String(decoding: bytes, as: UTF8.self)
        if let t = longWords[folded] { return t }
        let t = newTerm(folded, isKey: false)
        longWords[folded] = t
        return t
    }

    /// Doubles the table (kept at most three quarters full).
    private func grow() {
        let old = slots, oldCapacity = capacity
        capacity *= 2
        slots = Self.allocateSlots(capacity)
        let mask = capacity - 1
        for j in 0..<oldCapacity where old[j].tag != 0 {
            var i = Int(truncatingIfNeeded: old[j].tag >> 32) & mask
            while slots[i].tag != 0 { i = (i + 1) & mask }
            slots[i] = old[j]
        }
        old.deinitialize(count: oldCapacity)
        UnsafeMutableRawPointer(old).deallocate()
    }
}
