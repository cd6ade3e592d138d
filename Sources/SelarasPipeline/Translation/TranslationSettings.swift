import Foundation
import SelarasCore
import SelarasQA
import SelarasOutput

/// The `translate` stage's options: the fill threshold, the translation provider and its settings,
/// the cache and the checks. Each default and one-line doc is written once, here; providers are
/// built from these settings (`makeProvider`).
public struct TranslationSettings: Settings {
    public enum Provider: String, Sendable, Hashable, SettingChoice {
        case none, openai, deepl, google, azure, libretranslate
        /// The first name of `libretranslate`, still accepted.
        case http
        case command
    }

    public enum LineFormat: String, Sendable, Hashable, SettingChoice {
        /// One sentence per line in, one translation per line out, same order.
        case lines
        /// `{"id","text","glossary","examples","context"}` per line in, `{"id","translation"}` per line out.
        case jsonl
    }

    @Setting("Lowest TM score whose target fills a segment (repaired targets are used when present).", range: 0...100)
    public var fillThreshold: Double = BilingualView.defaultFillThreshold
    @Setting("Where English comes from when the TM has none: none (leave untranslated), openai, deepl, google, azure, libretranslate (or http), command.")
    public var provider: Provider = .none
    @Setting("The server (default: the provider's public API; required for libretranslate, e.g. http://127.0.0.1:5000).")
    public var url: String? = nil
    @Setting("The model (openai: required, e.g. gpt-4o-mini, or the name a local server knows).")
    public var model: String? = nil
    @Setting("The NAME of the environment variable that holds the API key or token (never the key itself).")
    public var apiKeyEnv: String? = nil
    @Setting("Seconds allowed for one request (one batch for command).", range: 0.001...86_400)
    public var timeout: Double = 60
    @Setting("Sentences per request (per process run for command).", range: 1...10_000)
    public var batchSize: Int = 25
    @Setting("Requests in flight at once, across the whole run.", range: 1...64)
    public var concurrency: Int = 2
    @Setting("Further attempts after a network error, timeout, 429, 5xx or an unusable reply.", range: 0...10)
    public var retries: Int = 2
    @Setting("Seconds before the first retry, doubled for each further one (a server's Retry-After is honoured).", range: 0...3600)
    public var retryDelay: Double = 1
    @Setting("Characters sent to the provider in one run at most; the sentences after are marked untranslated.", range: 1...1_000_000_000_000)
    public var maxCharacters: Int? = nil
    @Setting("TM matches below the fill threshold sent with each sentence as examples (openai, command jsonl).", range: 0...10)
    public var examples: Int = 3
    @Setting("Lowest TM score of an example.", range: 0...100)
    public var examplesMinScore: Double = 50
    @Setting("Send the sentences around each batch as context (openai, deepl, command jsonl).")
    public var context: Bool = true
    @Setting("Keep machine translations in the TM store's MT cache, so a sentence is never sent twice.")
    public var cache: Bool = true
    @Setting("Check every translation (MT and TM fills): numbers, terms, untranslated, omissions, additions, tags.")
    public var qa: Bool = true
    @Setting("Which glossary problems QA flags: copied (a term left in Indonesian, or a forbidden rendering) or all (also any term none of whose translations is in the target).")
    public var qaTerms: QAOptions.TermCheck = .copied
    @Setting("The program to run, a shell command line (run with /bin/sh -c) (command provider).")
    public var command: String? = nil
    @Setting("Lines (one sentence per line) or jsonl ({\"id\",\"text\",...} in, {\"id\",\"translation\"} out) (command provider).")
    public var format: LineFormat = .lines
    @Setting("The Google Cloud project (google provider).")
    public var project: String? = nil
    @Setting("The Google Cloud location (google provider).")
    public var location: String = "global"
    @Setting("The id of a glossary in the Google Cloud project (google provider).")
    public var glossary: String? = nil
    @Setting("The Azure resource's region (azure provider; needed for regional and multi-service resources).")
    public var region: String? = nil

    public init() {}

    static let secret = "write the key into an environment variable and give its name with api_key_env"
    public static var forbiddenKeys: [String: String] {
        ["api_key": secret, "key": secret, "token": secret, "auth_key": secret, "password": secret, "secret": secret]
    }

    /// What the chosen provider lacks, if anything.
    public func problems() -> [Diagnostic] {
        func missing(_ key: String, _ example: String = "") -> Diagnostic {
            .error(.configInvalidValue, at: $provider.location, "the '\(provider.rawValue)' translation provider needs the '\(key)' option\(example)")
        }
        var out: [Diagnostic] = []
        if let u = url {
            guard let parsed = URL(string: u), let scheme = parsed.scheme?.lowercased(), scheme == "http" || scheme == "https",
                  parsed.host != nil else {
                return [.error(.configInvalidValue, at: $url.location, "translation option 'url': '\(u)' is not valid; expected an http:// or https:// URL")]
            }
            if let query = parsed.query, query.lowercased().contains("key=") || query.lowercased().contains("token=") {
                out.append(.error(.configSecret, at: $url.location, "translation option 'url' carries a key: \(Self.secret)"))
            }
        }
        if let name = apiKeyEnv, !Self.isVariableName(name) {
            out.append(.error(.configInvalidValue, at: $apiKeyEnv.location,
                              "translation option 'api_key_env' is the NAME of an environment variable (letters, digits, _), not a key"))
        }
        switch provider {
        case .none: break
        case .command:
            if (command ?? "").trimmingCharacters(in: .whitespaces).isEmpty { out.append(missing("command")) }
        case .libretranslate, .http:
            if url == nil { out.append(missing("url", ", e.g. url: http://127.0.0.1:5000")) }
        case .openai:
            if (model ?? "").isEmpty { out.append(missing("model", ", e.g. model: gpt-4o-mini")) }
        case .deepl, .azure:
            if apiKeyEnv == nil { out.append(missing("api_key_env", ", e.g. api_key_env: \(provider == .deepl ? "DEEPL_API_KEY" : "AZURE_TRANSLATOR_KEY")")) }
        case .google:
            if apiKeyEnv == nil { out.append(missing("api_key_env", ", e.g. api_key_env: GOOGLE_ACCESS_TOKEN")) }
            if project == nil { out.append(missing("project")) }
        }
        if provider != .none && provider != .command && HTTPTransport.curlPath == nil {
            out.append(.error(.configInvalidValue, at: $provider.location,
                              "the '\(provider.rawValue)' translation provider runs curl, which is not installed (Debian: apt-get install curl)"))
        }
        return out
    }

    static func isVariableName(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" }
            && !("0"..."9").contains(s.unicodeScalars.first!)
    }

    /// The API key from the environment variable `api_key_env` names; nil when none is configured.
    /// A configured variable that is unset or empty is an error naming the variable (never a value).
    public func apiKey(environment: [String: String] = ProcessInfo.processInfo.environment) throws(Diagnostics) -> String? {
        guard let name = apiKeyEnv else { return nil }
        guard let value = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            throw Diagnostics([.error(.configInvalidValue, at: $apiKeyEnv.location,
                                      "the environment variable \(name) (api_key_env) is not set, so the '\(provider.rawValue)' provider has no key")])
        }
        return value
    }

    /// The provider these settings describe, translating `source` into `target`. `glossary` (term →
    /// preferred translation) is for providers with a glossary of their own (DeepL).
    public func makeProvider(source: String = "id", target: String = "en", glossary: [(String, String)] = []) throws(Diagnostics) -> any TranslationProvider {
        let found = problems()
        if !found.isEmpty { throw Diagnostics(found) }
        let gate = RequestGate(limit: concurrency)
        switch provider {
        case .none: return NoneProvider()
        case .command: return CommandProvider(options: self, gate: gate)
        case .libretranslate, .http: return try LibreTranslateProvider(settings: self, gate: gate, source: source, target: target)
        case .openai: return try OpenAIProvider(settings: self, gate: gate)
        case .deepl: return try DeepLProvider(settings: self, gate: gate, source: source, target: target, glossary: glossary)
        case .google: return try GoogleProvider(settings: self, gate: gate, source: source, target: target)
        case .azure: return try AzureProvider(settings: self, gate: gate, source: source, target: target)
        }
    }

    /// Values given on a command line, each replacing the config's when present.
    public struct Overrides: Sendable {
        public var provider: Provider?, url: String?, model: String?, apiKeyEnv: String?, command: String?
        public var batchSize: Int?, concurrency: Int?, timeout: Double?, retries: Int?, maxCharacters: Int?, fillThreshold: Double?
        public var qa: Bool?, cache: Bool?

        public init(provider: Provider? = nil, url: String? = nil, model: String? = nil, apiKeyEnv: String? = nil, command: String? = nil,
                    batchSize: Int? = nil, concurrency: Int? = nil, timeout: Double? = nil, retries: Int? = nil, maxCharacters: Int? = nil,
                    fillThreshold: Double? = nil, qa: Bool? = nil, cache: Bool? = nil) {
            (self.provider, self.url, self.model, self.apiKeyEnv, self.command) = (provider, url, model, apiKeyEnv, command)
            (self.batchSize, self.concurrency, self.timeout, self.retries) = (batchSize, concurrency, timeout, retries)
            (self.maxCharacters, self.fillThreshold, self.qa, self.cache) = (maxCharacters, fillThreshold, qa, cache)
        }

        /// `settings` with these values in place of its own.
        public func apply(to s: inout TranslationSettings) {
            if let provider { s.provider = provider }
            if let url { s.url = url }
            if let model { s.model = model }
            if let apiKeyEnv { s.apiKeyEnv = apiKeyEnv }
            if let command { s.command = command }
            if let batchSize { s.batchSize = batchSize }
            if let concurrency { s.concurrency = concurrency }
            if let timeout { s.timeout = timeout }
            if let retries { s.retries = retries }
            if let maxCharacters { s.maxCharacters = maxCharacters }
            if let fillThreshold { s.fillThreshold = fillThreshold }
            if let qa { s.qa = qa }
            if let cache { s.cache = cache }
        }
    }

    /// The quality checks these settings ask for, or nil with `qa: false`.
    public var checker: TranslationQA? {
        guard qa else { return nil }
        var o = QAOptions()
        o.termCheck = qaTerms
        return TranslationQA(options: o)
    }

    /// What identifies the provider's output for the MT cache: the provider, its server and model.
    public var cacheIdentity: String {
        "\(provider == .http ? Provider.libretranslate.rawValue : provider.rawValue)|\(url ?? "")|\(model ?? "")|\(glossary ?? "")|\(command ?? "")"
    }
}

extension QAOptions.TermCheck: SettingChoice {}
