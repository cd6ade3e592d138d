/// The parsed form of a regular expression in the ICU/Java syntax that SRX files use.
indirect enum RegexNode: Sendable {
    case empty
    /// One literal scalar.
    case literal(UInt32)
    case set(ScalarSet)
    /// `.`; `dotAll` when `(?s)` is on.
    case any(dotAll: Bool)
    case concat([RegexNode])
    case alternation([RegexNode])
    case repetition(RegexNode, min: Int, max: Int?, mode: RepetitionMode)
    /// `(?>...)`: the first way the group matches is the only one tried.
    case atomic(RegexNode)
    /// `(?=...)`, `(?!...)`, `(?<=...)`, `(?<!...)`.
    case look(RegexNode, ahead: Bool, negative: Bool)
    case assertion(RegexAssertion)

    /// Where `expandedSize` stops counting (far above any size a pattern may have).
    static let sizeCap = 1 << 40

    /// The number of instructions the node compiles to, roughly, with repetitions expanded; at
    /// most `sizeCap`. It saturates at every step: stacked quantifiers (`a++++…`, found by
    /// fuzzing) doubled it at every level until it overflowed Int and trapped.
    var expandedSize: Int {
        switch self {
        case .empty, .literal, .set, .any, .assertion: return 1
        case let .concat(ns): return ns.reduce(0) { Self.capped($0 + $1.expandedSize) }
        case let .alternation(ns): return ns.reduce(0) { Self.capped($0 + $1.expandedSize + 2) }
        case let .repetition(n, min, max, _):
            let (product, overflow) = n.expandedSize.multipliedReportingOverflow(by: Swift.max(max ?? (min + 1), 1))
            return overflow ? Self.sizeCap : Self.capped(product + 2)
        case let .atomic(n), let .look(n, _, _): return Self.capped(n.expandedSize + 2)
        }
    }

    private static func capped(_ size: Int) -> Int { Swift.min(size, sizeCap) }

    /// Whether the node is `.empty`.
    var isEmpty: Bool {
        if case .empty = self { return true } else { return false }
    }

    /// Whether the node can match without consuming text.
    var nullable: Bool {
        switch self {
        case .empty, .look, .assertion: return true
        case .literal, .set, .any: return false
        case let .concat(ns): return ns.allSatisfy(\.nullable)
        case let .alternation(ns): return ns.contains { $0.nullable }
        case let .repetition(n, min, _, _): return min == 0 || n.nullable
        case let .atomic(n): return n.nullable
        }
    }
}

enum RepetitionMode: Sendable { case greedy, lazy, possessive }

/// Zero-width position tests.
enum RegexAssertion: Int32, Sendable {
    /// `^` (without `(?m)`) and `\A`.
    case textStart
    /// `\z`.
    case textEnd
    /// `$` (without `(?m)`) and `\Z`: the end, or before a final line terminator.
    case textEndOrFinalNewline
    /// `^` with `(?m)`.
    case lineStart
    /// `$` with `(?m)`.
    case lineEnd
    case wordBoundary
    case notWordBoundary
}

/// A pattern that does not parse, or uses a feature Selaras does not support.
struct RegexSyntaxError: Error, Sendable, CustomStringConvertible, Equatable {
    /// 1-based position in the pattern, counted in code points.
    var column: Int
    var message: String

    var description: String { "column \(column) of the pattern: \(message)" }
}
