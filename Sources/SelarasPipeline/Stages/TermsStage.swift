import Foundation
import SelarasCore
import SelarasGlossary

/// Finds glossary terms in every segment, using the config's glossaries.
public struct TermsStage: Stage {
    public static let name = "terms"
    public static let doc = "Find glossary terms in every segment (resources.glossaries)."
    public static let requires: [any LayerKey.Type] = [SegmentsLayer.self]
    public static let provides: [any LayerKey.Type] = [TermsLayer.self]
    public static let resources: [any Resource.Type] = [GlossaryResource.self]

    let matcher: TermMatcher

    public init(options: NoSettings, context: RunContext) throws {
        let glossaries = try context.resource(GlossaryResource.self)
        if glossaries.glossaries.isEmpty {
            context.warn("stage 'terms': resources.glossaries is empty, so no terms will be found")
        }
        matcher = glossaries.matcher
    }

    public func process(_ document: inout Document, run: ArticleRun) throws {
        document.terms = (document.segments ?? []).map { matcher.match($0.text) }
    }
}
