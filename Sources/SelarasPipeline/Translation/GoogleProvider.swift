import Foundation
import SelarasCore

/// The `google` provider: Google Cloud Translation v3,
/// `POST <url>/v3/projects/<project>/locations/<location>:translateText`, with an OAuth access token
/// (`Authorization: Bearer`, from the variable `api_key_env` names, e.g. `gcloud auth print-access-token`).
///
/// Each batch is one request `{"contents": [...], "mimeType": "text/plain", "sourceLanguageCode":
/// "id", "targetLanguageCode": "en"}`; with `glossary` (the id of a glossary made in the project,
/// Google's own mechanism), `glossaryConfig` names it and the reply's `glossaryTranslations` are used.
struct GoogleProvider: BatchingTranslationProvider {
    let http: HTTPTranslation
    let url: URL
    let glossary: String?
    let batchSize: Int
    let gate: RequestGate
    let source: String
    let target: String

    static let defaultURL = "https://translation.googleapis.com"

    init(settings: TranslationSettings, gate: RequestGate, source: String, target: String) throws(Diagnostics) {
        http = try HTTPTranslation(provider: "google", settings: settings)
        let project = settings.project ?? ""
        let location = settings.location
        guard let u = HTTPTranslation.endpoint(settings.url ?? Self.defaultURL, "/v3/projects/\(project)/locations/\(location):translateText") else {
            throw Diagnostics([.error(.configInvalidValue, at: settings.$url.location, "translation option 'url': not a URL")])
        }
        url = u
        glossary = settings.glossary.map { $0.contains("/") ? $0 : "projects/\(project)/locations/\(location)/glossaries/\($0)" }
        batchSize = settings.batchSize
        self.gate = gate
        self.source = source
        self.target = target
    }

    var name: String { http.provider }

    func translateBatch(_ batch: [TranslationRequest]) -> [TranslationOutcome] {
        http.exchange(batch, request: { batch in
            var body: [String: Any] = ["contents": batch.map(\.text), "mimeType": "text/plain",
                                       "sourceLanguageCode": source, "targetLanguageCode": target]
            if let glossary { body["glossaryConfig"] = ["glossary": glossary, "ignoreCase": true] }
            guard let data = HTTPTranslation.json(body) else { return nil }
            var headers = [("Content-Type", "application/json; charset=utf-8"), ("Accept", "application/json")]
            if let key = http.apiKey { headers.append(("Authorization", "Bearer \(key)")) }
            return HTTPRequest(url: url, headers: headers, body: data)
        }, decode: { data, batch in
            guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                return .failure(DecodeProblem("the reply is not JSON"))
            }
            let list = (glossary != nil ? obj["glossaryTranslations"] as? [[String: Any]] : nil) ?? (obj["translations"] as? [[String: Any]] ?? [])
            let texts = list.compactMap { $0["translatedText"] as? String }
            guard texts.count == batch.count else {
                return .failure(DecodeProblem("sent \(batch.count) sentences, got \(texts.count) translations"))
            }
            return .success(texts)
        })
    }
}
