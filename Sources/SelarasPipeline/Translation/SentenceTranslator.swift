import Foundation
import SelarasCore
import SelarasGlossary
import SelarasQA
import SelarasTM

/// Translates loose sentences (not articles) the way the `translate` stage does: TM fill, then the
/// provider with glossary terms, TM examples and the context the caller gives, through the MT cache,
/// then the checks. For `selaras translate` and other scripts.
public struct SentenceTranslator: Sendable {
    /// One sentence and the text around it (nil: none).
    public struct Input: Sendable {
        public var id: String
        public var text: String
        public var previous: String?
        public var next: String?

        public init(id: String, text: String, previous: String? = nil, next: String? = nil) {
            self.id = id
            self.text = text
            self.previous = previous
            self.next = next
        }
    }

    /// The English of one sentence, where it came from, and what the checks found.
    public struct Output: Sendable {
        public var target: Target
        /// The glossary terms found in the sentence.
        public var terms: [TermHit]
    }

    public let translation: MachineTranslation
    public let matcher: TermMatcher?
    public let matchThreshold: Double

    public init(translation: MachineTranslation, matcher: TermMatcher?, matchThreshold: Double = 75) {
        self.translation = translation
        self.matcher = matcher
        self.matchThreshold = matchThreshold
    }

    /// The outputs, one per input, in order; problems go to `run`.
    public func translate(_ inputs: [Input], run: ArticleRun) -> [Output] {
        var document = Document(article: Article(id: "sentences", paragraphs: inputs.map { Paragraph($0.text) }))
        document.segments = inputs.enumerated().map { i, input in
            Segment(id: input.id, text: input.text, paragraph: i, range: 0..<input.text.unicodeScalars.count)
        }
        let terms = inputs.map { matcher?.match($0.text) ?? [] }
        document.terms = terms
        if let memory = translation.memory {
            document.matches = inputs.map { memory.lookup(TMQuery(text: $0.text, terms: []), threshold: matchThreshold, max: 5) }
        }
        translation.fill(&document, run: run) { i in (inputs[i].previous, inputs[i].next) }
        return zip(document.targets ?? [], terms).map { Output(target: $0, terms: $1) }
    }
}
