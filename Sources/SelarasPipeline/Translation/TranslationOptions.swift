import Foundation

/// The translation provider and its options, as the pipeline config gives them (the `translate`
/// stage's `provider:` and the keys beside it). Every default and every key's one-line help live
/// here, in `TranslationOptions.keys`.
public struct TranslationOptions: Sendable, Hashable {
    public enum Provider: String, Sendable, Hashable, CaseIterable {
        case none, command, http
    }

    public enum LineFormat: String, Sendable, Hashable, CaseIterable {
        /// One sentence per line in, one translation per line out, same order.
        case lines
        /// `{"id","text"}` per line in, `{"id","translation"}` per line out, matched by id.
        case jsonl
    }

    public var provider: Provider = .none
    public var command: String? = nil
    public var format: LineFormat = .lines
    public var timeout: Double = 60
    public var url: String? = nil
    public var apiKey: String? = nil
    public var batchSize: Int = 25
    public var retries: Int = 2
    public var retryDelay: Double = 1
    public var sourceLanguage: String = "id"
    public var targetLanguage: String = "en"

    public init() {}

    /// A config key: its name, one-line help, and how to read and show it.
    public struct Key: Sendable {
        public let name: String
        public let help: String
        let show: @Sendable (TranslationOptions) -> String
        let set: @Sendable (inout TranslationOptions, String) throws(TranslationConfigError) -> Void
    }

    /// Every key, with its help; `TranslationOptions()` holds the defaults.
    public static let keys: [Key] = [
        Key(name: "provider", help: "where English comes from when the TM has none: none (leave untranslated), command or http",
            show: { $0.provider.rawValue },
            set: { o, v throws(TranslationConfigError) in o.provider = try choice("provider", v, Provider.self) }),
        Key(name: "command", help: "command: the program to run, a shell command line (run with /bin/sh -c)",
            show: { $0.command ?? "" }, set: { o, v in o.command = v }),
        Key(name: "format", help: "command: lines (one sentence per line) or jsonl ({\"id\",\"text\"} in, {\"id\",\"translation\"} out)",
            show: { $0.format.rawValue },
            set: { o, v throws(TranslationConfigError) in o.format = try choice("format", v, LineFormat.self) }),
        Key(name: "timeout", help: "seconds allowed for one batch (command) or one request (http)",
            show: { format($0.timeout) },
            set: { o, v throws(TranslationConfigError) in o.timeout = try number("timeout", v, min: 0.001) }),
        Key(name: "url", help: "http: the LibreTranslate-compatible server, e.g. http://127.0.0.1:5000 (POST <url>/translate)",
            show: { $0.url ?? "" }, set: { o, v in o.url = v }),
        Key(name: "api_key", help: "http: API key sent as api_key (omitted when empty)",
            show: { $0.apiKey == nil ? "" : "(set)" }, set: { o, v in o.apiKey = v.isEmpty ? nil : v }),
        Key(name: "batch_size", help: "sentences per batch: per process run (command) or per request (http)",
            show: { String($0.batchSize) },
            set: { o, v throws(TranslationConfigError) in o.batchSize = try integer("batch_size", v, min: 1) }),
        Key(name: "retries", help: "http: further attempts after a network error, timeout, 429 or 5xx",
            show: { String($0.retries) },
            set: { o, v throws(TranslationConfigError) in o.retries = try integer("retries", v, min: 0, max: 10) }),
        Key(name: "retry_delay", help: "http: seconds before the first retry, doubled for each further one",
            show: { format($0.retryDelay) },
            set: { o, v throws(TranslationConfigError) in o.retryDelay = try number("retry_delay", v, min: 0) }),
        Key(name: "source", help: "source language code sent to the engine",
            show: { $0.sourceLanguage }, set: { o, v in o.sourceLanguage = v }),
        Key(name: "target", help: "target language code sent to the engine",
            show: { $0.targetLanguage }, set: { o, v in o.targetLanguage = v }),
    ]

    /// Reads options from config values (all strings). Unknown keys are errors that name the
    /// nearest valid key; values are checked; `validate()` runs at the end.
    public init(_ values: [String: String]) throws(TranslationConfigError) {
        self.init()
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let key = Self.keys.first(where: { $0.name == name }) else {
                throw .unknownKey(name, suggestion: Self.nearestKey(to: name))
            }
            try key.set(&self, value)
        }
        try validate()
    }

    /// Checks that the chosen provider has what it needs.
    public func validate() throws(TranslationConfigError) {
        switch provider {
        case .none: break
        case .command:
            guard let c = command, !c.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw .missing("command", provider: "command")
            }
        case .http:
            guard let u = url, !u.isEmpty else { throw .missing("url", provider: "http") }
            guard let parsed = URL(string: u), let scheme = parsed.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", parsed.host != nil else {
                throw .invalidValue("url", u, expected: "an http:// or https:// URL")
            }
            guard HTTPProvider.curlPath != nil else { throw .missingProgram("curl", provider: "http") }
        }
    }

    /// The provider these options describe.
    public func makeProvider() throws(TranslationConfigError) -> any TranslationProvider {
        try validate()
        switch provider {
        case .none: return NoneProvider()
        case .command: return CommandProvider(options: self)
        case .http: return HTTPProvider(options: self)
        }
    }

    /// `key  default  help` lines, for `selaras validate` and the docs.
    public static var helpText: String {
        let d = TranslationOptions()
        return keys.map { k in
            let shown = k.show(d)
            return "\(k.name) (default: \(shown.isEmpty ? "none" : shown)): \(k.help)"
        }.joined(separator: "\n")
    }

    static func nearestKey(to name: String) -> String? {
        Suggestion.nearest(to: name, in: keys.map(\.name))
    }

    private static func format(_ d: Double) -> String {
        d == d.rounded() ? String(Int(d)) : String(d)
    }

    private static func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ v: String, _: E.Type)
        throws(TranslationConfigError) -> E where E.RawValue == String {
        guard let e = E(rawValue: v.lowercased()) else {
            throw .invalidValue(key, v, expected: "one of " + E.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return e
    }

    private static func number(_ key: String, _ v: String, min: Double) throws(TranslationConfigError) -> Double {
        guard let d = Double(v.trimmingCharacters(in: .whitespaces)), d.isFinite, d >= min else {
            throw .invalidValue(key, v, expected: "a number of at least \(format(min))")
        }
        return d
    }

    private static func integer(_ key: String, _ v: String, min: Int, max: Int = Int.max) throws(TranslationConfigError) -> Int {
        guard let i = Int(v.trimmingCharacters(in: .whitespaces)), i >= min, i <= max else {
            throw .invalidValue(key, v, expected: max == Int.max ? "a whole number of at least \(min)" : "a whole number from \(min) to \(max)")
        }
        return i
    }
}

/// A problem with the translation options in a pipeline config.
public enum TranslationConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownKey(String, suggestion: String?)
    case invalidValue(String, String, expected: String)
    case missing(String, provider: String)
    /// A program the provider runs is not installed.
    case missingProgram(String, provider: String)

    /// The option the error is about, for the config layer to attach a line number.
    public var key: String {
        switch self {
        case let .unknownKey(k, _), let .invalidValue(k, _, _), let .missing(k, _): return k
        case .missingProgram: return "provider"
        }
    }

    public var description: String {
        switch self {
        case let .unknownKey(k, suggestion):
            return "unknown translation option '\(k)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case let .invalidValue(k, v, expected):
            return "translation option '\(k)': '\(v)' is not valid; expected \(expected)"
        case let .missing(k, provider):
            return "the '\(provider)' translation provider needs the '\(k)' option"
        case let .missingProgram(program, provider):
            return "the '\(provider)' translation provider runs \(program), which is not installed (Debian: apt-get install \(program))"
        }
    }
}
