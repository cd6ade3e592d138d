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

    /// Look-around and atomic sub-runs, within one top-level run, after which their results are
    /// remembered. A sub-run's result depends only on its program and its starting position (the
    /// text and the window are fixed), so remembering it is exact. Without this, nested atomic
    /// groups or stacked possessive quantifiers (`(?>(?>a+)+)+…`, `.+++++…`, found by the `srx`
    /// fuzz target as a language pattern that ran for minutes) run each inner group again for
    /// every outer attempt, 2^depth times. This is the memoization of Davis et al., "Using
    /// Selective Memoization to Defeat Regular Expression Denial of Service (ReDoS)", IEEE S&P
    /// 2021, applied to sub-runs (failed states inside one run are remembered after `stepBudget`).
    static let subRunBudget = 1_000

    /// Sub-runs started since the current top-level run began (nesting depth `depth`).
    private var subRuns = 0
    private var depth = 0
    /// Remembered sub-run results of the current top-level run, keyed by program and position:
    /// the end of the match, or -1 for none. Emptied when the next top-level run starts.
    private var subResults: [Int: Int] = [:]
    /// Sub-runs actually executed (not answered from `subResults`), over the machine's life; for
    /// tests.
    private(set) var executedSubRuns = 0

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
        if depth == 0 {
            subRuns = 0
            if !subResults.isEmpty { subResults.removeAll() }
        }
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
                    let found = subRun(program: Int(inst.a), at: pos) != nil
                    if found == (inst.b == 0) { pc &+= 1 } else { ok = false }
                case .atomic:
                    if let end = subRun(program: Int(inst.a), at: pos) { pos = end; pc &+= 1 } else { ok = false }
                case .dispatch:
                    if forward ? pos < count : pos > floor {
                        let b = forward ? text[pos] : text[pos &- 1]
                        if b < 0x80 {
                            let (first, n) = dispatchASCII[Int(inst.a) &* 128 &+ Int(b)]
                            if n == 0 { ok = false } else {
                                let here = Int32(truncatingIfNeeded: pc)
                                var k = Int(n) &- 1
                                while k > 0 { push(here &+ dispatchTargets[Int(first) &+ k], pos); k &-= 1 }
                                pc &+= Int(dispatchTargets[Int(first)])
                            }
                        } else {
                            let v = forward ? UTF8Text.decode(text, pos).0 : UTF8Text.decodeBefore(text, pos).0
                            let targets = code.tables[Int(inst.a)].targets(v)
                            if targets.isEmpty { ok = false } else {
                                let here = Int32(truncatingIfNeeded: pc)
                                var k = targets.count &- 1
                                while k > 0 { push(here &+ targets[k], pos); k &-= 1 }
                                pc &+= Int(targets[0])
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

    /// Runs look-around or atomic program `p` at `pos` for the run in progress, remembering the
    /// result once the top-level run has started `subRunBudget` sub-runs.
    private mutating func subRun(program p: Int, at pos: Int) -> Int? {
        subRuns &+= 1
        let remember = subRuns > Self.subRunBudget
        let key = p &* (count &+ 1) &+ pos
        if remember, let end = subResults[key] { return end < 0 ? nil : end }
        executedSubRuns &+= 1
        depth &+= 1
        let end = run(program: p, at: pos)
        depth &-= 1
        if remember { subResults[key] = end ?? -1 }
        return end
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
