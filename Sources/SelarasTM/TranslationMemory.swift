import Foundation
import SelarasCore
import SelarasFormats
import SelarasText

/// A sentence to look up, with its neighbours for in-context matches and its glossary hits for repair.
public struct TMQuery: Sendable, Hashable {
    public var text: String
    /// The segment before this one in its document (nil at the start), for exact-with-context matches.
    public var previous: String?
    /// The segment after this one (nil at the end).
    public var next: String?
    /// Glossary hits in `text` (code-point spans), used to repair matches that differ in a term.
    public var terms: [TermHit]
    /// Inline codes of the query, when it has any (for the tag penalty); usually empty.
    public var markup: [TMInline]

    public init(text: String, previous: String? = nil, next: String? = nil, terms: [TermHit] = [], markup: [TMInline] = []) {
        self.text = text
        self.previous = previous
        self.next = next
        self.terms = terms
        self.markup = markup
    }
}

/// A translation memory with exact, in-context, fuzzy and repaired matches.
///
/// Which to call:
/// - `TranslationMemory.open(tmx:store:...)` in the pipeline and the CLI: builds or refreshes a
///   SQLite store (units, metadata and the fuzzy index) from the TMX files, re-reading a file only
///   when its content hash changed, and loads the index from the store, so later runs start fast.
/// - `TranslationMemory.open(store:)` for a store maintained with `selaras tm import/update`.
/// - `TranslationMemory.load(tmx:...)` reads the TMX files into memory every time (no store).
/// - `TranslationMemory(units:)` for units already in memory (tests, small TMs).
///
/// `lookup` is thread-safe: the index is immutable, and a store-backed memory reads units through
/// a pool of read-only connections. See `TMScorer` for scores and kinds, `MatchRepair` for repairs.
public final class TranslationMemory: Sendable {
    let index: FuzzyIndex
    let provider: any TMUnitProvider
    /// Units without word or number tokens (found by their match key, not the index).
    let keyless: [UInt64: [Int]]
    let scorer: TMScorer
    let repairer: MatchRepair
    /// Finds glossary terms in a TM source, for term repair (the same matcher that produced the
    /// query's `terms`). Without it, only placeables are repaired.
    public let termMatcher: (@Sendable (String) -> [TermHit])?

    /// How many candidates (best token score first) are classified per lookup.
    static let classifyLimit = 64

    init(index: FuzzyIndex, provider: any TMUnitProvider, keyless: [UInt64: [Int]], analyzer: MatchAnalyzer,
         termMatcher: (@Sendable (String) -> [TermHit])?) {
        self.index = index
        self.provider = provider
        self.keyless = keyless
        scorer = TMScorer(analyzer: analyzer)
        repairer = MatchRepair(analyzer: analyzer)
        self.termMatcher = termMatcher
    }

    /// A memory over `units`, in this order. A unit's context is its neighbours in the array that
    /// share its `origin` (or its `prev`/`next`-style props, see `TMUnitContext`).
    public convenience init(units: [TMUnit], termMatcher: (@Sendable (String) -> [TermHit])? = nil) {
        let analyzer = MatchAnalyzer()
        var builder = FuzzyIndexBuilder()
        var keyless: [UInt64: [Int]] = [:]
        for (i, u) in units.enumerated() {
            let (count, context) = builder.add(text: u.source)
            if count == 0 { keyless[context, default: []].append(i) }
        }
        let contexts = TMUnitContext.adjacent(units)
        self.init(index: builder.build(), provider: MemoryUnitProvider(units: units, contexts: contexts), keyless: keyless,
                  analyzer: analyzer, termMatcher: termMatcher)
    }

    /// Loads every unit of the given TMX files into memory; the issues name the file, line and tuid.
    public static func load(tmx urls: [URL], sourceLanguage: String = "id", targetLanguage: String = "en",
                            termMatcher: (@Sendable (String) -> [TermHit])? = nil) throws -> (TranslationMemory, [Diagnostic]) {
        var units: [TMUnit] = []
        var issues: [Diagnostic] = []
        let reader = TMXReader(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        for url in urls {
            issues += try reader.read(url) { units.append($0) }
        }
        return (TranslationMemory(units: units, termMatcher: termMatcher), issues)
    }

    /// A memory over a store's units and index (see `TMStore`).
    public convenience init(store: TMStore, termMatcher: (@Sendable (String) -> [TermHit])? = nil) throws {
        let (index, rowids, keyless) = try store.index()
        self.init(index: index, provider: StoreUnitProvider(store: store, rowids: rowids), keyless: keyless, analyzer: MatchAnalyzer(),
                  termMatcher: termMatcher)
    }

    /// The memory of `tmx` files through a store (see the type's documentation): the store at `store`
    /// (or `defaultStoreURL` when nil) is created or refreshed, by content hash, to hold exactly these
    /// files' units (plus units added by `selaras tm update`), then the memory is loaded from it.
    /// When the default store cannot be used (a read-only cache folder, say), the files are read into
    /// memory instead and a `note` issue says so; an explicit `store` that cannot be used throws.
    public static func open(tmx urls: [URL], store: URL? = nil, sourceLanguage: String = "id", targetLanguage: String = "en",
                            termMatcher: (@Sendable (String) -> [TermHit])? = nil) throws -> (TranslationMemory, [Diagnostic]) {
        let location = store ?? defaultStoreURL(tmx: urls, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        do {
            let s = try TMStore(url: location, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
            let report = try s.sync(tmx: urls, prune: true)
            return (try TranslationMemory(store: s, termMatcher: termMatcher), report.issues)
        } catch let e as TMStore.StoreError where store == nil {
            let (tm, issues) = try load(tmx: urls, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, termMatcher: termMatcher)
            let note = Diagnostic.tmx(.kept, at: SourceLocation(file: location.path), "TM store not used (\(e)); the TMX files were read into memory")
            return (tm, [note] + issues)
        }
    }

    /// Where `open(tmx:store: nil)` keeps the store for a set of TMX files:
    /// `$XDG_CACHE_HOME/selaras/tm-HASH.sqlite` (`~/.cache` without XDG_CACHE_HOME), HASH naming the
    /// files' absolute paths and the language pair.
    public static func defaultStoreURL(tmx urls: [URL], sourceLanguage: String = "id", targetLanguage: String = "en") -> URL {
        var f = Fingerprint()
        for p in urls.map({ $0.standardizedFileURL.path }).sorted() { f.combine(p) }
        f.combine(sourceLanguage)
        f.combine(targetLanguage)
        let env = ProcessInfo.processInfo.environment
        let cache = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return cache.appendingPathComponent("selaras").appendingPathComponent("tm-\(f.hex).sqlite")
    }

    /// The number of units.
    public var count: Int { index.unitCount }

    /// The unit at `ordinal` (0..<count), in load order.
    public func unit(at ordinal: Int) -> TMUnit? { provider.unit(ordinal)?.unit }

    /// Matches scoring at least `threshold` (0–100), best first (by kind, then score), at most `max`.
    /// Identical source/target pairs from several files are reported once. `exhaustive` scores every
    /// unit instead of asking the index (same scorer, same results; for checking the index).
    public func lookup(_ query: TMQuery, threshold: Double = 75, max: Int = 5, exhaustive: Bool = false) -> [TMMatch] {
        guard max > 0 else { return [] }
        let q = TMScorer.Query(query, analyzer: scorer.analyzer)
        let ids = index.ids(for: q.analysis.keys)
        let minSimilarity = Swift.max(0, (threshold - 0.5) / 100)
        var candidates = exhaustive ? index.exhaustive(ids, minSimilarity: minSimilarity) : index.search(ids, minSimilarity: minSimilarity)
        if ids.isEmpty {
            for o in keyless[MatchAnalyzer.contextKey(query.text)] ?? [] {
                candidates.append(FuzzyIndex.Candidate(ordinal: o, distance: 0, longest: 0))
            }
        }
        candidates.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.ordinal < $1.ordinal }

        var scored: [(match: TMMatch, date: String?, ordinal: Int)] = []
        var seen = Set<String>()
        let limit = Swift.max(Self.classifyLimit, max * 8)
        // Candidates in token-similarity order. Penalties only lower a score, so once `max` matches
        // are kept, a candidate whose token score is below the lowest kept score cannot enter the
        // result (kinds above fuzzy need a token score of 100, term repairs aside: with glossary
        // terms in the query every candidate up to the limit is classified).
        var kept: [Double] = []
        for c in candidates.prefix(limit) {
            let upper = c.longest == 0 ? 100 : (100 * c.similarity).rounded()
            if query.terms.isEmpty, kept.count >= max, upper < kept[kept.count - max] { break }
            guard let stored = provider.unit(c.ordinal) else { continue }
            let u = stored.unit
            let r = scorer.score(q, unit: u, previousKey: stored.previousKey, nextKey: stored.nextKey, hasContext: stored.hasContext,
                                 distance: c.distance, longest: c.longest)
            guard r.score >= threshold else { continue }
            guard seen.insert(u.source + "\u{0}" + u.target).inserted else { continue }
            var match = TMMatch(score: r.score, kind: r.kind, source: u.source, target: u.target, penalties: r.penalties,
                                origin: u.originLabel)
            if r.kind == .fuzzy, let repair = repairer.repair(query: q, unit: u, unitAnalysis: r.unitAnalysis, termMatcher: termMatcher) {
                match.kind = .repairedFuzzy
                match.repairedTarget = repair.target
                match.repairs = repair.changes
            }
            scored.append((match, u.changeDate ?? u.creationDate, c.ordinal))
            let at = kept.firstIndex { $0 > r.score } ?? kept.count
            kept.insert(r.score, at: at)
        }
        return Array(TMScorer.rank(scored, query: query.text).prefix(max))
    }
}

/// A unit as a provider hands it to lookup: the unit and its context keys.
struct ProvidedUnit: Sendable {
    var unit: TMUnit
    var previousKey: UInt64?
    var nextKey: UInt64?
    var hasContext: Bool
}

/// Where a memory's units live (memory or a store), by ordinal.
protocol TMUnitProvider: Sendable {
    func unit(_ ordinal: Int) -> ProvidedUnit?
}

struct StoreUnitProvider: TMUnitProvider {
    let store: TMStore
    let rowids: [Int64]

    func unit(_ ordinal: Int) -> ProvidedUnit? {
        guard ordinal >= 0, ordinal < rowids.count else { return nil }
        return store.unit(rowid: rowids[ordinal])
    }
}

struct MemoryUnitProvider: TMUnitProvider {
    let units: [TMUnit]
    let contexts: [TMUnitContext]

    func unit(_ ordinal: Int) -> ProvidedUnit? {
        guard ordinal >= 0, ordinal < units.count else { return nil }
        let c = contexts[ordinal]
        return ProvidedUnit(unit: units[ordinal], previousKey: c.previous, nextKey: c.next, hasContext: c.known)
    }
}

/// The neighbours of a unit, as context keys (`MatchAnalyzer.contextKey`).
///
/// From the unit's props when it has them (`x-context-pre`/`x-context-post`, `prev`/`next`,
/// `x-prev`/`x-next`: the neighbouring source text), else from its neighbours in the file it was
/// read from (units are written in document order by most tools, and by Selaras).
struct TMUnitContext: Sendable, Hashable {
    var previous: UInt64?
    var next: UInt64?
    var known: Bool

    static func fromProps(_ u: TMUnit) -> TMUnitContext? { fromProps(u.props) }

    static func fromProps(_ props: [TMUnit.Prop]) -> TMUnitContext? {
        if props.isEmpty { return nil }
        // A switch over the few names, not a set: no string hashing for every imported unit.
        func isPrevious(_ t: String) -> Bool {
            switch t { case "x-context-pre", "prev", "x-prev", "x-context-prev": return true; default: return false }
        }
        func isNext(_ t: String) -> Bool {
            switch t { case "x-context-post", "next", "x-next", "x-context-next": return true; default: return false }
        }
        let p = props.first { isPrevious($0.type) }
        let n = props.first { isNext($0.type) }
        if p == nil && n == nil { return nil }
        return TMUnitContext(previous: p.flatMap { $0.value.isEmpty ? nil : MatchAnalyzer.contextKey($0.value) },
                             next: n.flatMap { $0.value.isEmpty ? nil : MatchAnalyzer.contextKey($0.value) }, known: true)
    }

    /// Contexts for units in file order: props first, else the neighbours with the same origin.
    static func adjacent(_ units: [TMUnit]) -> [TMUnitContext] {
        var out: [TMUnitContext] = []
        out.reserveCapacity(units.count)
        for (i, u) in units.enumerated() {
            if let c = fromProps(u) { out.append(c); continue }
            let prev = i > 0 && units[i - 1].origin == u.origin ? MatchAnalyzer.contextKey(units[i - 1].source) : nil
            let next = i + 1 < units.count && units[i + 1].origin == u.origin ? MatchAnalyzer.contextKey(units[i + 1].source) : nil
            out.append(TMUnitContext(previous: prev, next: next, known: !u.origin.isEmpty))
        }
        return out
    }
}
