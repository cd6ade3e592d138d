import SelarasCore

/// The stable codes of XLIFF problems (see docs/diagnostics.md).
extension Diagnostic.Code {
    /// The file cannot be read, or is not XLIFF.
    public static let xliffUnreadable: Self = "XLF001"
    /// XML that is not well-formed: the rest of the file could not be read.
    public static let xliffMalformed: Self = "XLF002"
    /// A unit left out (no source, an empty reviewed target, cut off by an XML error).
    public static let xliffUnitSkipped: Self = "XLF003"
    /// A unit read despite a problem (a duplicate or missing id, an unknown state).
    public static let xliffUnitKept: Self = "XLF004"
}

extension Diagnostic {
    /// An XLIFF problem: units `skipped` or `kept` are warnings, a file that `failed` is an error.
    public static func xliff(_ action: Action, at location: SourceLocation, unit: String? = nil, _ message: String,
                             code: Code? = nil) -> Diagnostic {
        switch action {
        case .skipped: return .warning(code ?? .xliffUnitSkipped, at: location, message, subject: unit.map { "unit '\($0)'" }, action: .skipped)
        case .kept, .repaired: return .warning(code ?? .xliffUnitKept, at: location, message, subject: unit.map { "unit '\($0)'" }, action: .kept)
        case .failed: return .error(code ?? .xliffUnreadable, at: location, message, subject: unit.map { "unit '\($0)'" }, action: .failed)
        }
    }
}
