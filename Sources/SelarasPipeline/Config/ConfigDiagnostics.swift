import SelarasCore

/// The stable codes of pipeline-config problems (printed as `error[E002]`; see docs/diagnostics.md).
extension Diagnostic.Code {
    /// YAML that does not parse.
    public static let configSyntax: Self = "E001"
    /// A key no table declares (the message names the nearest valid key).
    public static let configUnknownKey: Self = "E002"
    /// A value of the wrong type or outside its range.
    public static let configWrongType: Self = "E003"
    /// A required key is missing (the stage list).
    public static let configMissingKey: Self = "E004"
    /// A file the config names does not exist.
    public static let configMissingFile: Self = "E005"
    /// A stage name no registry knows.
    public static let configUnknownStage: Self = "E006"
    /// A stage that needs a layer no earlier stage provides.
    public static let configStageOrder: Self = "E007"
    /// A value of the right type that cannot be used (a choice not offered, a key given twice, options
    /// that contradict each other).
    public static let configInvalidValue: Self = "E008"
    /// The config file cannot be read or is not UTF-8.
    public static let configUnreadable: Self = "E009"
    /// A secret (an API key) written into the config instead of named by an environment variable.
    public static let configSecret: Self = "E010"
}
