import Foundation
import SelarasCore

/// One HTTP request of a translation provider.
struct HTTPRequest: Sendable {
    var method = "POST"
    var url: URL
    /// Header lines; credentials go here, never into the URL.
    var headers: [(String, String)] = []
    var body = Data()
}

/// What a request came back with: a status and body, or the problem that prevented one.
struct HTTPResponse: Sendable {
    var status: Int?
    var body = Data()
    /// `Retry-After` in seconds, when the server sent one.
    var retryAfter: Double?
    var problem: String?
}

/// Sends HTTP requests with curl(1), run by `ProcessRunner`.
///
/// Decision (kept from the first providers): curl rather than Foundation's URLSession, because
/// linking FoundationNetworking (libcurl, its TLS and LDAP libraries) cost every `selaras` command
/// about 11 ms of dynamic loading at start-up, for a feature few runs use.
///
/// Secrets: the command line is always `curl --disable --config -`. The URL, the headers (API keys)
/// and the body are written to curl's standard input as a curl config file, so a key never appears
/// in the process list (`ps`), in an argument, or on disk; `~/.curlrc` is not read (`--disable`).
///
/// Retries (`send(_:retries:delay:)`): a network error, a timeout, 429 and 5xx are retried up to
/// `retries` times, waiting `delay` × 2^(attempt−1) seconds, or the server's `Retry-After` when it
/// asks for longer (at most 60 s): exponential backoff. Other statuses are returned at once.
struct HTTPTransport: Sendable {
    let curl: String
    /// Seconds allowed for one request (connection included).
    let timeout: Double

    /// curl on `PATH` (or in /usr/bin), looked up once.
    static let curlPath: String? = {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/bin"]
        return dirs.lazy.map { $0 + "/curl" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The line curl writes to stderr after the transfer (`--write-out`), before the status code.
    static let statusMarker = "selaras-http-status:"

    /// curl's whole command line: everything else comes on its standard input.
    static let arguments = ["--disable", "--config", "-"]

    /// The curl config of one request (what goes to curl's standard input).
    static func config(for request: HTTPRequest, timeout: Double) -> String {
        let seconds = CommandProvider.seconds(timeout)
        var config = ""
        func option(_ name: String, _ value: String) { config += "\(name) = \"\(Self.escape(value))\"\n" }
        option("url", request.url.absoluteString)
        option("request", request.method)
        option("max-time", seconds)
        option("connect-timeout", seconds)
        option("proto", "=http,https")
        config += "silent\nshow-error\n"
        for (name, value) in request.headers { option("header", "\(name): \(value)") }
        if !request.body.isEmpty { option("data-binary", String(decoding: request.body, as: UTF8.self)) }
        option("write-out", "%{stderr}\n\(Self.statusMarker)%{http_code} %header{retry-after}\n")
        return config
    }

    /// One attempt.
    func send(_ request: HTTPRequest) -> HTTPResponse {
        let seconds = CommandProvider.seconds(timeout)
        let config = Self.config(for: request, timeout: timeout)
        let run = ProcessRunner.run(curl, Self.arguments, input: Data(config.utf8), timeout: timeout + 5)
        if let e = run.launchError { return HTTPResponse(problem: e) }
        if run.timedOut { return HTTPResponse(problem: "timed out after \(seconds) s") }
        if run.outputTooLarge { return HTTPResponse(problem: "the reply was larger than \(ProcessRunner.maxOutput >> 20) MB; not read") }
        var response = HTTPResponse(body: run.stdout)
        var messages: [String] = []
        for line in String(decoding: run.stderr, as: UTF8.self).split(separator: "\n") {
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
            response.problem = Self.describe(curlExit: status, message: messages.last, timeout: timeout)
        }
        return response
    }

    /// Sends with retries (see the type's doc); the final response and the number of attempts.
    func send(_ request: HTTPRequest, retries: Int, delay: Double) -> (HTTPResponse, attempts: Int) {
        var attempt = 0
        while true {
            attempt += 1
            let response = send(request)
            let retryable: Bool
            if response.problem != nil || response.status == nil {
                retryable = true
            } else if let status = response.status {
                retryable = status == 429 || (500...599).contains(status)
            } else {
                retryable = false
            }
            if !retryable || attempt > retries { return (response, attempt) }
            let backoff = delay * pow(2, Double(attempt - 1))
            Thread.sleep(forTimeInterval: min(60, max(backoff, response.retryAfter ?? 0)))
        }
    }

    /// A value inside a curl config string: backslash and double quote escaped, line breaks as `\n`.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for ch in s.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
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

    /// The server's own words about an error: a JSON `error` (a string, or an object's `message`),
    /// `message`, or the start of the body.
    static func serverError(_ data: Data?) -> String? {
        guard let data, !data.isEmpty else { return nil }
        if let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            if let e = obj["error"] as? String { return e }
            if let e = obj["error"] as? [String: Any], let m = e["message"] as? String { return m }
            if let m = obj["message"] as? String { return m }
        }
        return String(decoding: data.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
