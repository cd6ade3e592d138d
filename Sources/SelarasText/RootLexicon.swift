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
    /// Words that take affixes. A hunspell entry without affix flags takes none (it is a
    /// particle, a foreign or archaic word, or a fragment such as `paja`, `perin`, `urang`), so
    /// the stemmer does not give it as the root of an affixed word. Nil: every word takes affixes.
    public let affixable: Set<String>?
    /// Where the words came from, for messages.
    public let source: String

    public init(words: Set<String>, source: String = "inline") {
        self.words = Set(words.map { $0.lowercased() })
        self.affixable = nil
        self.derivationalSuffixes = nil
        self.source = source
    }

    /// For each word with affix flags, which derivational suffixes its flags allow (bits: 1 -i,
    /// 2 -kan, 4 -an), read from the hunspell `.aff` file next to the `.dic`; nil when unknown.
    let derivationalSuffixes: [String: UInt8]?

    /// Whether `word` may be the root of an affixed word.
    public func takesAffixes(_ word: String) -> Bool {
        affixable.map { $0.contains(word) } ?? words.contains(word)
    }

    /// Whether `word` takes the derivational suffix `suffix` (`i`, `kan`, `an`), as far as the
    /// dictionary's affix flags say (true when they say nothing).
    public func takesSuffix(_ word: String, _ suffix: String) -> Bool {
        guard let derivationalSuffixes, let bit = Self.suffixBits[suffix] else { return true }
        return (derivationalSuffixes[word] ?? 0) & bit != 0
    }

    static let suffixBits: [String: UInt8] = ["i": 1, "kan": 2, "an": 4]

    /// Reads the suffix rules of a hunspell `.aff` file (`SFX flag strip add condition`) and
    /// gives, per flag, the derivational suffixes it adds.
    static func suffixFlags(affix url: URL) -> [String: UInt8]? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        let text = String(data: data, encoding: .utf8) ?? String(String.UnicodeScalarView(data.map { Unicode.Scalar($0) }))
        var flags: [String: UInt8] = [:]
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) where line.hasPrefix("SFX") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 5, fields[2] != "Y", fields[2] != "N" else { continue }
            let add = fields[3].split(separator: "/").first.map(String.init) ?? ""
            let bit: UInt8 = add.hasPrefix("kan") ? 2 : add.hasPrefix("an") ? 4 : add.hasPrefix("i") ? 1 : 0
            flags[String(fields[1]), default: 0] |= bit
        }
        return flags.isEmpty ? nil : flags
    }

    /// Reads a hunspell `.dic` file.
    public init(hunspellDictionaryAt url: URL) throws {
        let data = try Data(contentsOf: url)
        // UTF-8 when the bytes are valid UTF-8 (ASCII included), else ISO-8859-1 (hunspell-id
        // declares SET ISO8859-1).
        let text = String(data: data, encoding: .utf8)
            ?? String(String.UnicodeScalarView(data.map { Unicode.Scalar($0) }))
        // FLAG long: two characters per flag.
        let affixURL = url.deletingPathExtension().appendingPathExtension("aff")
        let suffixFlags = Self.suffixFlags(affix: affixURL)
        var suffixes: [String: UInt8] = [:]
        var words = Set<String>()
        var affixable = Set<String>()
        words.reserveCapacity(40_000)
        var first = true
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            if first {
                first = false
                if line.allSatisfy(\.isNumber) { continue }
            }
            let parts = line.split(separator: "/", maxSplits: 1)
            let entry = parts.first.map(String.init) ?? ""
            let word = entry.trimmingCharacters(in: .whitespaces).lowercased()
            guard !word.isEmpty, !word.hasPrefix("#") else { continue }
            words.insert(word)
            if parts.count > 1, !parts[1].trimmingCharacters(in: .whitespaces).isEmpty {
                affixable.insert(word)
                if let suffixFlags {
                    let f = Array(parts[1].trimmingCharacters(in: .whitespaces))
                    var mask: UInt8 = 0
                    var i = 0
                    while i + 1 < f.count { mask |= suffixFlags[String(f[i...(i + 1)])] ?? 0; i += 2 }
                    suffixes[word, default: 0] |= mask
                }
            }
        }
        self.words = words
        self.affixable = affixable
        self.derivationalSuffixes = suffixFlags == nil ? nil : suffixes
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
