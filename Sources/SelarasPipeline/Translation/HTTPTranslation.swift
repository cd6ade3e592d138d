import Foundation
import SelarasCore

/// What every HTTP provider shares: the transport, retries of replies that cannot be used, the API
/// key (read from the environment variable the config names, never printed) and the request gate.
struct HTTPTranslation: Sendable {
    let provider: String
    let transport: HTTPTransport
    let retries: Int
    let retryDelay: Double
    /// The key, read from `api_key_env` at start (nil when none is configured).
    let apiKey: String?

    init(provider: String, settings: TranslationSettings) throws(Diagnostics) {
        self.provider = provider
        guard let curl = HTTPTransport.curlPath else {
            throw Diagnostics([.error(.configInvalidValue, at: settings.$provider.location,
                                      "the '\(settings.provider.rawValue)' translation provider runs curl, which is not installed (Debian: apt-get install curl)")])
        }
        transport = HTTPTransport(curl: curl, timeout: settings.timeout)
        retries = settings.retries
        retryDelay = settings.retryDelay
        apiKey = try settings.apiKey()
    }

    /// Removes the key from a message (a server may echo a request back).
    func redact(_ message: String) -> String {
        guard let apiKey, apiKey.count >= 4 else { return message }
        return message.replacingOccurrences(of: apiKey, with: "[key]")
    }

    /// Sends the batch and decodes the reply into one translation per request.
    ///
    /// A transport failure, 429 or 5xx is retried by the transport. A reply that cannot be used
    /// (not the JSON expected, or a different number of translations) is asked for again, up to
    /// `retries` more times; a batch of several that still fails is split in two and each half
    /// tried on its own, so one sentence a model stumbles on does not cost its neighbours. Other
    /// HTTP statuses fail the batch at once with the server's message.
    func exchange(_ batch: [TranslationRequest], request: ([TranslationRequest]) -> HTTPRequest?,
                  decode: (Data, [TranslationRequest]) -> Result<[String], DecodeProblem>) -> [TranslationOutcome] {
        guard let req = request(batch) else { return fail(batch, "cannot build the request") }
        var lastProblem = ""
        var attempt = 0
        while attempt <= retries {
            attempt += 1
            let (response, tries) = transport.send(req, retries: retries, delay: retryDelay)
            if let problem = response.problem {
                return fail(batch, problem + (tries > 1 ? " (after \(tries) attempts)" : ""))
            }
            guard let status = response.status else { return fail(batch, "no HTTP response") }
            guard (200..<300).contains(status) else {
                let message = "HTTP \(status)" + (HTTPTransport.serverError(response.body).map { ": \($0)" } ?? "")
                return fail(batch, message + (tries > 1 ? " (after \(tries) attempts)" : ""))
            }
            switch decode(response.body, batch) {
            case let .success(texts):
                return zip(batch, texts).map { r, t in
                    let text = t.trimmingCharacters(in: .whitespacesAndNewlines)
                    return text.isEmpty ? .failure(TranslationFailure(provider: provider, id: r.id, message: "empty translation")) : .success(text)
                }
            case let .failure(problem):
                lastProblem = problem.message
            }
            if attempt <= retries { Thread.sleep(forTimeInterval: min(60, retryDelay * pow(2, Double(attempt - 1)))) }
        }
        if batch.count > 1 {
            let half = batch.count / 2
            return exchange(Array(batch[..<half]), request: request, decode: decode)
                + exchange(Array(batch[half...]), request: request, decode: decode)
        }
        return fail(batch, lastProblem + (attempt > 1 ? " (after \(attempt) attempts)" : ""))
    }

    func fail(_ batch: [TranslationRequest], _ message: String) -> [TranslationOutcome] {
        let m = redact(message)
        return batch.map { .failure(TranslationFailure(provider: provider, id: $0.id, message: m)) }
    }

    /// A JSON body (keys sorted, slashes unescaped).
    static func json(_ object: Any) -> Data? {
        try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// `base` with `path` appended, unless `base` already ends with it.
    static func endpoint(_ base: String, _ path: String) -> URL? {
        var b = base
        while b.hasSuffix("/") { b.removeLast() }
        if b.hasSuffix(path) { return URL(string: b) }
        return URL(string: b + path)
    }
}

/// Why a reply could not be used (it is asked for again).
struct DecodeProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
