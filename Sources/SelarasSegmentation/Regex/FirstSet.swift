/// The scalars that can be met first by a program: a cheap pre-test before running it.
struct FirstSet: Sendable {
    /// True when the pattern can match the empty string (or begins with something not tracked),
    /// so any scalar — or none — may follow.
    var unrestricted: Bool
    var sets: [ScalarSet]

    @inline(__always)
    func contains(_ v: UInt32) -> Bool {
        if unrestricted { return true }
        for s in sets where s.contains(v) { return true }
        return false
    }

    /// Whether the set might contain a non-ASCII scalar.
    var mayContainNonASCII: Bool { unrestricted || sets.contains { $0.mayContainNonASCII } }

    static let any = FirstSet(unrestricted: true, sets: [])

    /// First scalars of `node` in the given direction, and whether it is nullable.
    static func of(_ node: RegexNode, forward: Bool) -> FirstSet {
        let (sets, nullable) = collect(node, forward: forward)
        guard !nullable, let sets else { return .any }
        return FirstSet(unrestricted: false, sets: sets)
    }

    /// (sets, nullable); sets nil means unrestricted.
    private static func collect(_ node: RegexNode, forward: Bool) -> ([ScalarSet]?, Bool) {
        switch node {
        case .empty, .assertion, .look:
            return ([], true)
        case let .literal(v):
            return ([ScalarSet(scalars: [v])], false)
        case let .set(s):
            return ([s], false)
        case .any:
            return (nil, false)
        case let .concat(items):
            var acc: [ScalarSet] = []
            for item in forward ? items : items.reversed() {
                let (s, nullable) = collect(item, forward: forward)
                guard let s else { return (nil, false) }
                acc += s
                if !nullable { return (acc, false) }
            }
            return (acc, true)
        case let .alternation(branches):
            var acc: [ScalarSet] = []
            var nullable = false
            for b in branches {
                let (s, n) = collect(b, forward: forward)
                guard let s else { return (nil, n || nullable) }
                acc += s
                nullable = nullable || n
            }
            return (acc, nullable)
        case let .repetition(inner, min, _, _):
            let (s, n) = collect(inner, forward: forward)
            return (s, n || min == 0)
        case let .atomic(inner):
            return collect(inner, forward: forward)
        }
    }
}
