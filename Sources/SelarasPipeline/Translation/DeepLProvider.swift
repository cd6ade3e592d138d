import Foundation
import SelarasCore

/// The `deepl` provider: DeepL's API, `POST <url>/v2/translate` (`Authorization: DeepL-Auth-Key`).
///
/// Each batch is one request `{"text": [...], "source_lang": "ID", "target_lang": "EN-US",
/// "context": "...", "glossary_id": "..."}`; the reply is `{"translations": [{"text": ...}]}`, in
/// order. The glossary is DeepL's own mechanism: a multilingual glossary (API v3,
/// `POST <url>/v3/glossaries`) holding every entry of the run's glossaries with its preferred
/// translation, named `selaras-<hash of its entries>` and looked up by that name before it is created
/// (`GET <url>/v3/glossaries`), so a run reuses the glossary an earlier run made and a changed
/// glossary makes a new one. `context` (the sentences around the batch) is DeepL's `context`
/// parameter: used for the translation, not translated.
struct DeepLProvider: BatchingTranslationProvider {
    let http: HTTPTranslation
    let base: String
    let batchSize: Int
    let gate: RequestGate
    let sourceLanguage: String
    let targetLanguage: String
    let includeContext: Bool
    /// Term → translation, for the DeepL glossary (empty: none).
    let entries: [(String, String)]
    private let glossaryID = Locked<GlossaryState>(.unknown)

    enum GlossaryState: Sendable { case unknown, none, id(String), failed(String) }

    static let defaultURL = "https://api.deepl.com"

    init(settings: TranslationSettings, gate: RequestGate, source: String, target: String,
         glossary: [(String, String)]) throws(Diagnostics) {
        http = try HTTPTranslation(provider: "deepl", settings: settings)
        base = settings.url ?? Self.defaultURL
        batchSize = min(settings.batchSize, 50)  // DeepL takes at most 50 texts per request
        self.gate = gate
        sourceLanguage = source.uppercased().split(separator: "-").first.map(String.init) ?? "ID"
        let t = target.uppercased()
        targetLanguage = t == "EN" ? "EN-US" : t
        includeContext = settings.context
        var seen = Set<String>()
        entries = glossary.filter { !$0.0.isEmpty && !$0.1.isEmpty && seen.insert($0.0.lowercased()).inserted }
    }

    var name: String { http.provider }

    func translateBatch(_ batch: [TranslationRequest]) -> [TranslationOutcome] {
        var glossary: String?
        if batch.contains(where: { !$0.glossary.isEmpty }) {
            switch ensureGlossary() {
            case let .id(id): glossary = id
            case let .failed(message): return http.fail(batch, "the DeepL glossary could not be made: \(message)")
            default: break
            }
        }
        return http.exchange(batch, request: { batch in
            var body: [String: Any] = ["text": batch.map(\.text), "source_lang": sourceLanguage, "target_lang": targetLanguage]
            if let glossary { body["glossary_id"] = glossary }
            if includeContext {
                let inBatch = Set(batch.map(\.text))
                let around = [batch.first?.previous, batch.last?.next].compactMap { $0 }.filter { !inBatch.contains($0) }
                if !around.isEmpty { body["context"] = around.joined(separator: " ") }
            }
            guard let data = HTTPTranslation.json(body), let url = HTTPTranslation.endpoint(base, "/v2/translate") else { return nil }
            return HTTPRequest(url: url, headers: headers(), body: data)
        }, decode: { data, batch in
            guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let list = obj["translations"] as? [[String: Any]] else {
                return .failure(DecodeProblem("the reply has no translations"))
            }
            let texts = list.compactMap { $0["text"] as? String }
            guard texts.count == batch.count else {
                return .failure(DecodeProblem("sent \(batch.count) sentences, got \(texts.count) translations"))
            }
            return .success(texts)
        })
    }

    func headers() -> [(String, String)] {
        var h = [("Content-Type", "application/json"), ("Accept", "application/json")]
        if let key = http.apiKey { h.append(("Authorization", "DeepL-Auth-Key \(key)")) }
        return h
    }

    /// The glossary's name: its entries' fingerprint, so equal glossaries share one.
    var glossaryName: String {
        var f = Fingerprint()
        f.combine("\(sourceLanguage)>\(targetLanguage)")
        for (t, e) in entries { f.combine(t); f.combine(e) }
        return "selaras-\(f.hex)"
    }

    /// Finds or creates the run's glossary, once.
    func ensureGlossary() -> GlossaryState {
        glossaryID.withLock { state in
            if case .unknown = state { state = lookUpOrCreate() }
            return state
        }
    }

    private func lookUpOrCreate() -> GlossaryState {
        guard !entries.isEmpty else { return .none }
        let name = glossaryName
        if let url = HTTPTranslation.endpoint(base, "/v3/glossaries") {
            let (list, _) = http.transport.send(HTTPRequest(method: "GET", url: url, headers: headers()), retries: http.retries, delay: http.retryDelay)
            if list.status == 200, let obj = try? JSONSerialization.jsonObject(with: list.body) as? [String: Any],
               let glossaries = obj["glossaries"] as? [[String: Any]],
               let found = glossaries.first(where: { $0["name"] as? String == name }), let id = found["glossary_id"] as? String {
                return .id(id)
            }
        }
        let tsv = entries.map { "\(Self.clean($0.0))\t\(Self.clean($0.1))" }.joined(separator: "\n")
        let body: [String: Any] = ["name": name, "dictionaries": [[
            "source_lang": sourceLanguage.lowercased(), "target_lang": targetLanguage.lowercased().split(separator: "-").first.map(String.init) ?? "en",
            "entries": tsv, "entries_format": "tsv",
        ]]]
        guard let data = HTTPTranslation.json(body), let url = HTTPTranslation.endpoint(base, "/v3/glossaries") else {
            return .failed("cannot build the request")
        }
        let (made, _) = http.transport.send(HTTPRequest(url: url, headers: headers(), body: data), retries: http.retries, delay: http.retryDelay)
        if let problem = made.problem { return .failed(http.redact(problem)) }
        guard let status = made.status, (200..<300).contains(status),
              let obj = try? JSONSerialization.jsonObject(with: made.body) as? [String: Any], let id = obj["glossary_id"] as? String else {
            return .failed(http.redact("HTTP \(made.status ?? 0)" + (HTTPTransport.serverError(made.body).map { ": \($0)" } ?? "")))
        }
        return .id(id)
    }

    /// A TSV field: no tabs or line breaks.
    static func clean(_ s: String) -> String {
        s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
