import Foundation

/// One Indonesian sentence to translate.
public struct TranslationRequest: Sendable, Hashable {
    /// Caller's identifier (for example `article-id#s3`), echoed in failures and JSON lines.
    public var id: String
    public var text: String

    public init(id: String, text: String) {
        self.id = id
        self.text = text
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
/// and never crashes on a misbehaving engine — a failed batch becomes one failure per sentence.
/// Whatever a provider returns is machine translation: callers mark it `Target.Provenance.machine`
/// with `name` as its origin, never as TM. Providers are safe to call from several threads.
public protocol TranslationProvider: Sendable {
    /// A short name for provenance and messages (`none`, `command:opus-mt`, `http:127.0.0.1:5000`).
    var name: String { get }

    /// Translates `requests`, splitting them into batches as the provider's options say.
    func translate(_ requests: [TranslationRequest]) -> [TranslationOutcome]
}

/// A provider that sends requests in batches of at most `batchSize`, one `translateBatch` call each.
protocol BatchingTranslationProvider: TranslationProvider {
    var batchSize: Int { get }
    /// Exactly one outcome per request of the batch, in order.
    func translateBatch(_ batch: [TranslationRequest]) -> [TranslationOutcome]
}

extension BatchingTranslationProvider {
    public func translate(_ requests: [TranslationRequest]) -> [TranslationOutcome] {
        var out: [TranslationOutcome] = []
        out.reserveCapacity(requests.count)
        var start = 0
        while start < requests.count {
            let batch = Array(requests[start..<min(start + max(1, batchSize), requests.count)])
            out += translateBatch(batch)
            start += batch.count
        }
        return out
    }

    /// One failure per request of a batch that failed as a whole.
    func fail(_ batch: [TranslationRequest], _ message: String) -> [TranslationOutcome] {
        batch.map { .failure(TranslationFailure(provider: name, id: $0.id, message: message)) }
    }
}
