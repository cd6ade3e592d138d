import Foundation
import SelarasCore

/// The `openai` provider: any server with OpenAI's chat-completions API (OpenAI, Ollama, llama.cpp
/// server, vLLM, LM Studio), `POST <url>/chat/completions`.
///
/// Each batch is one request with two messages (the prompt is `systemPrompt`, below): the system
/// message says what to do, and the last user message holds one JSON object
///
///     {"sentences": ["...", ...],
///      "glossary": {"Dewan Perwakilan Rakyat": "House of Representatives", ...},
///      "examples": [{"source": "...", "target": "..."}, ...],
///      "context": "the sentences before and after these, for reference"}
///
/// `glossary` holds the terms the `terms` stage found in these sentences, each with its preferred
/// translation (keyed by the form the sentence uses and, when it differs, the entry term too); `examples` the best TM matches of these sentences below the fill threshold (up to
/// `examples` per sentence, score at least `examples_min_score`; Moslem et al. 2023, "Adaptive
/// Machine Translation with Large Language Models", measure +3.7 BLEU and +5.8 COMET for gpt-3.5
/// with one fuzzy match in the prompt); `context` the article's sentences just before and after the
/// batch. The reply is asked for as JSON (`response_format: {"type": "json_object"}`, temperature 0)
/// and must be `{"translations": ["...", ...]}`, one string per sentence in order; anything else is
/// asked for again and then split (see `HTTPTranslation.exchange`).
struct OpenAIProvider: BatchingTranslationProvider {
    let http: HTTPTranslation
    let endpoint: URL
    let model: String
    let batchSize: Int
    let gate: RequestGate
    let includeContext: Bool

    static let defaultURL = "https://api.openai.com/v1"

    init(settings: TranslationSettings, gate: RequestGate) throws(Diagnostics) {
        model = settings.model ?? ""
        http = try HTTPTranslation(provider: "openai:\(model)", settings: settings)
        guard let e = HTTPTranslation.endpoint(settings.url ?? Self.defaultURL, "/chat/completions") else {
            throw Diagnostics([.error(.configInvalidValue, at: settings.$url.location, "translation option 'url': not a URL")])
        }
        endpoint = e
        batchSize = settings.batchSize
        self.gate = gate
        includeContext = settings.context
    }

    var name: String { http.provider }

    /// The instructions sent with every request.
    static let systemPrompt = """
        You translate Indonesian news into English for a news agency. The user sends one JSON object: \
        "sentences" (Indonesian sentences of one article, in order), "glossary" (Indonesian terms with the English \
        translation that must be used for them), "examples" (sentences from the agency's translation memory with their \
        approved English: follow their terminology and style) and "context" (the text around the sentences, for \
        reference only: do not translate it). Translate every sentence into fluent, accurate English. Keep every number, \
        amount, date and name; write numbers in English notation (2.375.000 becomes 2,375,000; 3,5 persen becomes \
        3.5 percent; 13/2 becomes 13 February). Leave nothing out and add nothing. Reply with one JSON object, \
        {"translations": [...]}, holding exactly one English string per sentence, in the same order, and nothing else.
        """

    /// The user message of a batch.
    static func userMessage(_ batch: [TranslationRequest], includeContext: Bool) -> [String: Any] {
        var glossary: [String: String] = [:]
        var examples: [[String: String]] = []
        var seenExamples = Set<String>()
        for r in batch {
            // The term as the sentence writes it (what the model sees), and the glossary's entry term
            // when that differs (an acronym, an inflected form), both with the preferred translation.
            for g in r.glossary {
                if glossary[g.text] == nil { glossary[g.text] = g.translation }
                if g.term.lowercased() != g.text.lowercased(), glossary[g.term] == nil { glossary[g.term] = g.translation }
            }
            for e in r.examples where seenExamples.insert(e.source).inserted {
                examples.append(["source": e.source, "target": e.target])
            }
        }
        var message: [String: Any] = ["sentences": batch.map(\.text), "glossary": glossary, "examples": examples]
        if includeContext {
            let inBatch = Set(batch.map(\.text))
            let around = [batch.first?.previous, batch.last?.next].compactMap { $0 }.filter { !inBatch.contains($0) }
            message["context"] = around.joined(separator: " ")
        }
        return message
    }

    func translateBatch(_ batch: [TranslationRequest]) -> [TranslationOutcome] {
        http.exchange(batch, request: { batch in
            guard let user = HTTPTranslation.json(Self.userMessage(batch, includeContext: includeContext)) else { return nil }
            let body: [String: Any] = [
                "model": model, "temperature": 0, "response_format": ["type": "json_object"],
                "messages": [["role": "system", "content": Self.systemPrompt],
                             ["role": "user", "content": String(decoding: user, as: UTF8.self)]],
            ]
            guard let data = HTTPTranslation.json(body) else { return nil }
            var headers = [("Content-Type", "application/json"), ("Accept", "application/json")]
            if let key = http.apiKey { headers.append(("Authorization", "Bearer \(key)")) }
            return HTTPRequest(url: endpoint, headers: headers, body: data)
        }, decode: { data, batch in
            guard let reply = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let choices = reply["choices"] as? [[String: Any]], let message = choices.first?["message"] as? [String: Any],
                  let content = message["content"] as? String else {
                return .failure(DecodeProblem("the reply is not a chat completion"))
            }
            guard let object = try? JSONSerialization.jsonObject(with: Data(Self.jsonPart(content).utf8)) as? [String: Any],
                  let list = object["translations"] as? [Any] else {
                return .failure(DecodeProblem("the model's answer is not {\"translations\": [...]}"))
            }
            let texts = list.compactMap { $0 as? String }
            guard texts.count == list.count, texts.count == batch.count else {
                return .failure(DecodeProblem("sent \(batch.count) sentences, got \(list.count) translations"))
            }
            return .success(texts)
        })
    }

    /// The JSON object in a model's answer (some servers wrap it in a ``` fence).
    static func jsonPart(_ content: String) -> String {
        guard let open = content.firstIndex(of: "{"), let close = content.lastIndex(of: "}"), open < close else { return content }
        return String(content[open...close])
    }
}
