import Foundation
import SelarasCore

/// The `libretranslate` provider (also `http`, its first name): a LibreTranslate server or anything
/// that speaks its API.
///
/// Each batch is one `POST <url>/translate` with `{"q": [...], "source": "id", "target": "en",
/// "format": "text", "api_key": ...}` (the key only when `api_key_env` names one), answered by
/// `{"translatedText": [...]}` in the same order. LibreTranslate has no glossary or context
/// mechanism, so those are not sent.
struct LibreTranslateProvider: BatchingTranslationProvider {
    let http: HTTPTranslation
    let endpoint: URL
    let batchSize: Int
    let gate: RequestGate
    let source: String
    let target: String

    init(settings: TranslationSettings, gate: RequestGate, source: String, target: String) throws(Diagnostics) {
        guard let u = HTTPTranslation.endpoint(settings.url ?? "", "/translate"), u.host != nil else {
            throw Diagnostics([.error(.configInvalidValue, at: settings.$url.location, "translation option 'url': not a URL")])
        }
        endpoint = u
        http = try HTTPTranslation(provider: "libretranslate:\(u.host ?? "")" + (u.port.map { ":\($0)" } ?? ""), settings: settings)
        batchSize = settings.batchSize
        self.gate = gate
        self.source = source
        self.target = target
    }

    var name: String { http.provider }

    func translateBatch(_ batch: [TranslationRequest]) -> [TranslationOutcome] {
        http.exchange(batch, request: { batch in
            var body: [String: Any] = ["q": batch.map(\.text), "source": source, "target": target, "format": "text"]
            if let key = http.apiKey { body["api_key"] = key }
            guard let data = HTTPTranslation.json(body) else { return nil }
            return HTTPRequest(url: endpoint, headers: [("Content-Type", "application/json"), ("Accept", "application/json")], body: data)
        }, decode: { data, batch in
            guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                return .failure(DecodeProblem("the response is not a JSON object"))
            }
            let texts: [Any]
            if let list = obj["translatedText"] as? [Any] {
                texts = list
            } else if let single = obj["translatedText"] as? String, batch.count == 1 {
                texts = [single]
            } else {
                return .failure(DecodeProblem("the response has no translatedText" + ((obj["error"] as? String).map { ": \($0)" } ?? "")))
            }
            let strings = texts.compactMap { $0 as? String }
            guard strings.count == texts.count, strings.count == batch.count else {
                return .failure(DecodeProblem("sent \(batch.count) sentences, got \(texts.count) translations"))
            }
            return .success(strings)
        })
    }
}
