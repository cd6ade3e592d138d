import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The `http` provider: a LibreTranslate-compatible server (LibreTranslate, or anything that speaks
/// its API).
///
/// Each batch of `batch_size` sentences is one `POST <url>/translate` with the JSON body
/// `{"q": [...], "source": "id", "target": "en", "format": "text", "api_key": ...}`, answered by
/// `{"translatedText": [...]}` in the same order. A request that fails with a network error, a
/// timeout (`timeout` seconds), 429 or a 5xx status is retried up to `retries` times, waiting
/// `retry_delay` × 2^(attempt−1) seconds (or the server's `Retry-After`, at most 30 s) — exponential
/// backoff. Other statuses (400, 403, ...) fail the batch at once with the server's `error` message.
public final class HTTPProvider: BatchingTranslationProvider, @unchecked Sendable {
    // @unchecked: `session` is a URLSession, which is thread-safe; everything else is immutable.
    public let options: TranslationOptions
    public let endpoint: URL?
    private let session: URLSession

    public init(options: TranslationOptions) {
        self.options = options
        self.endpoint = options.url.flatMap(Self.endpoint(for:))
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = options.timeout
        config.timeoutIntervalForResource = options.timeout
        config.httpMaximumConnectionsPerHost = 4
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: config)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// `<url>/translate`, unless the URL already ends in `/translate`.
    static func endpoint(for url: String) -> URL? {
        guard var u = URL(string: url) else { return nil }
        if u.path.hasSuffix("/translate") { return u }
        u.appendPathComponent("translate")
        return u
    }

    public var name: String {
        guard let e = endpoint, let host = e.host else { return "http" }
        return "http:\(host)" + (e.port.map { ":\($0)" } ?? "")
    }

    var batchSize: Int { options.batchSize }

    func translateBatch(_ batch: [TranslationRequest]) -> [TranslationOutcome] {
        guard let endpoint else { return fail(batch, "invalid url '\(options.url ?? "")'") }
        var body: [String: Any] = [
            "q": batch.map(\.text), "source": options.sourceLanguage, "target": options.targetLanguage, "format": "text",
        ]
        if let key = options.apiKey { body["api_key"] = key }
        guard let json = try? JSONSerialization.data(withJSONObject: body) else { return fail(batch, "cannot encode the request") }
        var request = URLRequest(url: endpoint, timeoutInterval: options.timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.httpBody = json

        var attempt = 0
        var lastProblem = ""
        while true {
            attempt += 1
            let (data, response, error) = send(request)
            var retryAfter: Double? = nil
            if let error {
                lastProblem = Self.describe(error, timeout: options.timeout)
            } else if let http = response as? HTTPURLResponse {
                let status = http.statusCode
                if (200..<300).contains(status) {
                    return decode(data ?? Data(), batch)
                }
                lastProblem = "HTTP \(status)" + (Self.serverError(data).map { ": \($0)" } ?? "")
                let retryable = status == 429 || (500...599).contains(status)
                if !retryable { return fail(batch, lastProblem) }
                retryAfter = (http.value(forHTTPHeaderField: "Retry-After")).flatMap(Double.init)
            } else {
                lastProblem = "no HTTP response"
            }
            if attempt > options.retries {
                let tries = attempt == 1 ? "" : " (after \(attempt) attempts)"
                return fail(batch, lastProblem + tries)
            }
            let backoff = options.retryDelay * pow(2, Double(attempt - 1))
            Thread.sleep(forTimeInterval: min(30, max(backoff, retryAfter ?? 0)))
        }
    }

    /// Sends one request and waits for it (the session's timeout bounds the wait).
    private func send(_ request: URLRequest) -> (Data?, URLResponse?, Error?) {
        final class Box: @unchecked Sendable {
            var value: (Data?, URLResponse?, Error?) = (nil, nil, nil)
        }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            box.value = (data, response, error)
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + options.timeout + 5) == .timedOut {
            task.cancel()
            _ = done.wait(timeout: .now() + 5)
            return (nil, nil, URLError(.timedOut))
        }
        return box.value
    }

    private func decode(_ data: Data, _ batch: [TranslationRequest]) -> [TranslationOutcome] {
        guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return fail(batch, "the response is not a JSON object")
        }
        let texts: [Any]
        if let list = obj["translatedText"] as? [Any] {
            texts = list
        } else if let single = obj["translatedText"] as? String, batch.count == 1 {
            texts = [single]
        } else {
            return fail(batch, "the response has no translatedText" + ((obj["error"] as? String).map { ": \($0)" } ?? ""))
        }
        guard texts.count == batch.count else {
            return fail(batch, "sent \(batch.count) sentences, got \(texts.count) translations")
        }
        return zip(batch, texts).map { r, t in
            guard let s = t as? String, !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return .failure(TranslationFailure(provider: name, id: r.id, message: "empty translation"))
            }
            return .success(s.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    static func serverError(_ data: Data?) -> String? {
        guard let data, !data.isEmpty else { return nil }
        if let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let e = obj["error"] as? String {
            return e
        }
        return String(decoding: data.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func describe(_ error: Error, timeout: Double) -> String {
        if let u = error as? URLError {
            switch u.code {
            case .timedOut: return "timed out after \(CommandProvider.seconds(timeout)) s"
            case .cannotConnectToHost: return "cannot connect to the server"
            case .cannotFindHost: return "unknown host"
            default: return "network error: \(u.localizedDescription)"
            }
        }
        return "network error: \(error.localizedDescription)"
    }
}
