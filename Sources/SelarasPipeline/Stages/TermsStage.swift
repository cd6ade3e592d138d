import Foundation
import SelarasCore
import SelarasGlossary

/// Finds glossary terms in every segment, using the config's glossaries.
public struct TermsStage: Stage {
    public static let name = "terms"
    public static let doc = "Find glossary terms in every segment (resources.glossaries)."
    public static let requires: Set<Layer> = [.segments]
    public static let provides: Set<Layer> = [.terms]
    public static let options: [OptionSpec] = []

    let matcher: TermMatcher
    let sources: [URL]

    public init(options: StageOptions, context: RunContext) throws {
        let glossaries = try context.glossaries()
        if glossaries.isEmpty {
            context.warn("stage 'terms': resources.glossaries is empty, so no terms will be found")
        }
        matcher = TermMatcher(glossaries: glossaries)
        sources = context.config.glossaries
    }

    public func process(_ document: inout Document, run: ArticleRun) throws {
        document.terms = (document.segments ?? []).map { matcher.match($0.text) }
    }

    public var fingerprintInputs: [URL] { sources }
}
