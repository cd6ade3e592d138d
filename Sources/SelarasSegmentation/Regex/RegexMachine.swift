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

/// Branch targets of an alternation, keyed by the first scalar each branch can consume.
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
        for (k, s) in sets.enumerated() {
            var lo: UInt64 = 0, hi: UInt64 = 0
            for v in UInt32(0)..<128 where s.contains(v) {
                if v < 64 { lo |= 1 << UInt64(v) } else { hi |= 1 << UInt64(v - 64) }
            }
            self.setBits[k] = (lo, hi)
        }
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

/// Compiles `RegexNode`s into programs for forward or backward anchored matching.
struct RegexCompiler {
    /// Flatten and dispatch alternations outside atomic groups (on by default; off only to
    /// check, in tests, that the optimisation does not change what matches).
    var optimize = true
    private var insts: [RegexInst] = []
    private var programs: [(start: Int, forward: Bool)] = []
    private var sets: [ScalarSet] = []
    private var tables: [DispatchTable] = []

    /// Compiles `node` as a program of its own; returns its index.
    mutating func program(_ node: RegexNode, forward: Bool) -> Int {
        var buf: [RegexInst] = []
        var myTables: [Int] = []
        emit(node, into: &buf, forward: forward, ordered: !optimize, tables: &myTables)
        buf.append(RegexInst(.match))
        let base = Int32(insts.count)
        for k in buf.indices {
            switch buf[k].op {
            case .split: buf[k].a += base; buf[k].b += base
            case .jump: buf[k].a += base
            default: break
            }
        }
        for t in myTables {
            for c in 0..<128 { tables[t].ascii[c] = tables[t].ascii[c].map { $0 + base } }
            for (k, v) in tables[t].other { tables[t].other[k] = v.map { $0 + base } }
            tables[t].fallback = tables[t].fallback.map { ($0.0, $0.1 + base) }
        }
        insts += buf
        programs.append((Int(base), forward))
        return programs.count - 1
    }

    func finish() -> RegexCode {
        RegexCode(insts: insts, programs: programs, sets: sets, tables: tables)
    }

    private mutating func addSet(_ s: ScalarSet) -> Int32 {
        sets.append(s)
        return Int32(sets.count - 1)
    }

    /// `ordered`: inside an atomic group, where the first match found must be the first in
    /// priority order, so alternations keep their order (no dispatch).
    private mutating func emit(_ node: RegexNode, into buf: inout [RegexInst], forward: Bool, ordered: Bool,
                               tables myTables: inout [Int]) {
        switch node {
        case .empty:
            break
        case let .literal(v):
            buf.append(RegexInst(.char, Int32(bitPattern: v)))
        case let .set(s):
            buf.append(RegexInst(.set, addSet(s)))
        case let .any(dotAll):
            buf.append(RegexInst(dotAll ? .any : .anyButNewline))
        case let .concat(items):
            for item in forward ? items : items.reversed() {
                emit(item, into: &buf, forward: forward, ordered: ordered, tables: &myTables)
            }
        case let .alternation(original):
            // Outside atomic groups only whether some branch matches counts, not which one is
            // tried first, so branches are flattened ((?:a|b)c → ac|bc, x?y → xy|y) and then
            // chosen by their first scalar in one step.
            let branches = ordered ? original : Self.flattened(original, forward: forward)
            // Hoist a literal every branch starts with: (?:ab|ac) is a(?:b|c).
            if let (head, rests) = Self.commonHead(branches, forward: forward) {
                emit(.literal(head), into: &buf, forward: forward, ordered: ordered, tables: &myTables)
                emit(.alternation(rests), into: &buf, forward: forward, ordered: ordered, tables: &myTables)
                return
            }
            // Branches that start with the same literal or class become one branch that consumes it
            // once and goes on with the alternation of their rests (a trie).
            let grouped = ordered ? branches : Self.groupedByHead(branches, forward: forward)
            if grouped.count < branches.count {
                emit(.alternation(grouped), into: &buf, forward: forward, ordered: ordered, tables: &myTables)
                return
            }
            if !ordered, let keyed = dispatchKeys(branches, forward: forward) {
                let slot = buf.count
                buf.append(RegexInst(.dispatch))
                var table = DispatchTable()
                var jumps: [Int] = []
                for (k, b) in branches.enumerated() {
                    let start = Int32(buf.count)
                    var asciiKeys = Set<Int>()
                    var otherKeys = Set<UInt32>()
                    for v in keyed[k].scalars {
                        if v < 128 { asciiKeys.insert(Int(v)) } else { otherKeys.insert(v) }
                    }
                    for set in keyed[k].sets {
                        for v in 0..<128 where set.contains(UInt32(v)) { asciiKeys.insert(v) }
                        if set.mayContainNonASCII { table.fallback.append((set, start)) }
                    }
                    for v in asciiKeys.sorted() { table.ascii[v].append(start) }
                    for v in otherKeys.sorted() where !table.fallback.contains(where: { $0.1 == start && $0.0.contains(v) }) {
                        table.other[v, default: []].append(start)
                    }
                    emit(b, into: &buf, forward: forward, ordered: ordered, tables: &myTables)
                    jumps.append(buf.count)
                    buf.append(RegexInst(.jump))
                }
                let end = Int32(buf.count)
                for j in jumps { buf[j].a = end }
                tables.append(table)
                myTables.append(tables.count - 1)
                buf[slot].a = Int32(tables.count - 1)
            } else {
                var jumps: [Int] = []
                for (k, b) in branches.enumerated() {
                    if k < branches.count - 1 {
                        let split = buf.count
                        buf.append(RegexInst(.split))
                        buf[split].a = Int32(buf.count)
                        emit(b, into: &buf, forward: forward, ordered: ordered, tables: &myTables)
                        jumps.append(buf.count)
                        buf.append(RegexInst(.jump))
                        buf[split].b = Int32(buf.count)
                    } else {
                        emit(b, into: &buf, forward: forward, ordered: ordered, tables: &myTables)
                    }
                }
                let end = Int32(buf.count)
                for j in jumps { buf[j].a = end }
            }
        case let .repetition(inner, min, max, mode):
            if mode == .possessive {
                emit(.atomic(.repetition(inner, min: min, max: max, mode: .greedy)), into: &buf,
                     forward: forward, ordered: ordered, tables: &myTables)
                return
            }
            let lazy = mode == .lazy
            for _ in 0..<min { emit(inner, into: &buf, forward: forward, ordered: ordered, tables: &myTables) }
            if let max {
                guard max > min else { return }
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(buf.count)
                    buf.append(RegexInst(.split))
                    emit(inner, into: &buf, forward: forward, ordered: ordered, tables: &myTables)
                }
                let end = Int32(buf.count)
                for s in splits {
                    buf[s] = lazy ? RegexInst(.split, end, Int32(s + 1)) : RegexInst(.split, Int32(s + 1), end)
                }
            } else {
                let loop = buf.count
                buf.append(RegexInst(.split))
                emit(inner, into: &buf, forward: forward, ordered: ordered, tables: &myTables)
                buf.append(RegexInst(.jump, Int32(loop)))
                let end = Int32(buf.count)
                buf[loop] = lazy ? RegexInst(.split, end, Int32(loop + 1)) : RegexInst(.split, Int32(loop + 1), end)
            }
        case let .atomic(inner):
            let p = program(inner, forward: forward)
            buf.append(RegexInst(.atomic, Int32(p)))
        case let .look(inner, ahead, negative):
            let p = program(inner, forward: ahead)
            buf.append(RegexInst(.look, Int32(p), negative ? 1 : 0))
        case let .assertion(kind):
            buf.append(RegexInst(.assert, kind.rawValue))
        }
    }

    /// When every branch of an alternation starts (in the matching direction) with the same
    /// literal scalar, that scalar and the branches without it.
    static func commonHead(_ branches: [RegexNode], forward: Bool) -> (UInt32, [RegexNode])? {
        guard branches.count >= 2 else { return nil }
        var head: UInt32?
        var rests: [RegexNode] = []
        for b in branches {
            guard let (h, rest) = splitHead(b, forward: forward) else { return nil }
            if let head, head != h { return nil }
            head = h
            rests.append(rest)
        }
        return head.map { ($0, rests) }
    }

    /// Merges branches that start with the same literal or class: ab | ac | xd → a(?:b|c) | xd.
    static func groupedByHead(_ branches: [RegexNode], forward: Bool) -> [RegexNode] {
        var slots: [(head: RegexNode?, rests: [RegexNode], plain: RegexNode?)] = []
        var index: [String: Int] = [:]
        for b in branches {
            if let (head, key, rest) = splitHeadAtom(b, forward: forward) {
                if let k = index[key] {
                    slots[k].rests.append(rest)
                } else {
                    index[key] = slots.count
                    slots.append((head, [rest], nil))
                }
            } else {
                slots.append((nil, [], b))
            }
        }
        if slots.count == branches.count { return branches }
        return slots.map { slot -> RegexNode in
            if let plain = slot.plain { return plain }
            let tail: RegexNode = slot.rests.count == 1 ? slot.rests[0] : .alternation(slot.rests)
            return forward ? .concat([slot.head!, tail]) : .concat([tail, slot.head!])
        }
    }

    /// A node that starts with one literal or class (consuming exactly one scalar): that atom, a
    /// key identifying it, and the rest.
    private static func splitHeadAtom(_ node: RegexNode, forward: Bool) -> (RegexNode, String, RegexNode)? {
        switch node {
        case let .literal(v): return (node, "l\(v)", .empty)
        case let .set(set): return (node, "s\(set.caseInsensitive)\(String(reflecting: set.node))", .empty)
        case let .concat(items):
            guard !items.isEmpty else { return nil }
            let headIndex = forward ? 0 : items.count - 1
            guard let (atom, key, rest) = splitHeadAtom(items[headIndex], forward: forward) else { return nil }
            var remaining = items
            if case .empty = rest { remaining.remove(at: headIndex) } else { remaining[headIndex] = rest }
            return (atom, key, remaining.isEmpty ? .empty : (remaining.count == 1 ? remaining[0] : .concat(remaining)))
        default:
            return nil
        }
    }

    /// A node that starts with a literal: the literal and the rest.
    private static func splitHead(_ node: RegexNode, forward: Bool) -> (UInt32, RegexNode)? {
        switch node {
        case let .literal(v): return (v, .empty)
        case let .concat(items):
            guard !items.isEmpty else { return nil }
            let headIndex = forward ? 0 : items.count - 1
            guard let (h, rest) = splitHead(items[headIndex], forward: forward) else { return nil }
            var remaining = items
            if case .empty = rest { remaining.remove(at: headIndex) } else { remaining[headIndex] = rest }
            return (h, remaining.isEmpty ? .empty : (remaining.count == 1 ? remaining[0] : .concat(remaining)))
        case let .repetition(inner, min, max, mode) where min >= 1 && mode != .possessive:
            // x{n,m} is x x{n-1,m-1}.
            guard let (h, rest) = splitHead(inner, forward: forward) else { return nil }
            let more: RegexNode = .repetition(inner, min: min - 1, max: max.map { $0 - 1 }, mode: mode)
            let tail: RegexNode = (max == 1) ? .empty : more
            let parts = forward ? [rest, tail] : [tail, rest]
            let kept = parts.filter { if case .empty = $0 { return false } else { return true } }
            return (h, kept.isEmpty ? .empty : (kept.count == 1 ? kept[0] : .concat(kept)))
        default:
            return nil
        }
    }

    /// The branches of an unordered alternation with nested alternations spliced in and
    /// alternations and optional parts at the head distributed over the rest:
    /// (?:a|b)c → ac | bc, x?y → xy | y, x{0,2}y → x x{0,1} y | y. Stops growing at a budget.
    static func flattened(_ branches: [RegexNode], forward: Bool) -> [RegexNode] {
        var out: [RegexNode] = []
        var work = branches
        var budget = 20_000
        while !work.isEmpty {
            let b = work.removeFirst()
            if budget <= 0 { out.append(b); continue }
            switch b {
            case let .alternation(bs):
                work.insert(contentsOf: bs, at: 0)
                continue
            case let .concat(raw):
                var items = raw.filter { if case .empty = $0 { return false } else { return true } }
                if items.isEmpty { out.append(.empty); continue }
                let hi = forward ? 0 : items.count - 1
                switch items[hi] {
                case let .concat(nested):
                    items.replaceSubrange(hi...hi, with: nested)
                    work.insert(.concat(items), at: 0)
                    continue
                case let .alternation(inner):
                    var rest = items
                    rest.remove(at: hi)
                    let restSize = rest.reduce(0) { $0 + $1.expandedSize }
                    let cost = restSize * (inner.count - 1)
                    if cost <= budget {
                        budget -= cost
                        work.insert(contentsOf: inner.map { alt -> RegexNode in
                            var copy = items
                            copy[hi] = alt
                            return .concat(copy)
                        }, at: 0)
                        continue
                    }
                case let .repetition(x, 0, max?, mode) where max <= 3 && mode != .possessive:
                    var without = items
                    without.remove(at: hi)
                    var withOne = items
                    let again: RegexNode = max > 1 ? .repetition(x, min: 0, max: max - 1, mode: mode) : .empty
                    withOne.replaceSubrange(hi...hi, with: forward ? [x, again] : [again, x])
                    let restSize = without.reduce(0) { $0 + $1.expandedSize }
                    if restSize <= budget {
                        budget -= restSize
                        work.insert(contentsOf: [.concat(withOne), .concat(without)], at: 0)
                        continue
                    }
                default:
                    break
                }
                out.append(items.count == 1 ? items[0] : .concat(items))
            default:
                out.append(b)
            }
        }
        return out
    }

    /// The first scalars of a branch: some literals and some classes.
    struct DispatchKey {
        var scalars: [UInt32] = []
        var sets: [ScalarSet] = []
    }

    /// For an alternation of two or more branches that each start with a literal or a class,
    /// those first scalars per branch; otherwise nil.
    private func dispatchKeys(_ branches: [RegexNode], forward: Bool) -> [DispatchKey]? {
        guard branches.count >= 2 else { return nil }
        var out: [DispatchKey] = []
        for b in branches {
            guard let key = Self.leadingKey(b, forward: forward) else { return nil }
            out.append(key)
        }
        return out
    }

    /// The scalars a node must start with: literals, small literal sets, classes, or those of
    /// every branch of an alternation.
    static func leadingKey(_ node: RegexNode, forward: Bool) -> DispatchKey? {
        switch node {
        case let .literal(v): return DispatchKey(scalars: [v])
        case let .set(s):
            if case let .ranges(rs) = s.node, !s.caseInsensitive, rs.reduce(0, { $0 + $1.count }) <= 8 {
                return DispatchKey(scalars: rs.flatMap { $0.map { $0 } })
            }
            return DispatchKey(sets: [s])
        case let .concat(items):
            guard let first = forward ? items.first : items.last else { return nil }
            return leadingKey(first, forward: forward)
        case let .repetition(inner, min, _, _):
            return min > 0 ? leadingKey(inner, forward: forward) : nil
        case let .alternation(branches):
            var key = DispatchKey()
            for b in branches {
                guard let k = leadingKey(b, forward: forward) else { return nil }
                key.scalars += k.scalars
                key.sets += k.sets
            }
            return key
        default:
            return nil
        }
    }
}

/// Runs compiled programs over valid UTF-8 text. Holds the backtracking stack, so each thread
/// uses its own machine. The machine keeps raw pointers into `code`, which it retains.
struct RegexMachine {
    let code: RegexCode
    let text: UnsafePointer<UInt8>
    let count: Int
    private let insts: UnsafeMutablePointer<RegexInst>
    private let setBits: UnsafeMutablePointer<(UInt64, UInt64)>
    private let dispatchASCII: UnsafeMutablePointer<(Int32, Int32)>
    private let dispatchTargets: UnsafeMutablePointer<Int32>
    private let programTable: UnsafeMutablePointer<(Int, Bool)>
    /// The backtracking stack: (instruction, position) pairs, grown on demand. Freed by
    /// `release()`.
    private var stackItems: UnsafeMutablePointer<(Int32, Int)>
    private var stackCapacity = 256
    private var stackCount = 0

    /// Steps after which a run starts remembering failed states.
    static let stepBudget = 2_000

    /// How far (in bytes) from its starting position a run may consume text; nil for no limit.
    /// A limit keeps every test local, so segmenting is linear in the length of the text even
    /// for patterns like `\\s+x` on a megabyte of spaces.
    var window: Int?

    init(code: RegexCode, text: UnsafePointer<UInt8>, count: Int) {
        self.code = code
        self.text = text
        self.count = count
        self.insts = code.insts.baseAddress!
        self.setBits = code.setBits.baseAddress!
        self.dispatchASCII = code.dispatchASCII
        self.dispatchTargets = code.dispatchTargets
        self.programTable = code.programTable
        self.stackItems = .allocate(capacity: 256)
    }

    /// Frees the stack; the machine must not be used afterwards.
    func release() {
        stackItems.deallocate()
    }

    @inline(__always)
    private mutating func push(_ pc: Int32, _ pos: Int) {
        if stackCount == stackCapacity { grow() }
        stackItems[stackCount] = (pc, pos)
        stackCount &+= 1
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<(Int32, Int)>.allocate(capacity: stackCapacity * 2)
        bigger.moveInitialize(from: stackItems, count: stackCount)
        stackItems.deallocate()
        stackItems = bigger
        stackCapacity *= 2
    }

    /// Whether program `p` (forwards) matches exactly the bytes `from..<to`.
    mutating func matchesExactly(program p: Int, from: Int, to: Int) -> Bool {
        // Used for language patterns: a whole-text match is a match that ends at `count`.
        precondition(to == count)
        return run(program: p, at: from, requireEnd: true) != nil
    }

    /// Runs program `p` anchored at byte `start`; returns where the first match (in priority
    /// order) ends, or nil.
    mutating func run(program p: Int, at start: Int, requireEnd: Bool = false) -> Int? {
        let info = programTable[p]
        let forward = info.1
        let insts = self.insts
        let setBits = self.setBits
        let dispatchASCII = self.dispatchASCII
        let dispatchTargets = self.dispatchTargets
        let text = self.text
        let count = window.map { Swift.min(self.count, start &+ $0) } ?? self.count
        let floor = window.map { Swift.max(0, start &- $0) } ?? 0
        let base = stackCount
        var pc = info.0
        var pos = start
        var steps = 0
        var memo: Set<Int>? = nil
        while true {
            var ok = true
            steps &+= 1
            if steps > Self.stepBudget {
                if memo == nil { memo = Set(minimumCapacity: 256) }
                if !memo!.insert(pc &* (self.count &+ 1) &+ pos).inserted { ok = false }
            }
            if ok {
                let inst = insts[pc]
                switch inst.op {
                case .char:
                    let want = UInt32(bitPattern: inst.a)
                    if forward {
                        if pos < count {
                            if want < 0x80 {
                                if text[pos] == UInt8(truncatingIfNeeded: want) { pos &+= 1; pc &+= 1 } else { ok = false }
                            } else {
                                let (v, n) = UTF8Text.decode(text, pos)
                                if v == want { pos &+= n; pc &+= 1 } else { ok = false }
                            }
                        } else { ok = false }
                    } else {
                        if pos > floor {
                            if want < 0x80 {
                                if text[pos &- 1] == UInt8(truncatingIfNeeded: want) { pos &-= 1; pc &+= 1 } else { ok = false }
                            } else {
                                let (v, n) = UTF8Text.decodeBefore(text, pos)
                                if v == want { pos &-= n; pc &+= 1 } else { ok = false }
                            }
                        } else { ok = false }
                    }
                case .set:
                    if forward ? pos < count : pos > floor {
                        let b = forward ? text[pos] : text[pos &- 1]
                        if b < 0x80 {
                            let bits = setBits[Int(inst.a)]
                            let hit = b < 64 ? bits.0 & (1 << UInt64(b)) != 0 : bits.1 & (1 << UInt64(b &- 64)) != 0
                            if hit { pos = forward ? pos &+ 1 : pos &- 1; pc &+= 1 } else { ok = false }
                        } else {
                            let (v, n) = forward ? UTF8Text.decode(text, pos) : UTF8Text.decodeBefore(text, pos)
                            if code.sets[Int(inst.a)].contains(v) { pos = forward ? pos &+ n : pos &- n; pc &+= 1 } else { ok = false }
                        }
                    } else { ok = false }
                case .any, .anyButNewline:
                    if forward ? pos < count : pos > floor {
                        let (v, n) = forward ? UTF8Text.decode(text, pos) : UTF8Text.decodeBefore(text, pos)
                        if inst.op == .anyButNewline && UTF8Text.isLineTerminator(v) { ok = false } else {
                            pos = forward ? pos &+ n : pos &- n; pc &+= 1
                        }
                    } else { ok = false }
                case .split:
                    push(inst.b, pos)
                    pc = Int(inst.a)
                case .jump:
                    pc = Int(inst.a)
                case .assert:
                    if test(RegexAssertion(rawValue: inst.a)!, at: pos) { pc &+= 1 } else { ok = false }
                case .look:
                    let found = run(program: Int(inst.a), at: pos) != nil
                    if found == (inst.b == 0) { pc &+= 1 } else { ok = false }
                case .atomic:
                    if let end = run(program: Int(inst.a), at: pos) { pos = end; pc &+= 1 } else { ok = false }
                case .dispatch:
                    if forward ? pos < count : pos > floor {
                        let b = forward ? text[pos] : text[pos &- 1]
                        if b < 0x80 {
                            let (first, n) = dispatchASCII[Int(inst.a) &* 128 &+ Int(b)]
                            if n == 0 { ok = false } else {
                                var k = Int(n) &- 1
                                while k > 0 { push(dispatchTargets[Int(first) &+ k], pos); k &-= 1 }
                                pc = Int(dispatchTargets[Int(first)])
                            }
                        } else {
                            let v = forward ? UTF8Text.decode(text, pos).0 : UTF8Text.decodeBefore(text, pos).0
                            let targets = code.tables[Int(inst.a)].targets(v)
                            if targets.isEmpty { ok = false } else {
                                var k = targets.count &- 1
                                while k > 0 { push(targets[k], pos); k &-= 1 }
                                pc = Int(targets[0])
                            }
                        }
                    } else { ok = false }
                case .match:
                    if !requireEnd || pos == self.count {
                        stackCount = base
                        return pos
                    }
                    ok = false
                }
                if ok { continue }
            }
            if stackCount <= base { return nil }
            stackCount &-= 1
            let (npc, npos) = stackItems[stackCount]
            pc = Int(npc)
            pos = npos
        }
    }

    private func scalar(before pos: Int) -> UInt32? {
        pos > 0 ? UTF8Text.decodeBefore(text, pos).0 : nil
    }

    private func scalar(at pos: Int) -> UInt32? {
        pos < count ? UTF8Text.decode(text, pos).0 : nil
    }

    private func test(_ a: RegexAssertion, at pos: Int) -> Bool {
        switch a {
        case .textStart: return pos == 0
        case .textEnd: return pos == count
        case .textEndOrFinalNewline:
            if pos == count { return true }
            if pos == count - 1, text[pos] == 0x0A || text[pos] == 0x0D { return true }
            return pos == count - 2 && text[pos] == 0x0D && text[pos + 1] == 0x0A
        case .lineStart:
            guard let prev = scalar(before: pos) else { return true }
            return UTF8Text.isLineTerminator(prev) && !(prev == 0x0D && scalar(at: pos) == 0x0A)
        case .lineEnd:
            guard let next = scalar(at: pos) else { return true }
            return UTF8Text.isLineTerminator(next) && !(next == 0x0A && scalar(before: pos) == 0x0D)
        case .wordBoundary, .notWordBoundary:
            let a1 = scalar(before: pos).map(UnicodeProperty.isWord) ?? false
            let b1 = scalar(at: pos).map(UnicodeProperty.isWord) ?? false
            return (a1 != b1) == (a == .wordBoundary)
        }
    }
}
