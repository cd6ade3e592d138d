/// How a chosen summary sentence is shown.
public enum SummaryText {
    /// The text of candidate `index`: as it is, except the article's first body sentence, shown
    /// without its opening dateline ("Jakarta, CNN Indonesia -- ").
    public static func display(_ index: Int, in candidates: [SummaryCandidate]) -> String {
        let firstBody = candidates.firstIndex { $0.rankable }
        return index == firstBody ? NewsDateline.stripped(candidates[index].text) : candidates[index].text
    }
}
