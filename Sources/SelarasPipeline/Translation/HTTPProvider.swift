import Foundation

/// The `http` provider: a LibreTranslate-compatible server (LibreTranslate, or anything that speaks
/// its API).
///
/// Each batch of `batch_size` sentences is one `POST <url>/translate` with the JSON body
/// `{"q": [...], "source": "id", "target": "en", "format": "text", "api_key": ...}`, answered by
/// `{"translatedText": [...]}` in the same order. A request that fails with a network error, a
/// timeout (`timeout` seconds), 429 or a 5xx status is retried up to `retries` times, waiting
/// `retry_delay` × 2^(attempt−1) seconds (or the server's `Retry-After`, at most 30 s) — exponential
/// backoff. Other statuses (400, 403, ...) fail the batch at once with the server's `error` message.
///
/// Decision: requests are sent by curl(1), run with `ProcessRunner` (the body, API key included,
/// goes on its stdin, never on its command line; `~/.curlrc` is not read; proxies from the
/// environment are honoured as curl does). Linking Foundation's URLSession instead
/// (FoundationNetworking, libcurl and its TLS and LDAP libraries) cost every `selaras` command about
/// 11 ms of dynamic loading at start-up — most of a short command's time — for a provider few runs
/// use. A missing curl is a configuration error (`TranslationSettings.problems`), reported before any
/// article is read.
public struct HTTPProvider: BatchingTranslationProvider {
    public let options: TranslationSettings
    public let sourceLanguage: String
    public let targetLanguage: String
    public let endpoint: URL?
    /// The curl executable (nil when none is installed).
    let curl: String?

    public init(options: TranslationSettings, source: String = "id", target: String = "en", curl: String? = HTTPProvider.curlPath) {
        self.options = options
        sourceLanguage = source
        targetLanguage = target
        self.endpoint = options.url.flatMap(Self.endpoint(for:))
        self.curl = curl
    }

    /// curl on `PATH` (or in /usr/bin), looked up once.
    public static let curlPath: String? = {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/bin"]
        return dirs.lazy.map { $0 + "/curl" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

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
        guard let curl else { return fail(batch, "the 'http' translation provider runs curl, which is not installed (Debian: apt-get install curl)") }
        var body: [String: Any] = [
            "q": batch.map(\.text), "source": sourceLanguage, "target": targetLanguage, "format": "text",
        ]
        if let key = options.apiKey { body["api_key"] = key }
        guard let json = try? JSONSerialization.data(withJSONObject: body) else { return fail(batch, "cannot encode the request") }

        var attempt = 0
        var lastProblem = ""
        while true {
            attempt += 1
            let response = send(json, to: endpoint, curl: curl)
            var retryAfter: Double? = nil
            if let problem = response.problem {
                lastProblem = problem
            } else if let status = response.status {
                if (200..<300).contains(status) {
                    return decode(response.body, batch)
                }
                lastProblem = "HTTP \(status)" + (Self.serverError(response.body).map { ": \($0)" } ?? "")
                let retryable = status == 429 || (500...599).contains(status)
                if !retryable { return fail(batch, lastProblem) }
                retryAfter = response.retryAfter
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

    /// What one request came back with: a status and body, or the problem that prevented one.
    struct Response {
        var status: Int?
        var body = Data()
        var retryAfter: Double?
        var problem: String?
    }

    /// The line curl writes to stderr after the transfer (`--write-out`), before the status code.
    static let statusMarker = "selaras-http-status:"

    /// Sends one request with curl and waits for it (`timeout` bounds the whole transfer).
    func send(_ json: Data, to endpoint: URL, curl: String) -> Response {
        let seconds = CommandProvider.seconds(options.timeout)
        let arguments = [
            "--disable", "--silent", "--show-error", "--max-time", seconds, "--connect-timeout", seconds,
            "--proto", "=http,https", "--request", "POST",
            "--header", "Content-Type: application/json", "--header", "Accept: application/json",
            "--data-binary", "@-",
            "--write-out", "%{stderr}\n\(Self.statusMarker)%{http_code} %header{retry-after}\n",
            "--", endpoint.absoluteString,
        ]
        let run = ProcessRunner.run(curl, arguments, input: json, timeout: options.timeout + 5)
        if let e = run.launchError { return Response(problem: e) }
        if run.timedOut { return Response(problem: "timed out after \(seconds) s") }
        let stderr = String(decoding: run.stderr, as: UTF8.self)
        var response = Response(body: run.stdout)
        var messages: [String] = []
        for line in stderr.split(separator: "\n") {
            if line.hasPrefix(Self.statusMarker) {
                let fields = line.dropFirst(Self.statusMarker.count).split(separator: " ")
                if let code = fields.first.flatMap({ Int($0) }), code > 0 { response.status = code }
                if fields.count > 1 { response.retryAfter = Double(fields[1].trimmingCharacters(in: .whitespaces)) }
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                messages.append(String(line))
            }
        }
        if let status = run.status, status != 0 {
            response.status = nil
            response.problem = Self.describe(curlExit: status, message: messages.last, timeout: options.timeout)
        }
        return response
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

    /// A curl exit status as a message (curl(1), "EXIT CODES").
    static func describe(curlExit status: Int32, message: String?, timeout: Double) -> String {
        switch status {
        case 28: return "timed out after \(CommandProvider.seconds(timeout)) s"
        case 7: return "cannot connect to the server"
        case 6: return "unknown host"
        case 5: return "unknown proxy host"
        case 35, 51, 58, 59, 60, 77, 83, 90, 91: return "TLS error" + (message.map { ": \(Self.plain($0))" } ?? "")
        default: return "network error" + (message.map { ": \(Self.plain($0))" } ?? " (curl exit status \(status))")
        }
    }

    /// A curl error line without its `curl: (N) ` prefix.
    static func plain(_ message: String) -> String {
        guard message.hasPrefix("curl: ("), let close = message.firstIndex(of: ")") else { return message }
        return message[message.index(after: close)...].trimmingCharacters(in: .whitespaces)
    }
}
