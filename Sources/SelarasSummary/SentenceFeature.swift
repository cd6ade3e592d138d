import Foundation

/// A feature of the learned ranker. The model file names the features it uses; their values for the
/// rankable sentences of one article are computed here. Positions count rankable sentences only.
public enum SentenceFeature: String, CaseIterable, Sendable {
    /// One-hot position: the first, second, ... sixth rankable sentence.
    case position0 = "position_0", position1 = "position_1", position2 = "position_2"
    case position3 = "position_3", position4 = "position_4", position5 = "position_5"
    /// Position over the number of rankable sentences (0 for the first).
    case relativePosition = "relative_position"
    /// ln(1 + position).
    case logPosition = "log_position"
    /// ln(1 + words).
    case logWords = "log_words"
    /// Words / 30.
    case words = "words"
    /// Opens with a quotation mark.
    case startsWithQuote = "starts_with_quote"
    /// Contains a quotation mark.
    case hasQuote = "has_quote"
    /// Contains a verb of attribution (kata, ujar, ucap, ...).
    case attribution = "attribution"
    /// Mean idf-modified cosine with the other rankable sentences (degree centrality).
    case centrality = "centrality"
    /// Plain LexRank score times the number of sentences (1 = average).
    case lexRank = "lexrank"
    /// Idf-modified cosine with the first rankable sentence (0 for the first itself).
    case similarityToFirst = "similarity_to_first"
    /// Idf-modified cosine with the headline (0 without one).
    case similarityToHeadline = "similarity_to_headline"
    /// Share of capitalised words (named entities).
    case capitalised = "capitalised"
    /// Share of number tokens.
    case numbers = "numbers"
    /// Ends with a question mark.
    case question = "question"
    /// Ends with a colon (introduces a list or a quote).
    case colon = "colon"
    /// Rankable sentences in the article / 30.
    case articleSentences = "article_sentences"
    /// First rankable sentence of its paragraph (0 when paragraphs are unknown).
    case paragraphStart = "paragraph_start"
    /// In the first paragraph with rankable sentences (0 when paragraphs are unknown).
    case firstParagraph = "first_paragraph"
    /// Glossary terms in the sentence, ln(1 + count).
    case glossaryTerms = "glossary_terms"

    /// The feature matrix (one row per rankable sentence, one column per feature in `features`).
    static func matrix(_ a: ArticleAnalysis, features: [SentenceFeature]) -> [[Double]] {
        let n = a.count
        guard n > 0 else { return [] }
        let needsGraph = features.contains(.lexRank)
        let lexrank = needsGraph ? a.pageRank(damping: SummaryOptions.default.damping) : []
        let rowSums = features.contains(.centrality) ? a.similarity.rowSums() : []
        // Paragraph order among paragraphs that hold rankable sentences.
        var paragraphOrder: [Int: Int] = [:]
        for p in a.paragraphs.compactMap({ $0 }) where paragraphOrder[p] == nil { paragraphOrder[p] = paragraphOrder.count }
        var rows: [[Double]] = []
        rows.reserveCapacity(n)
        for i in 0..<n {
            var row: [Double] = []
            row.reserveCapacity(features.count)
            for f in features {
                let value: Double
                switch f {
                case .position0: value = i == 0 ? 1 : 0
                case .position1: value = i == 1 ? 1 : 0
                case .position2: value = i == 2 ? 1 : 0
                case .position3: value = i == 3 ? 1 : 0
                case .position4: value = i == 4 ? 1 : 0
                case .position5: value = i == 5 ? 1 : 0
                case .relativePosition: value = Double(i) / Double(n)
                case .logPosition: value = log(1 + Double(i))
                case .logWords: value = log(1 + Double(a.words[i]))
                case .words: value = Double(a.words[i]) / 30
                case .startsWithQuote: value = SurfaceCues.startsWithQuote(a.texts[i]) ? 1 : 0
                case .hasQuote: value = a.scans[i].hasQuote ? 1 : 0
                case .attribution: value = a.scans[i].attribution ? 1 : 0
                case .centrality: value = n > 1 ? rowSums[i] / Double(n - 1) : 0
                case .lexRank: value = lexrank[i] * Double(n)
                case .similarityToFirst: value = i == 0 ? 0 : a.similarity[i, 0]
                case .similarityToHeadline: value = a.headlineSimilarity[i]
                case .capitalised: value = SurfaceCues.capitalisedShare(a.scans[i])
                case .numbers: value = SurfaceCues.numberShare(a.scans[i])
                case .question: value = SurfaceCues.finalMark(a.texts[i]) == "?" ? 1 : 0
                case .colon: value = SurfaceCues.finalMark(a.texts[i]) == ":" ? 1 : 0
                case .articleSentences: value = Double(n) / 30
                case .paragraphStart:
                    if let p = a.paragraphs[i] { value = i == 0 || a.paragraphs[i - 1] != p ? 1 : 0 } else { value = 0 }
                case .firstParagraph: value = a.paragraphs[i].map { paragraphOrder[$0] == 0 ? 1 : 0 } ?? 0
                case .glossaryTerms: value = log(1 + Double(a.glossaryTerms[i]))
                }
                row.append(value)
            }
            rows.append(row)
        }
        return rows
    }
}
