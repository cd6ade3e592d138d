/// An article as read from its input, before any stage has run.
///
/// Paragraphs keep the text exactly as the input had it (after Unicode NFC in the reader); the
/// headline, when the input has one, is the first paragraph with the role `.headline`.
public struct Article: Sendable, Codable, Hashable {
    /// Stable identifier, used for output file names and the run report (file stem, or JSONL `id`).
    public var id: String
    /// The paragraphs in reading order, the headline first when there is one.
    public var paragraphs: [Paragraph]
    /// Where the article came from (`path` or `path:line` for JSONL), for messages and reports.
    public var sourcePath: String?
    /// Free-form metadata from the input (JSONL fields other than id/title/text, front matter).
    public var metadata: [String: String]

    public init(id: String, paragraphs: [Paragraph], sourcePath: String? = nil, metadata: [String: String] = [:]) {
        self.id = id
        self.paragraphs = paragraphs
        self.sourcePath = sourcePath
        self.metadata = metadata
    }

    /// The headline, if the input had one.
    public var title: String? {
        paragraphs.first(where: { $0.role == .headline })?.text
    }

    /// The body text: paragraphs other than the headline, captions and credits, joined by blank lines.
    public var bodyText: String {
        paragraphs.filter { $0.role != .headline && !$0.role.isFurniture }.map(\.text).joined(separator: "\n\n")
    }
}

/// One block of text: a headline, a body paragraph, a subheading, a list item, a block quote, or a
/// figure's caption or credit (the last two are furniture: out of ranking, in the bilingual output).
public struct Paragraph: Sendable, Codable, Hashable {
    public enum Role: String, Sendable, Codable, Hashable, CaseIterable {
        case headline, body, heading, listItem = "list_item", quote, caption, credit

        /// Captions and credits belong to the page's pictures, not to the story.
        public var isFurniture: Bool { self == .caption || self == .credit }
    }
    public var text: String
    public var role: Role

    public init(_ text: String, role: Role = .body) {
        self.text = text
        self.role = role
    }
}
