import Foundation
import SelarasCore
import SelarasGlossary

/// The config's glossaries, loaded once, with one term matcher over all of them.
public struct GlossaryResource: Resource {
    public struct Options: Settings {
        @Setting("Glossaries (extended TSV, OmegaT TSV, CSV, TBX).", mustExist: true)
        public var glossaries: [URL] = []
        public init() {}
    }

    public static let name = "glossaries"

    public let glossaries: [Glossary]
    public let matcher: TermMatcher

    public static func load(_ options: Options, context: RunContext) throws -> GlossaryResource {
        var list: [Glossary] = []
        for url in options.glossaries {
            let (g, issues) = try Glossary.load(contentsOf: url)
            for issue in Glossary.located(issues, in: url.path) { context.warn(issue.description) }
            list.append(g)
        }
        return GlossaryResource(glossaries: list, matcher: TermMatcher(glossaries: list))
    }
}
