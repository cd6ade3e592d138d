import SelarasCore

/// The stable codes of TMX problems (see docs/diagnostics.md).
extension Diagnostic.Code {
    /// The file cannot be read, or is not TMX at all.
    public static let tmxUnreadable: Self = "TMX001"
    /// XML that is not well-formed: the rest of the file (or the unit) could not be read.
    public static let tmxMalformed: Self = "TMX002"
    /// A unit left out (no variant in a language, an empty segment, broken markup).
    public static let tmxUnitSkipped: Self = "TMX003"
    /// A unit read after a fix (forbidden characters removed, bytes replaced, unknown markup dropped).
    public static let tmxUnitRepaired: Self = "TMX004"
    /// Information: nothing lost (a store that could not be used, so the TMX was read instead).
    public static let tmxNote: Self = "TMX005"
    /// A problem of the TM store (SQLite) itself.
    public static let tmStore: Self = "TMX006"
}

extension Diagnostic {
    /// A TMX problem: `skipped` units and `repaired` ones are warnings, a file that `failed` is an
    /// error, `kept` is a note (nothing lost). The code follows from the action unless given.
    public static func tmx(_ action: Action, at location: SourceLocation, tuid: String? = nil, _ message: String,
                           code: Code? = nil) -> Diagnostic {
        switch action {
        case .skipped: return .warning(code ?? .tmxUnitSkipped, at: location, message, subject: tuid.map { "tuid \($0)" }, action: .skipped)
        case .repaired: return .warning(code ?? .tmxUnitRepaired, at: location, message, subject: tuid.map { "tuid \($0)" }, action: .repaired)
        case .failed: return .error(code ?? .tmxUnreadable, at: location, message, subject: tuid.map { "tuid \($0)" }, action: .failed)
        case .kept: return .note(code ?? .tmxNote, at: location, message, subject: tuid.map { "tuid \($0)" })
        }
    }

    /// The tuid a TMX diagnostic is about.
    public var tuid: String? {
        guard let subject, subject.hasPrefix("tuid ") else { return nil }
        return String(subject.dropFirst(5))
    }
}
