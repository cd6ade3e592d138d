import Foundation
import SelarasCore
import SelarasOutput

/// The `translate` stage's options: the fill threshold, the translation provider and its settings.
/// Each default and one-line doc is written once, here; providers are built from these settings.
public struct TranslationSettings: Settings {
    public enum Provider: String, Sendable, Hashable, SettingChoice {
        case none, command, http
    }

    public enum LineFormat: String, Sendable, Hashable, SettingChoice {
        /// One sentence per line in, one translation per line out, same order.
        case lines
        /// `{"id","text"}` per line in, `{"id","translation"}` per line out, matched by id.
        case jsonl
    }

    @Setting("Lowest TM score whose target fills a segment (repaired targets are used when present).", range: 0...100)
    public var fillThreshold: Double = BilingualView.defaultFillThreshold
    @Setting("Where English comes from when the TM has none: none (leave untranslated), command or http.")
    public var provider: Provider = .none
    @Setting("The program to run, a shell command line (run with /bin/sh -c) (command provider).")
    public var command: String? = nil
    @Setting("Lines (one sentence per line) or jsonl ({\"id\",\"text\"} in, {\"id\",\"translation\"} out) (command provider).")
    public var format: LineFormat = .lines
    @Setting("Seconds allowed for one batch (command) or one request (http).", range: 0.001...86_400)
    public var timeout: Double = 60
    @Setting("The LibreTranslate-compatible server, e.g. http://127.0.0.1:5000 (POST <url>/translate) (http provider).")
    public var url: String? = nil
    @Setting("API key sent as api_key (omitted when empty) (http provider).")
    public var apiKey: String? = nil
    @Setting("Sentences per batch: per process run (command) or per request (http).", range: 1...10_000)
    public var batchSize: Int = 25
    @Setting("Further attempts after a network error, timeout, 429 or 5xx (http provider).", range: 0...10)
    public var retries: Int = 2
    @Setting("Seconds before the first retry, doubled for each further one (http provider).", range: 0...3600)
    public var retryDelay: Double = 1

    public init() {}

    /// What the chosen provider lacks, if anything (a `command` provider needs its command, `http` a URL).
    public func problems() -> [Diagnostic] {
        func missing(_ key: String) -> Diagnostic {
            .error(.configInvalidValue, at: $provider.location, "the '\(provider.rawValue)' translation provider needs the '\(key)' option")
        }
        switch provider {
        case .none:
            return []
        case .command:
            guard let c = command, !c.trimmingCharacters(in: .whitespaces).isEmpty else { return [missing("command")] }
            return []
        case .http:
            guard let u = url, !u.isEmpty else { return [missing("url")] }
            guard let parsed = URL(string: u), let scheme = parsed.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", parsed.host != nil else {
                return [.error(.configInvalidValue, at: $url.location, "translation option 'url': '\(u)' is not valid; expected an http:// or https:// URL")]
            }
            guard HTTPProvider.curlPath != nil else {
                return [.error(.configInvalidValue, at: $provider.location,
                               "the 'http' translation provider runs curl, which is not installed (Debian: apt-get install curl)")]
            }
            return []
        }
    }

    /// The provider these settings describe, translating `source` into `target`.
    public func makeProvider(source: String = "id", target: String = "en") throws(Diagnostics) -> any TranslationProvider {
        let found = problems()
        if !found.isEmpty { throw Diagnostics(found) }
        switch provider {
        case .none: return NoneProvider()
        case .command: return CommandProvider(options: self)
        case .http: return HTTPProvider(options: self, source: source, target: target)
        }
    }
}
