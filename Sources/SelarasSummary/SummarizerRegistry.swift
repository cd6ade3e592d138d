/// The summarisers a pipeline or the CLI may name.
public enum SummarizerRegistry {
    public static let defaultName = "lead"

    public static var names: [String] { ["lead"] }

    public static func summarizer(named name: String) -> (any Summarizer)? {
        switch name {
        case "lead": return LeadSummarizer()
        default: return nil
        }
    }
}
