/// A compiled regular expression that answers one question fast: does the pattern match text that
/// starts (forwards) or ends (backwards) at a given position? This is what SRX needs: a rule applies
/// at a position when its `beforebreak` pattern matches text ending there and its `afterbreak`
/// pattern matches text starting there.
///
/// The pattern language is the ICU/Java syntax of SRX files (see `RegexParser` for what is and is
/// not supported). Look-behind may have any length. Matching is a backtracking machine over UTF-8
/// bytes that switches to memoisation of (instruction, position) states after a step budget, so a
/// single test costs at most O(pattern × text it inspects) even for patterns like `(a*)*b`.
struct SRXRegex: Sendable {
    let code: RegexCode
    /// The program for anchored forward matching.
    let forward: Int
    /// The program for anchored backward matching.
    let backward: Int
    /// The pattern as written.
    let pattern: String
    /// Scalars that can come first when matching forwards (`nil`: any, or the empty match).
    let firstForward: FirstSet
    /// Scalars that can come last in a match (the first met when matching backwards).
    let firstBackward: FirstSet

    /// Compiles `pattern`; `caseInsensitive` is the initial value of the `(?i)` flag.
    init(_ pattern: String, caseInsensitive: Bool = false) throws(RegexSyntaxError) {
        let node = try RegexParser.parse(pattern, caseInsensitive: caseInsensitive)
        try Self.checkSize(node)
        self.init(node: node, pattern: pattern)
    }

    /// Patterns whose repetitions expand past this many instructions are refused.
    static let maximumSize = 100_000

    static func checkSize(_ node: RegexNode) throws(RegexSyntaxError) {
        if node.expandedSize > maximumSize {
            throw RegexSyntaxError(column: 1, message: "the pattern is too large once its repetitions are expanded")
        }
    }

    init(node: RegexNode, pattern: String, optimize: Bool = true) {
        var compiler = RegexCompiler()
        compiler.optimize = optimize
        self.forward = compiler.program(node, forward: true)
        self.backward = compiler.program(node, forward: false)
        self.code = compiler.finish()
        self.pattern = pattern
        self.firstForward = FirstSet.of(node, forward: true)
        self.firstBackward = FirstSet.of(node, forward: false)
    }

    /// Whether the pattern matches the whole of `text`.
    func matchesWhole(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        let n = bytes.count
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buf in
            var m = RegexMachine(code: code, text: buf.baseAddress!, count: n)
            defer { m.release() }
            return m.matchesExactly(program: forward, from: 0, to: n)
        }
    }

    /// Whether some match starts at byte offset `position` of valid UTF-8 `text`.
    func matches(startingAt position: Int, in machine: inout RegexMachine) -> Bool {
        machine.run(program: forward, at: position) != nil
    }

    /// Whether some match ends at byte offset `position` of valid UTF-8 `text`.
    func matches(endingAt position: Int, in machine: inout RegexMachine) -> Bool {
        machine.run(program: backward, at: position) != nil
    }
}
