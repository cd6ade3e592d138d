import Foundation
import SelarasCore
import SelarasOutput
import SelarasQA
import SelarasTM

/// Gives every segment of a document its English: TM fills first, then machine translation for the
/// rest, then the quality checks on whatever was filled (`TranslationQA`).
///
/// - A TM fill is the best match at or above the fill threshold, its repaired target when repair
///   applied. A fill whose numbers, dates or amounts differ from the sentence's (the QA `number`
///   check finds something) is not a fill: repair could not carry them over, so the sentence goes
///   to machine translation instead of getting wrong facts.
/// - Each sentence sent carries its glossary terms (the `terms` layer, preferred translations), up to
///   `examples` TM matches below the fill threshold with score at least `examples_min_score`, and its
///   neighbours as context. Identical sentences are sent once. Furniture is not sent.
/// - The MT cache (in the TM store) answers what was translated before with the same provider,
///   glossary and context: nothing is sent for it.
/// - `max_characters` is a budget for the whole run: once it is spent, sentences are not sent, and
///   stay untranslated with the reason.
/// - A sentence the provider fails on stays untranslated with the reason as its origin (never the
///   source copied as a translation), and the article is incomplete (`ArticleRun.incomplete`).
public struct MachineTranslation: Sendable {
    public let provider: any TranslationProvider
    public let settings: TranslationSettings
    public let memory: TranslationMemory?
    public let cache: (any TranslationCache)?
    public let qa: TranslationQA?
    /// Characters sent so far in the run (shared by every article).
    let budget = Locked(0)
    /// Set once the budget ran out (for a single warning).
    let budgetWarned = Locked(false)

    public init(provider: any TranslationProvider, settings: TranslationSettings, memory: TranslationMemory?, cache: (any TranslationCache)?,
                qa: TranslationQA?) {
        self.provider = provider
        self.settings = settings
        self.memory = memory
        self.cache = settings.cache && !(provider is NoneProvider) ? cache : nil
        self.qa = qa
    }

    /// Fills `document.targets`; problems go to `run` (warnings, incomplete, the MT report).
    /// `neighbours` gives each segment's context sentences (default: the segments before and after it).
    public func fill(_ document: inout Document, run: ArticleRun, neighbours: ((Int) -> (String?, String?))? = nil) {
        guard let segments = document.segments else { return }
        let terms = document.terms
        var targets: [Target] = segments.indices.map { i in
            if let t = document.targets, i < t.count, t[i].provenance == .reviewed { return t[i] }
            return tmFill(segments[i].text, document.matches.flatMap { i < $0.count ? $0[i] : nil } ?? [],
                          terms: terms.map { i < $0.count ? $0[i] : [] } ?? []) ?? .untranslated
        }
        if !(provider is NoneProvider) {
            translate(segments, terms: terms, targets: &targets, run: run, articleID: document.article.id, neighbours: neighbours)
        }
        if let qa {
            for i in targets.indices {
                guard let text = targets[i].text, targets[i].provenance != .reviewed, targets[i].provenance != .exactTM else { continue }
                let found = qa.check(source: segments[i].text, target: text, terms: terms.map { i < $0.count ? $0[i] : [] } ?? [])
                targets[i].qa = found.isEmpty ? nil : found
            }
        }
        document.targets = targets
    }

    /// The TM fill of a sentence: the best match at or above the threshold whose facts agree.
    func tmFill(_ source: String, _ matches: [TMMatch], terms: [TermHit]) -> Target? {
        guard let best = matches.first, best.score >= settings.fillThreshold else { return nil }
        let target = BilingualView.target(from: best)
        if best.kind > .exactTextOnly, let text = target.text, !TranslationQA().numbers(source: source, target: text).isEmpty {
            return nil  // a number, date or amount differs and repair did not carry it over
        }
        return target
    }

    func translate(_ segments: [Segment], terms: [[TermHit]]?, targets: inout [Target], run: ArticleRun, articleID: String,
                   neighbours: ((Int) -> (String?, String?))?) {
        // The sentences to send, each text once.
        var pending: [String: [Int]] = [:]
        var order: [String] = []
        for (i, seg) in segments.enumerated() {
            guard targets[i].text == nil, seg.role != .furniture,
                  !seg.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            if pending[seg.text] == nil { order.append(seg.text) }
            pending[seg.text, default: []].append(i)
        }
        guard !order.isEmpty else { return }
        var report = MachineTranslationReport()
        let requests = order.map { text in
            request(text, index: pending[text]![0], segments: segments, terms: terms, articleID: articleID, neighbours: neighbours)
        }
        let keys = requests.map(cacheKey)
        let cached = (try? cache?.cachedTranslations(keys)) ?? [:]

        var toSend: [Int] = []
        for (k, text) in order.enumerated() {
            if let english = cached[keys[k]] {
                for i in pending[text]! { targets[i] = Target(text: english, provenance: .machine, origin: provider.name) }
                report.cached += 1
            } else {
                toSend.append(k)
            }
        }
        // The run's character budget.
        var allowed: [Int] = []
        for k in toSend {
            let n = requests[k].text.unicodeScalars.count
            let ok = settings.maxCharacters.map { limit in budget.withLock { used -> Bool in
                guard used + n <= limit else { return false }
                used += n
                return true
            } } ?? { budget.add(n); return true }()
            if ok {
                allowed.append(k)
                report.characters += n
            } else {
                report.notSent += 1
                for i in pending[order[k]]! {
                    targets[i] = Target(text: nil, provenance: .untranslated,
                                        origin: "not sent: the run's max_characters (\(settings.maxCharacters ?? 0)) was reached")
                }
            }
        }
        if report.notSent > 0 {
            run.incomplete = true
            if budgetWarned.withLock({ w -> Bool in defer { w = true }; return !w }) {
                run.warnings.append("machine translation: max_characters (\(settings.maxCharacters ?? 0)) reached; the sentences after it are not sent and are marked untranslated")
            }
        }
        let outcomes = allowed.isEmpty ? [] : provider.translate(allowed.map { requests[$0] })
        report.sent = allowed.count
        var fresh: [MTCache.Entry] = []
        for (n, k) in allowed.enumerated() {
            let text = order[k]
            let outcome = n < outcomes.count ? outcomes[n]
                : .failure(TranslationFailure(provider: provider.name, id: requests[k].id, message: "no outcome returned"))
            switch outcome {
            case let .success(english):
                for i in pending[text]! { targets[i] = Target(text: english, provenance: .machine, origin: provider.name) }
                fresh.append(MTCache.Entry(key: keys[k], provider: provider.name, source: text, target: english))
            case let .failure(f):
                report.failed += 1
                run.incomplete = true
                run.warnings.append("machine translation: \(f)")
                for i in pending[text]! { targets[i] = Target(text: nil, provenance: .untranslated, origin: "\(f.provider) failed: \(f.message)") }
            }
        }
        if !fresh.isEmpty {
            do { try cache?.cacheTranslations(fresh) } catch { run.warnings.append("machine translation: the MT cache could not be written: \(error)") }
        }
        run.machineTranslation = report
    }

    /// The request for a sentence: its glossary terms, TM examples and neighbours.
    func request(_ text: String, index i: Int, segments: [Segment], terms: [[TermHit]]?, articleID: String,
                 neighbours: ((Int) -> (String?, String?))?) -> TranslationRequest {
        var glossary: [GlossaryHint] = []
        for hit in terms.map({ i < $0.count ? $0[i] : [] }) ?? [] {
            guard let t = hit.translations.first else { continue }
            glossary.append(GlossaryHint(text: hit.text, term: hit.term, translation: t, range: hit.start..<hit.end))
        }
        var examples: [TranslationExample] = []
        if let memory, settings.examples > 0 {
            let matches = memory.lookup(TMQuery(text: text), threshold: settings.examplesMinScore, max: settings.examples + 2)
            for m in matches where m.score < settings.fillThreshold && examples.count < settings.examples {
                examples.append(TranslationExample(source: m.source, target: m.bestTarget, score: m.score))
            }
        }
        let (previous, next) = neighbours?(i) ?? (i > 0 ? segments[i - 1].text : nil, i + 1 < segments.count ? segments[i + 1].text : nil)
        return TranslationRequest(id: "\(articleID)#\(segments[i].id)", text: text, glossary: glossary, examples: examples,
                                  previous: settings.context ? previous : nil, next: settings.context ? next : nil)
    }

    /// The MT cache key: provider, server, model, the sentence, and what else the request carried.
    func cacheKey(_ r: TranslationRequest) -> String {
        MTCache.key(provider: settings.cacheIdentity, source: r.text,
                    glossary: r.glossary.map { "\($0.text)=\($0.translation)" },
                    context: [r.previous ?? "", r.next ?? ""] + r.examples.map { "\($0.source)=\($0.target)" })
    }
}
