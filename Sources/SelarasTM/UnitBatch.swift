import SelarasCore
import SelarasFormats
/// Units on their way into a store, in one piece: every text of every unit back to back in one byte
/// buffer, and per unit a record of where its fields are. The reading thread fills a batch and the
/// storing thread binds its bytes straight into SQLite, so a unit crossing threads costs no string,
/// array or object of its own (and no allocation freed on another thread than the one that made it).
///
/// A batch also carries each unit's index terms (`KeyInterner`) when the reading thread computed
/// them, and the context keys of units whose props name their neighbours.
struct UnitBatch {
    /// A field's bytes in `bytes`; `count == absent` for a missing (NULL) field.
    struct Span {
        var start: UInt32
        var count: UInt32
        static let absent = UInt32.max
        static let none = Span(start: 0, count: absent)
        var isAbsent: Bool { count == Self.absent }
    }

    struct Unit {
        var tuid: Span
        var source: Span
        var target: Span
        var sourceLanguage: Span
        var targetLanguage: Span
        var created: Span
        var changed: Span
        /// `UnitExtras`'s record of props, notes, attributes and markup (absent when there are none).
        var extra: Span
        var line: Int64?
        /// From `prev`/`next`-style props (`TMUnitContext.fromProps`); nil when the unit has none.
        var propsContext: TMUnitContext?
    }

    private(set) var bytes: [UInt8] = []
    private(set) var units: [Unit] = []
    /// Index terms of every unit's source, back to back, when computed by the reader
    /// (`termsComputed`); `termEnds[i]` is where unit i's end.
    var terms: [UInt32] = []
    var termEnds: [UInt32] = []
    var contexts: [UInt64] = []
    /// The words that became terms of the interner while this batch's terms were computed, in term
    /// order (so that the storing thread can stem what the reading thread found).
    var newWords: [String] = []
    var termsComputed: Bool { termEnds.count == units.count && !units.isEmpty }

    var count: Int { units.count }
    var isEmpty: Bool { units.isEmpty }

    init(capacity: Int = 0) {
        units.reserveCapacity(capacity)
        bytes.reserveCapacity(capacity * 768)
    }

    /// Empties the batch, keeping its memory.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        units.removeAll(keepingCapacity: true)
        terms.removeAll(keepingCapacity: true)
        termEnds.removeAll(keepingCapacity: true)
        contexts.removeAll(keepingCapacity: true)
        newWords.removeAll()
    }

    private mutating func put<C: Collection>(_ b: C) -> Span where C.Element == UInt8 {
        let start = UInt32(bytes.count)
        bytes.append(contentsOf: b)
        return Span(start: start, count: UInt32(b.count))
    }

    private mutating func put(_ s: String?) -> Span {
        guard let s else { return .none }
        let start = UInt32(bytes.count)
        bytes.append(contentsOf: s.utf8)
        return Span(start: start, count: UInt32(bytes.count) - start)
    }

    private mutating func putExtras(props: [TMUnit.Prop], notes: [String], attributes: [TMAttribute],
                                    source: TMUnit.Variant, target: TMUnit.Variant) -> Span {
        let start = bytes.count
        guard UnitExtras.append(props: props, notes: notes, attributes: attributes, source: source, target: target, to: &bytes) else {
            return .none
        }
        return Span(start: UInt32(start), count: UInt32(bytes.count - start))
    }

    /// Appends a unit as the reader delivered it.
    mutating func append(_ u: borrowing ReadUnit) {
        let unit = Unit(tuid: put(u.tuid), source: put(u.sourceText[u.sourceRange]), target: put(u.targetText[u.targetRange]),
                        sourceLanguage: put(u.sourceLanguage), targetLanguage: put(u.targetLanguage), created: put(u.creationDate),
                        changed: put(u.changeDate),
                        extra: putExtras(props: u.props, notes: u.notes, attributes: u.attributes, source: u.sourceVariant, target: u.targetVariant),
                        line: Int64(u.line), propsContext: TMUnitContext.fromProps(u.props))
        units.append(unit)
    }

    /// Appends a unit given whole (units added from reviewed XLIFF).
    mutating func append(_ u: TMUnit) {
        var source = u.source, target = u.target
        let unit = Unit(tuid: put(u.tuid), source: source.withUTF8 { put($0) }, target: target.withUTF8 { put($0) },
                        sourceLanguage: put(u.sourceLanguage), targetLanguage: put(u.targetLanguage), created: put(u.creationDate),
                        changed: put(u.changeDate),
                        extra: putExtras(props: u.props, notes: u.notes, attributes: u.attributes, source: u.sourceVariant, target: u.targetVariant),
                        line: u.line.map(Int64.init), propsContext: TMUnitContext.fromProps(u.props))
        units.append(unit)
    }

    /// Unit `i`'s source text.
    func withSource<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let s = units[i].source
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[Int(s.start)..<Int(s.start + s.count)])) }
    }

    /// Computes every unit's terms and context key with `interner` (see `KeyInterner.terms`).
    mutating func computeTerms(_ interner: KeyInterner) {
        let before = interner.termCount
        defer { newWords = interner.words(from: before) }
        terms.removeAll(keepingCapacity: true)
        termEnds.removeAll(keepingCapacity: true)
        contexts.removeAll(keepingCapacity: true)
        termEnds.reserveCapacity(units.count)
        contexts.reserveCapacity(units.count)
        var terms = self.terms
        self.terms = []  // one owner of the buffer while it grows
        bytes.withUnsafeBufferPointer { b in
            for u in units {
                let text = UnsafeBufferPointer(rebasing: b[Int(u.source.start)..<Int(u.source.start + u.source.count)])
                contexts.append(interner.terms(utf8: text, appendingTo: &terms))
                termEnds.append(UInt32(terms.count))
            }
        }
        self.terms = terms
    }
}
