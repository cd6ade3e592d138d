import Foundation
import SelarasCore

/// The `azure` provider: Azure AI Translator v3, `POST <url>/translate?api-version=3.0&from=id&to=en`
/// (`Ocp-Apim-Subscription-Key`, and `Ocp-Apim-Subscription-Region` when `region` is set).
///
/// Each batch is one request `[{"Text": "..."}, ...]`; the reply `[{"translations": [{"text": ...}]}]`,
/// in order. Glossary terms use Translator's own mechanism, the dynamic dictionary: each term found
/// in a sentence is sent as `<mstrans:dictionary translation="House of Representatives">DPR</mstrans:dictionary>`,
/// which Translator renders with that translation.
struct AzureProvider: BatchingTranslationProvider {
    let http: HTTPTranslation
    let url: URL
    let region: String?
    let batchSize: Int
    let gate: RequestGate

    static let defaultURL = "https://api.cognitive.microsofttranslator.com"

    init(settings: TranslationSettings, gate: RequestGate, source: String, target: String) throws(Diagnostics) {
        http = try HTTPTranslation(provider: "azure", settings: settings)
        var components = URLComponents(string: (settings.url ?? Self.defaultURL).trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/translate")
        components?.queryItems = [URLQueryItem(name: "api-version", value: "3.0"), URLQueryItem(name: "from", value: source),
                                  URLQueryItem(name: "to", value: target)]
        guard let u = components?.url else {
            throw Diagnostics([.error(.configInvalidValue, at: settings.$url.location, "translation option 'url': not a URL")])
        }
        url = u
        region = settings.region
        batchSize = min(settings.batchSize, 100)  // Translator takes at most 100 texts per request
        self.gate = gate
    }

    var name: String { http.provider }

    /// The sentence with its glossary terms marked for Translator's dynamic dictionary.
    static func marked(_ r: TranslationRequest) -> String {
        guard !r.glossary.isEmpty else { return r.text }
        let scalars = Array(r.text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        for g in r.glossary.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where g.range.lowerBound >= i && g.range.upperBound <= scalars.count {
            out.append(contentsOf: scalars[i..<g.range.lowerBound])
            let translation = g.translation.replacingOccurrences(of: "\"", with: "&quot;")
            out.append(contentsOf: "<mstrans:dictionary translation=\"\(translation)\">".unicodeScalars)
            out.append(contentsOf: scalars[g.range])
            out.append(contentsOf: "</mstrans:dictionary>".unicodeScalars)
            i = g.range.upperBound
        }
        out.append(contentsOf: scalars[i...])
        return String(out)
    }

    func translateBatch(_ batch: [TranslationRequest]) -> [TranslationOutcome] {
        http.exchange(batch, request: { batch in
            guard let data = HTTPTranslation.json(batch.map { ["Text": Self.marked($0)] }) else { return nil }
            var headers = [("Content-Type", "application/json; charset=UTF-8"), ("Accept", "application/json")]
            if let key = http.apiKey { headers.append(("Ocp-Apim-Subscription-Key", key)) }
            if let region { headers.append(("Ocp-Apim-Subscription-Region", region)) }
            return HTTPRequest(url: url, headers: headers, body: data)
        }, decode: { data, batch in
            guard let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
                return .failure(DecodeProblem("the reply is not a list of results"))
            }
            let texts = list.compactMap { ($0["translations"] as? [[String: Any]])?.first?["text"] as? String }
            guard texts.count == batch.count else {
                return .failure(DecodeProblem("sent \(batch.count) sentences, got \(texts.count) translations"))
            }
            return .success(texts)
        })
    }
}
