/// Compiles `RegexNode`s into programs for forward or backward anchored matching.
struct RegexCompiler {
    /// Flatten and dispatch alternations outside atomic groups (on by default; off only to
    /// check, in tests, that the optimisation does not change what matches).
    var optimize = true
    private var insts: [RegexInst] = []
    private var programs: [(start: Int, forward: Bool)] = []
    private var sets: [ScalarSet] = []
    private var tables: [DispatchTable] = []
    /// What the flattening may still add to the pattern being compiled. Each alternation has its
    /// own budget (`flattenBudgetPerAlternation`) and the pattern one more for all of them: the
    /// emitter re-flattens the rests of every alternation it factors, and a budget per call alone
    /// let `a?b?c?…` (a hundred optional atoms, found by fuzzing) take seconds to compile. The
    /// programs of the pattern's look-arounds and atomic groups draw on the same budget (each had
    /// a fresh one before, so a pattern of many look-arounds could multiply it).
    ///
    /// The bundled rules use at most 2,323 of it in one pattern (measured), so the budget is ten
    /// times that: beyond it the optimiser stops rewriting, which costs speed, never correctness.
    private var flattenBudget = 0
    static let flattenBudgetPerPattern = 25_000
    static let flattenBudgetPerAlternation = 20_000

    /// Compiles `node`, a whole pattern, as a program of its own; returns its index.
    mutating func program(_ node: RegexNode, forward: Bool) -> Int {
        flattenBudget = Self.flattenBudgetPerPattern
        return subprogram(node, forward: forward, ordered: !optimize)
    }

    /// Compiles `node` as a program of its own within the current pattern's budget; `ordered` as
    /// for `emit`.
    private mutating func subprogram(_ node: RegexNode, forward: Bool, ordered: Bool) -> Int {
        var buf: [RegexInst] = []
        emit(node, into: &buf, forward: forward, ordered: ordered)
        buf.append(RegexInst(.match))
        // Jumps and splits are emitted relative to the program's start; dispatch tables hold
        // offsets from their dispatch instruction, so they need no relocation.
        let base = Int32(insts.count)
        for k in buf.indices {
            switch buf[k].op {
            case .split: buf[k].a += base; buf[k].b += base
            case .jump: buf[k].a += base
            default: break
            }
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
    private mutating func emit(_ node: RegexNode, into buf: inout [RegexInst], forward: Bool, ordered: Bool) {
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
                emit(item, into: &buf, forward: forward, ordered: ordered)
            }
        case let .alternation(original):
            // Outside atomic groups only whether some branch matches counts, not which one is
            // tried first, so branches are flattened ((?:a|b)c → ac|bc, x?y → xy|y) and then
            // chosen by their first scalar in one step.
            let branches = ordered ? original : Self.flattened(original, forward: forward, budget: &flattenBudget)
            // Hoist a literal every branch starts with: (?:ab|ac) is a(?:b|c).
            if let (head, rests) = Self.commonHead(branches, forward: forward) {
                emit(.literal(head), into: &buf, forward: forward, ordered: ordered)
                emit(.alternation(rests), into: &buf, forward: forward, ordered: ordered)
                return
            }
            // Branches that start with the same literal or class become one branch that consumes it
            // once and goes on with the alternation of their rests (a trie).
            let grouped = ordered ? branches : Self.groupedByHead(branches, forward: forward)
            if grouped.count < branches.count {
                emit(.alternation(grouped), into: &buf, forward: forward, ordered: ordered)
                return
            }
            if !ordered, let keyed = dispatchKeys(branches, forward: forward) {
                let slot = buf.count
                buf.append(RegexInst(.dispatch))
                var table = DispatchTable()
                var jumps: [Int] = []
                for (k, b) in branches.enumerated() {
                    let start = Int32(buf.count - slot)
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
                    emit(b, into: &buf, forward: forward, ordered: ordered)
                    jumps.append(buf.count)
                    buf.append(RegexInst(.jump))
                }
                let end = Int32(buf.count)
                for j in jumps { buf[j].a = end }
                tables.append(table)
                buf[slot].a = Int32(tables.count - 1)
            } else {
                var jumps: [Int] = []
                for (k, b) in branches.enumerated() {
                    if k < branches.count - 1 {
                        let split = buf.count
                        buf.append(RegexInst(.split))
                        buf[split].a = Int32(buf.count)
                        emit(b, into: &buf, forward: forward, ordered: ordered)
                        jumps.append(buf.count)
                        buf.append(RegexInst(.jump))
                        buf[split].b = Int32(buf.count)
                    } else {
                        emit(b, into: &buf, forward: forward, ordered: ordered)
                    }
                }
                let end = Int32(buf.count)
                for j in jumps { buf[j].a = end }
            }
        case let .repetition(inner, min, max, mode):
            if mode == .possessive {
                emit(.atomic(.repetition(inner, min: min, max: max, mode: .greedy)), into: &buf,
                     forward: forward, ordered: ordered)
                return
            }
            let lazy = mode == .lazy
            // The inner node is emitted once; further copies are that code shifted (its splits
            // and jumps target its own range; dispatch tables are relative, sets and sub-programs
            // shared), so `(?:a|b|c){1,60}` flattens and groups its alternation once, not 60 times.
            var first: Range<Int>? = nil
            func emitInner(_ buf: inout [RegexInst], _ compiler: inout RegexCompiler) {
                // (Only when optimising: the plain program emits every copy, so the differential
                // check compares the two ways.)
                guard compiler.optimize, let range = first else {
                    let start = buf.count
                    compiler.emit(inner, into: &buf, forward: forward, ordered: ordered)
                    first = start..<buf.count
                    return
                }
                let delta = Int32(buf.count - range.lowerBound)
                buf.reserveCapacity(buf.count + range.count)
                for k in range {
                    var inst = buf[k]
                    switch inst.op {
                    case .split: inst.a += delta; inst.b += delta
                    case .jump: inst.a += delta
                    default: break
                    }
                    buf.append(inst)
                }
            }
            for _ in 0..<min { emitInner(&buf, &self) }
            if let max {
                guard max > min else { return }
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(buf.count)
                    buf.append(RegexInst(.split))
                    emitInner(&buf, &self)
                }
                let end = Int32(buf.count)
                for s in splits {
                    buf[s] = lazy ? RegexInst(.split, end, Int32(s + 1)) : RegexInst(.split, Int32(s + 1), end)
                }
            } else {
                let loop = buf.count
                buf.append(RegexInst(.split))
                emitInner(&buf, &self)
                buf.append(RegexInst(.jump, Int32(loop)))
                let end = Int32(buf.count)
                buf[loop] = lazy ? RegexInst(.split, end, Int32(loop + 1)) : RegexInst(.split, Int32(loop + 1), end)
            }
        case let .atomic(inner):
            // An atomic group keeps the first match in priority order, so its body is compiled
            // ordered (it was compiled like the rest of the pattern, and the optimiser's
            // reordering changed which match the group kept; found by the differential test).
            let p = subprogram(inner, forward: forward, ordered: true)
            buf.append(RegexInst(.atomic, Int32(p)))
        case let .look(inner, ahead, negative):
            // Only whether a look-around matches counts, so its body may be reordered.
            let p = subprogram(inner, forward: ahead, ordered: !optimize)
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
        case let .set(set): return (node, "s\(set.caseInsensitive)" + set.node.key, .empty)
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
            let kept = parts.filter { !$0.isEmpty }
            return (h, kept.isEmpty ? .empty : (kept.count == 1 ? kept[0] : .concat(kept)))
        default:
            return nil
        }
    }

    /// The branches of an unordered alternation with nested alternations spliced in and
    /// alternations and optional parts at the head distributed over the rest:
    /// (?:a|b)c → ac | bc, x?y → xy | y, x{0,2}y → x x{0,1} y | y. Stops growing when this
    /// call's budget or `programBudget` (the size its copies add, shared by the whole program)
    /// runs out.
    static func flattened(_ branches: [RegexNode], forward: Bool, budget programBudget: inout Int) -> [RegexNode] {
        var out: [RegexNode] = []
        // The work list is a stack, its next branch last (pushes are reversed), so taking the next
        // branch and putting its replacements in front are both O(1) in the length of the list.
        var work = Array(branches.reversed())
        var budget = min(flattenBudgetPerAlternation, programBudget)
        let start = budget
        defer { programBudget -= start - budget }
        while let b = work.popLast() {
            if budget <= 0 { out.append(b); continue }
            switch b {
            case let .alternation(bs):
                work.append(contentsOf: bs.reversed())
                continue
            case let .concat(raw):
                // (Copies only when needed: the arrays are copied on write, and a copy of every
                // branch at every step led the compiler's profile under AddressSanitizer.)
                let hasEmpty = raw.contains(where: \.isEmpty)
                var items = hasEmpty ? raw.filter { !$0.isEmpty } : raw
                if items.isEmpty { out.append(.empty); continue }
                let hi = forward ? 0 : items.count - 1
                switch items[hi] {
                case let .concat(nested):
                    items.replaceSubrange(hi...hi, with: nested)
                    work.append(.concat(items))
                    continue
                case let .alternation(inner):
                    let restSize = Self.expandedSize(items, without: hi)
                    let cost = restSize * (inner.count - 1)
                    if cost <= budget {
                        budget -= cost
                        work.append(contentsOf: inner.reversed().map { alt -> RegexNode in
                            var copy = items
                            copy[hi] = alt
                            return .concat(copy)
                        })
                        continue
                    }
                case let .repetition(x, 0, max?, mode) where max <= 3 && mode != .possessive:
                    var withOne = items
                    let again: RegexNode = max > 1 ? .repetition(x, min: 0, max: max - 1, mode: mode) : .empty
                    withOne.replaceSubrange(hi...hi, with: forward ? [x, again] : [again, x])
                    if x.nullable {
                        // x{0,n} matches what x x{0,n-1} matches when x can match empty text, so
                        // the branch without x adds nothing: stacked optionals such as
                        // `(?:(?:a?)?)?` (found by fuzzing) doubled the branches at every level.
                        work.append(.concat(withOne))
                        continue
                    }
                    let restSize = Self.expandedSize(items, without: hi)
                    if restSize <= budget {
                        budget -= restSize
                        var without = items
                        without.remove(at: hi)
                        work.append(contentsOf: [.concat(without), .concat(withOne)])
                        continue
                    }
                default:
                    break
                }
                out.append(items.count == 1 ? items[0] : hasEmpty ? .concat(items) : b)
            default:
                out.append(b)
            }
        }
        return out
    }

    /// The expanded size of `items` but the one at `skipped`.
    private static func expandedSize(_ items: [RegexNode], without skipped: Int) -> Int {
        var total = 0
        for k in items.indices where k != skipped { total += items[k].expandedSize }
        return total
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
