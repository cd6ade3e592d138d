/// A sentence (or headline, list item, or piece of news furniture) cut from a paragraph.
///
/// `range` counts Unicode scalars (code points) from the start of the paragraph's text, the same
/// unit Python and most CAT tools use for offsets.
public struct Segment: Sendable, Codable, Hashable {
    /// What a segment is for: ranking and translation treat furniture differently from body text.
    public enum Role: String, Sendable, Codable, Hashable {
        /// An ordinary sentence of the article body.
        case body
        /// The article's headline.
        case headline
        /// A subheading or a list item.
        case heading
        /// News furniture: dateline-only lines, "Baca juga:" links, photo captions, bylines.
        case furniture
    }

    /// `s1`, `s2`, ... in document order.
    public var id: String
    public var text: String
    /// Index into `Article.paragraphs`.
    public var paragraph: Int
    /// Code-point offsets of `text` inside the paragraph.
    public var range: Range<Int>
    public var role: Role

    public init(id: String, text: String, paragraph: Int, range: Range<Int>, role: Role = .body) {
        self.id = id
        self.text = text
        self.paragraph = paragraph
        self.range = range
        self.role = role
    }
}
