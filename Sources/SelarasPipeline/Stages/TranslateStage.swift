import Foundation
import SelarasCore
import SelarasOutput
import SelarasQA

/// Gives every segment its English: the TM fill at or above the fill threshold, otherwise the
/// machine translation provider (fed with the segment's glossary terms, TM examples and context,
/// through the MT cache), otherwise "untranslated"; then checks every translation (`TranslationQA`).
/// Provider output is always marked as MT, never as TM. See `MachineTranslation`.
public struct TranslateStage: Stage {
    public typealias Options = TranslationSettings

    public static let name = "translate"
    public static let doc = "Fill targets from the TM, then from the MT provider (with glossary terms, TM examples, context, cache); check them; mark the rest untranslated."
    public static let requires: [any LayerKey.Type] = [SegmentsLayer.self]
    public static let provides: [any LayerKey.Type] = [TargetsLayer.self]
    public static let resources: [any Resource.Type] = [TranslationMemoryResource.self, GlossaryResource.self]

    /// Cross-option checks (a provider's required options, secrets).
    public static func check(_ options: Options) -> [Diagnostic] {
        options.problems()
    }

    let translation: MachineTranslation

    public init(options: Options, context: RunContext) throws {
        let glossaries = try context.resource(GlossaryResource.self)
        var entries: [(String, String)] = []
        for g in glossaries.glossaries {
            for e in g.entries { if let t = e.translations.first { entries.append((e.term, t)) } }
        }
        let provider = try options.makeProvider(source: context.config.sourceLanguage, target: context.config.targetLanguage,
                                                glossary: entries)
        let tm = try context.resource(TranslationMemoryResource.self)
        translation = MachineTranslation(provider: provider, settings: options, memory: tm.memory, cache: tm.cache,
                                         qa: options.checker)
    }

    public func process(_ document: inout Document, run: ArticleRun) throws {
        translation.fill(&document, run: run)
    }
}
