import Foundation
import SelarasCore
import SelarasOutput

/// Gives every segment its English: the best TM match at or above the fill threshold, otherwise the
/// translation provider, otherwise "untranslated". Provider output is always marked as MT.
public struct TranslateStage: Stage {
    public static let name = "translate"
    public static let doc = "Fill targets from the TM, then from the MT provider; mark the rest untranslated."
    public static let requires: Set<Layer> = [.segments]
    public static let provides: Set<Layer> = [.targets]

    /// The provider keys come from `TranslationOptions.keys` (their help is the doc), typed here.
    public static let options: [OptionSpec] = {
        var specs = [
            OptionSpec("fill_threshold", .double(0...100), default: .double(95),
                       "Lowest TM score whose target fills a segment (repaired targets are used when present)."),
        ]
        let kinds: [String: OptionSpec.Kind] = [
            "provider": .choice(TranslationOptions.Provider.allCases.map(\.rawValue)),
            "format": .choice(TranslationOptions.LineFormat.allCases.map(\.rawValue)),
            "timeout": .double(0.001...86_400), "retry_delay": .double(0...3600),
            "batch_size": .int(1...10_000), "retries": .int(0...10),
        ]
        let defaults = TranslationOptions()
        let defaultValues: [String: OptionValue] = [
            "provider": .string(defaults.provider.rawValue), "format": .string(defaults.format.rawValue),
            "timeout": .double(defaults.timeout), "retry_delay": .double(defaults.retryDelay),
            "batch_size": .int(defaults.batchSize), "retries": .int(defaults.retries),
        ]
        // Languages come from the config's `languages`, not from the stage.
        for key in TranslationOptions.keys where key.name != "source" && key.name != "target" {
            var help = key.help
            for provider in ["command", "http"] where help.hasPrefix("\(provider): ") {
                help = String(help.dropFirst(provider.count + 2)) + " (\(provider) provider)"
            }
            help = help.prefix(1).uppercased() + help.dropFirst() + "."
            specs.append(OptionSpec(key.name, kinds[key.name] ?? .string, default: defaultValues[key.name], help))
        }
        return specs
    }()

    /// Cross-option checks (a `command` provider needs its command, `http` its URL).
    public static func check(_ options: StageOptions) -> [String] {
        do {
            _ = try translationOptions(options, source: "id", target: "en")
            return []
        } catch {
            return ["\(error)"]
        }
    }

    static func translationOptions(_ options: StageOptions, source: String, target: String) throws -> TranslationOptions {
        var values: [String: String] = ["source": source, "target": target]
        for spec in options.values.keys where spec != "fill_threshold" {
            values[spec] = options.values[spec]!.description
        }
        return try TranslationOptions(values)
    }

    let fillThreshold: Double
    let provider: any TranslationProvider

    public init(options: StageOptions, context: RunContext) throws {
        fillThreshold = options.double("fill_threshold") ?? 95
        provider = try Self.translationOptions(options, source: context.config.sourceLanguage,
                                               target: context.config.targetLanguage).makeProvider()
    }

    public func process(_ document: inout Document, run: ArticleRun) throws {
        let segments = document.segments ?? []
        document.targets = segments.indices.map { i in
            if let best = document.matches?[i].first, best.score >= fillThreshold {
                return BilingualView.target(from: best)
            }
            return .untranslated
        }
        let report = MachineTranslation.fill(&document, provider: provider, fillThreshold: fillThreshold)
        for failure in report.failures { run.warnings.append("machine translation: \(failure)") }
    }
}
