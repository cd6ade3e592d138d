import SelarasCore

/// The stable codes of saved-page problems (see docs/diagnostics.md).
extension Diagnostic.Code {
    /// The page cannot be read: damaged gzip, too large, or not parseable as HTML.
    public static let htmlUnreadable: Self = "HTM001"
    /// The page's encoding is wrong or cannot be converted (bytes were replaced).
    public static let htmlEncoding: Self = "HTM002"
    /// No article text was found on the page.
    public static let htmlNoArticle: Self = "HTM003"
    /// The configured extractor command failed or answered something unusable.
    public static let htmlExtractor: Self = "HTM004"
}
