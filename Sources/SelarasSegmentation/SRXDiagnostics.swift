import SelarasCore

/// The stable codes of SRX problems (see docs/diagnostics.md).
extension Diagnostic.Code {
    /// The file cannot be read, is not well-formed XML, or is not SRX (a missing element or attribute).
    public static let srxUnreadable: Self = "SRX001"
    /// A rule or language-map pattern that does not compile (with the pattern's line and column).
    public static let srxPattern: Self = "SRX002"
    /// No language map covers the language asked for.
    public static let srxNoLanguage: Self = "SRX003"
}
