import Foundation

/// One Indonesian sentence to translate, with what helps translate it well.
public struct TranslationRequest: Sendable, Hashable {
    /// Caller's identifier (for example `article-id#s3`), echoed in failures and JSON lines.
    public var id: String
    public var text: String
    /// Glossary terms found in the sentence, with the translation to use (preferred first).
    public var glossary: [GlossaryHint]
    /// Similar sentences from the TM with their English, best first (below the fill threshold).
    public var examples: [TranslationExample]
    /// The sentences around this one in its article, for reference (not to be translated).
    public var previous: String?
    public var next: String?

    public init(id: String, text: String, glossary: [GlossaryHint] = [], examples: [TranslationExample] = [],
                previous: String? = nil, next: String? = nil) {
        self.id = id
        self.text = text
        self.glossary = glossary
        self.examples = examples
        self.previous = previous
        self.next = next
    }
}

/// A glossary term in a sentence and the English to use for it.
public struct GlossaryHint: Sendable, Hashable {
    /// The term as the sentence writes it (an inflected form, perhaps).
    public var text: String
    /// The glossary's entry term.
    public var term: String
    /// The preferred translation.
    public var translation: String
    /// Where it is in the sentence, in code points.
    public var range: Range<Int>

    public init(text: String, term: String, translation: String, range: Range<Int>) {
        self.text = text
        self.term = term
        self.translation = translation
        self.range = range
    }
}

/// A TM unit shown to the provider as an example of how such a sentence is translated.
public struct TranslationExample: Sendable, Hashable {
    public var source: String
    public var target: String
    public var score: Double

    public init(source: String, target: String, score: Double) {
        self.source = source
        self.target = target
        self.score = score
    }
}

/// Why a sentence got no translation. Never fatal: the sentence stays untranslated.
public struct TranslationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The provider's name (`TranslationProvider.name`).
    public var provider: String
    /// The request's id.
    public var id: String
    public var message: String

    public init(provider: String, id: String, message: String) {
        self.provider = provider
        self.id = id
        self.message = message
    }

    public var description: String { "\(provider): \(id): \(message)" }
}

/// The result for one request: the English text, or why there is none.
public typealias TranslationOutcome = Result<String, TranslationFailure>

/// Translates Indonesian sentences into English for what the TM could not fill.
///
/// Contract: `translate` returns exactly one outcome per request, in request order; it never throws
/// and never crashes on a misbehaving engine — a failed batch becomes one failure per sentence, and
/// a failure never carries the source as if it were a translation. Whatever a provider returns is
/// machine translation: callers mark it `Target.Provenance.machine` with `name` as its origin, never
/// as TM. Providers are safe to call from several threads.
public protocol TranslationProvider: Sendable {
    /// A short name for provenance and messages (`openai:gpt-4o-mini`, `deepl`, `command:opus-mt`).
    var name: String { get }

    /// Translates `requests`, splitting them into batches as the provider's options say.
    func translate(_ requests: [TranslationRequest]) -> [TranslationOutcome]
}

/// A provider that sends requests in batches of at most `batchSize`, `concurrency` batches at a
/// time (the `RequestGate` bounds requests in flight across the whole run).
protocol BatchingTranslationProvider: TranslationProvider {
    var batchSize: Int { get }
    var gate: RequestGate { get }
    /// Exactly one outcome per request of the batch, in order.
    func translateBatch(_ batch: [TranslationRequest]) -> [TranslationOutcome]
}

extension BatchingTranslationProvider {
    public func translate(_ requests: [TranslationRequest]) -> [TranslationOutcome] {
        let size = max(1, batchSize)
        let batches = stride(from: 0, to: requests.count, by: size).map { Array(requests[$0..<min($0 + size, requests.count)]) }
        let gate = self.gate
        return Parallel.map(batches, workers: min(gate.limit, batches.count), chunk: 1) { batch in
            gate.run { translateBatch(batch) }
        }.flatMap { $0 }
    }

    /// One failure per request of a batch that failed as a whole.
    func fail(_ batch: [TranslationRequest], _ message: String) -> [TranslationOutcome] {
        batch.map { .failure(TranslationFailure(provider: name, id: $0.id, message: message)) }
    }
}

/// Bounds the requests in flight at once, across all the articles of a run.
final class RequestGate: Sendable {
    let limit: Int
    private let semaphore: DispatchSemaphore

    init(limit: Int) {
        self.limit = max(1, limit)
        semaphore = DispatchSemaphore(value: self.limit)
    }

    func run<T>(_ body: () -> T) -> T {
        semaphore.wait()
        defer { semaphore.signal() }
        return body()
    }
}

import SelarasCore
