import SelarasCore

/// The stable codes of glossary problems (see docs/diagnostics.md). The linter's findings are
/// `GLO101`–`GLO128`, one code per kind of finding (GlossaryLinter.swift, in order).
extension Diagnostic.Code {
    /// The file cannot be read, or is not in the format its name says.
    public static let glossaryUnreadable: Self = "GLO001"
    /// A row or entry that cannot be read, or reads with a problem (no term, no translation).
    public static let glossaryEntry: Self = "GLO002"
    /// An edit refused (the term is there already, or is not there to remove).
    public static let glossaryEdit: Self = "GLO003"
    /// A term check of a bilingual file found a missing or forbidden translation.
    public static let terminology: Self = "GLO004"
    /// The translation memory `glossary extract` mines for English cannot be read.
    public static let extractionTM: Self = "GLO005"
}
