import Foundation

/// A list of Indonesian root words (kata dasar), for the stemmer and clitic splitting.
///
/// The default comes from Debian's hunspell-id dictionary (`/usr/share/hunspell/id_ID.dic`,
/// ISO-8859-1, one entry per line after a count line, affix flags after a slash). Entries are
/// lower-cased; flags are dropped.
public struct RootLexicon: Sendable {
    /// Where Debian and Ubuntu install the hunspell-id dictionary.
    public static let hunspellPath = "/usr/share/hunspell/id_ID.dic"

    public let words: Set<String>
    /// Where the words came from, for messages.
    public let source: String

    public init(words: Set<String>, source: String = "inline") {
        self.words = Set(words.map { $0.lowercased() })
        self.source = source
    }

    /// Reads a hunspell `.dic` file.
    public init(hunspellDictionaryAt url: URL) throws {
        let data = try Data(contentsOf: url)
        // UTF-8 when the bytes are valid UTF-8 (ASCII included), else ISO-8859-1 (hunspell-id
        // declares SET ISO8859-1).
        let text = String(data: data, encoding: .utf8)
            ?? String(String.UnicodeScalarView(data.map { Unicode.Scalar($0) }))
        var words = Set<String>()
        words.reserveCapacity(40_000)
        var first = true
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            if first {
                first = false
                if line.allSatisfy(\.isNumber) { continue }
            }
            let entry = line.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
            let word = entry.trimmingCharacters(in: .whitespaces).lowercased()
            guard !word.isEmpty, !word.hasPrefix("#") else { continue }
            words.insert(word)
        }
        self.words = words
        self.source = url.path
    }

    public func contains(_ word: String) -> Bool { words.contains(word) }

    public var count: Int { words.count }

    /// The hunspell-id dictionary, read once per process; nil (with the reason) when missing.
    public static let system: (lexicon: RootLexicon?, problem: String?) = {
        let url = URL(fileURLWithPath: hunspellPath)
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            return (nil, "no root-word list at \(hunspellPath) (install the hunspell-id package)")
        }
        do {
            let lexicon = try RootLexicon(hunspellDictionaryAt: url)
            if lexicon.count < 1000 { return (nil, "\(hunspellPath) holds only \(lexicon.count) words") }
            return (lexicon, nil)
        } catch {
            return (nil, "cannot read \(hunspellPath): \(error.localizedDescription)")
        }
    }()
}
