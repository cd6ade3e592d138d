/// One instruction of a compiled regex program.
struct RegexInst: Sendable {
    enum Op: UInt8, Sendable {
        /// Consume scalar `a`.
        case char
        /// Consume a scalar in set `a`.
        case set
        /// Consume any scalar.
        case any
        /// Consume any scalar but a line terminator.
        case anyButNewline
        /// Continue at `a`; on failure, at `b`.
        case split
        /// Continue at `a`.
        case jump
        /// Zero-width test `RegexAssertion(rawValue: a)`.
        case assert
        /// Look-around: program `a` must (b == 0) or must not (b == 1) match here.
        case look
        /// Atomic group: run program `a` once and continue after its first match.
        case atomic
        /// Alternation keyed by the next scalar: table `a`.
        case dispatch
        case match
    }

    var op: Op
    var a: Int32
    var b: Int32

    init(_ op: Op, _ a: Int32 = 0, _ b: Int32 = 0) {
        self.op = op
        self.a = a
        self.b = b
    }
}

/// Branch targets of an alternation, keyed by the first scalar each branch can consume. Targets
/// are offsets from the dispatch instruction, so a table is position-independent: copies of the
/// code that uses it (a repetition's) share it.
struct DispatchTable: Sendable {
    var ascii: [[Int32]] = Array(repeating: [], count: 128)
    var other: [UInt32: [Int32]] = [:]
    /// Branches that start with a class that may hold non-ASCII scalars: tried for any non-ASCII
    /// scalar the class contains.
    var fallback: [(ScalarSet, Int32)] = []

    func targets(_ v: UInt32) -> [Int32] {
        if v < 128 { return ascii[Int(v)] }
        var out = other[v] ?? []
        for (set, target) in fallback where set.contains(v) { out.append(target) }
        return out
    }
}

/// The compiled programs of one or more patterns: instructions, sets and dispatch tables.
/// Immutable once built, so it is shared freely between threads.
final class RegexCode: @unchecked Sendable {
    let insts: UnsafeMutableBufferPointer<RegexInst>
    /// Start instruction and direction of each program.
    let programs: [(start: Int, forward: Bool)]
    let sets: [ScalarSet]
    /// ASCII bitmaps of `sets`, for the fast path.
    let setBits: UnsafeMutableBufferPointer<(UInt64, UInt64)>
    let tables: [DispatchTable]
    /// Per table, 128 (start, count) slices of `dispatchTargets` for ASCII keys.
    let dispatchASCII: UnsafeMutablePointer<(Int32, Int32)>
    let dispatchTargets: UnsafeMutablePointer<Int32>
    /// Number of instructions of each program (its own, not its sub-programs'): a cost estimate.
    var programSizes: [Int] {
        var out: [Int] = []
        for (k, p) in programs.enumerated() {
            let end = k + 1 < programs.count ? programs[k + 1].start : insts.count
            out.append(end - p.start)
        }
        return out
    }

    /// Whether program `p` matches exactly when its first scalar is in its first set: it is empty,
    /// or one literal or class. Such programs need not run once that test has passed.
    func isSingleStep(_ p: Int) -> Bool {
        let start = programs[p].start
        switch insts[start].op {
        case .match: return true
        case .char, .set: return insts[start + 1].op == .match
        default: return false
        }
    }

    /// `programs` as a flat table: start instruction, and 1 for forward.
    let programTable: UnsafeMutablePointer<(Int, Bool)>

    init(insts: [RegexInst], programs: [(start: Int, forward: Bool)], sets: [ScalarSet], tables: [DispatchTable]) {
        self.insts = .allocate(capacity: max(insts.count, 1))
        _ = self.insts.initialize(from: insts)
        self.programs = programs
        self.sets = sets
        self.setBits = .allocate(capacity: max(sets.count, 1))
        for (k, s) in sets.enumerated() { self.setBits[k] = s.asciiBits }
        self.tables = tables
        var slices: [(Int32, Int32)] = []
        var targets: [Int32] = []
        for t in tables {
            for c in 0..<128 {
                slices.append((Int32(targets.count), Int32(t.ascii[c].count)))
                targets += t.ascii[c]
            }
        }
        self.dispatchASCII = .allocate(capacity: max(slices.count, 1))
        self.dispatchASCII.initialize(from: slices, count: slices.count)
        self.dispatchTargets = .allocate(capacity: max(targets.count, 1))
        self.dispatchTargets.initialize(from: targets, count: targets.count)
        self.programTable = .allocate(capacity: max(programs.count, 1))
        self.programTable.initialize(from: programs.map { ($0.start, $0.forward) }, count: programs.count)
    }

    deinit {
        insts.deallocate()
        setBits.deallocate()
        dispatchASCII.deallocate()
        dispatchTargets.deallocate()
        programTable.deallocate()
    }
}
