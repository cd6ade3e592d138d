import Foundation

/// Indonesian function words, for ranking and term extraction (written for Selaras; see
/// Resources/stopwords-id.txt).
public enum Stopwords {
    /// Lowercased stopwords.
    public static let indonesian: Set<String> = {
        guard let url = Bundle.module.url(forResource: "stopwords-id", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return Set(text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }()

    public static func isStopword(_ word: String) -> Bool {
        indonesian.contains(word.lowercased())
    }
}
