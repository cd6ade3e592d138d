/// A hash table keyed by short byte strings (the UTF-8 of words) with ASCII letters folded to
/// lowercase, each key with an `Int32` value, keys numbered in insertion order.
///
/// It lets the term analyser look up a token by its bytes as they stand in the sentence: no
/// lowercased copy and no `String` is made and no SipHash is computed per token, and the caller
/// hashes the bytes once for several tables (`hash(_:)` is the same function for every table).
/// Keys are stored lowercased and compared byte for byte after folding `A`–`Z` of the probe, so
/// callers must only use it where that is the equality they need (ASCII words; see
/// `TermVocabulary`). Bytes of 0x80 and above are compared as they are.
///
/// Hashing: FNV-1a, 64-bit (Glenn Fowler, Landon Curt Noll and Kiem-Phong Vo, 1991); open
/// addressing with linear probing over a power-of-two slot array, at most half full.
struct WordTable: Sendable {
    /// A key: where its bytes are in `keyBytes`, its hash and its value.
    private struct Entry {
        var start: Int32
        var end: Int32
        var hash: UInt64
        var value: Int32
    }
    /// The keys' bytes, back to back.
    private var keyBytes: [UInt8] = []
    private var entries: [Entry] = []
    /// Key number + 1 per slot; 0 = empty.
    private var slots: [Int32]
    private var mask: Int

    /// An empty table with room for about `capacity` keys before it grows.
    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        keyBytes.reserveCapacity(capacity * 8)
        entries.reserveCapacity(capacity)
    }

    /// The number of keys.
    var count: Int { entries.count }

    /// The value of key number `k`.
    @inline(__always)
    func value(_ k: Int) -> Int32 { entries[k].value }

    /// FNV-1a of `bytes` with ASCII letters lowercased.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = hashSeed
        for b in bytes { h = hash(h, b) }
        return h
    }

    /// The FNV-1a offset basis: the hash of no bytes.
    static var hashSeed: UInt64 { 0xcbf2_9ce4_8422_2325 }

    /// One step of FNV-1a: `h` followed by byte `b` (lowercased if an ASCII capital).
    @inline(__always)
    static func hash(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(fold(b))) &* 0x0000_0100_0000_01b3 }

    /// `b` with `A`–`Z` lowercased.
    @inline(__always)
    static func fold(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    /// The number of the key equal to `key` with ASCII letters lowercased (its `hash`), or nil.
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let k = Int(slots[slot]) - 1
            if k < 0 { return nil }
            if entries[k].hash == hash, equals(k, key) { return k }
            slot = (slot + 1) & mask
        }
    }

    /// Adds `key` lowercased (which must not be in the table yet; `hash` is its hash) with `value`;
    /// returns its number.
    @discardableResult
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Int32) -> Int {
        let k = entries.count
        let start = keyBytes.count
        keyBytes.append(contentsOf: key)
        keyBytes.withUnsafeMutableBufferPointer { bytes in
            for i in start..<bytes.count { bytes[i] = Self.fold(bytes[i]) }
        }
        entries.append(Entry(start: Int32(start), end: Int32(keyBytes.count), hash: hash, value: value))
        if (k + 1) * 2 > slots.count { grow() } else { place(k) }
        return k
    }

    /// Replaces the value of key number `k`.
    @inline(__always)
    mutating func setValue(_ value: Int32, at k: Int) { entries[k].value = value }

    /// The bytes of key number `k` (lowercased).
    func key(_ k: Int) -> ArraySlice<UInt8> { keyBytes[Int(entries[k].start)..<Int(entries[k].end)] }

    @inline(__always)
    private func equals(_ k: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(entries[k].start), end = Int(entries[k].end)
        guard end - start == key.count else { return false }
        return keyBytes.withUnsafeBufferPointer { stored in
            for i in 0..<key.count where stored[start + i] != Self.fold(key[i]) { return false }
            return true
        }
    }

    private mutating func place(_ k: Int) {
        var slot = Int(truncatingIfNeeded: entries[k].hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(k + 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for k in 0..<entries.count { place(k) }
    }
}
