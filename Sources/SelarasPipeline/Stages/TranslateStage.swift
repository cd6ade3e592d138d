import Foundation
import SelarasCore

/// Gives every segment its English: the best TM match at or above the fill threshold, otherwise the
/// translation provider, otherwise "untranslated". Provider output is always marked as MT.
public struct TranslateStage: Stage {
    public static let name = "translate"
    public static let doc = "Fill targets from the TM, then from the MT provider; mark the rest untranslated."
    public static let requires: Set<Layer> = [.segments]
    public static let provides: Set<Layer> = [.targets]
    public static let options: [OptionSpec] = [
        OptionSpec("fill_threshold", .double(0...100), default: .double(95),
                   "Lowest TM score whose target fills a segment (repaired targets are used when present)."),
        OptionSpec("provider", .choice(["none"]), default: .string("none"),
                   "Translation provider for what the TM cannot fill: none (mark untranslated)."),
    ]

    let fillThreshold: Double

    public init(options: StageOptions, context: RunContext) throws {
        fillThreshold = options.double("fill_threshold") ?? 95
    }

    public func process(_ document: inout Document, run: ArticleRun) throws {
        let segments = document.segments ?? []
        var targets: [Target] = []
        targets.reserveCapacity(segments.count)
        for i in segments.indices {
            if let best = document.matches?[i].first, best.score >= fillThreshold {
                targets.append(Target(text: best.bestTarget, provenance: Self.provenance(of: best), score: best.score,
                                      origin: best.origin))
            } else {
                targets.append(.untranslated)
            }
        }
        document.targets = targets
    }

    static func provenance(of match: TMMatch) -> Target.Provenance {
        switch match.kind {
        case .exactWithContext, .exact, .exactTextOnly: return .exactTM
        case .repairedFuzzy: return .repairedTM
        case .fuzzy: return match.repairedTarget != nil ? .repairedTM : .fuzzyTM
        }
    }
}
