import Foundation
import SelarasCore
import SelarasOutput

/// Gives every segment its English: the best TM match at or above the fill threshold, otherwise the
/// translation provider, otherwise "untranslated". Provider output is always marked as MT.
public struct TranslateStage: Stage {
    public typealias Options = TranslationSettings

    public static let name = "translate"
    public static let doc = "Fill targets from the TM, then from the MT provider; mark the rest untranslated."
    public static let requires: [any LayerKey.Type] = [SegmentsLayer.self]
    public static let provides: [any LayerKey.Type] = [TargetsLayer.self]

    /// Cross-option checks (a `command` provider needs its command, `http` its URL).
    public static func check(_ options: Options) -> [Diagnostic] {
        options.problems()
    }

    let fillThreshold: Double
    let provider: any TranslationProvider

    public init(options: Options, context: RunContext) throws {
        fillThreshold = options.fillThreshold
        provider = try options.makeProvider(source: context.config.sourceLanguage, target: context.config.targetLanguage)
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
