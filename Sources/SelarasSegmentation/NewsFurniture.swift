/// Recognises news furniture: lines that belong to the page, not the story.
///
/// Foundation version: "Baca juga:" links, "Foto:" captions, "Penulis:"/"Editor:" bylines.
public enum NewsFurniture {
    static let prefixes = ["baca juga", "lihat juga", "simak juga", "foto:", "penulis:", "editor:", "pewarta:", "sumber:"]

    /// Whether a segment is furniture rather than part of the story.
    public static func isFurniture(_ segment: String) -> Bool {
        let lower = segment.lowercased()
        return prefixes.contains { lower.hasPrefix($0) }
    }
}
