/// The words and terms of one article, built by `TermAnalyzer.scan(_:into:)`.
///
/// Each distinct word (the UTF-8 of its lowercased form) is entered once, with whether it is a
/// stopword and whether it is a verb of attribution, so that the token after the first costs one
/// table lookup. A word that counts as a term gets a term id when it first counts; ids are numbered
/// from 0 in the order terms first occur, which is the order the tf·idf vectors sort terms by.
///
/// Equality is that of `String` (canonical equivalence) throughout: words whose lowercased form is
/// ASCII are compared by their bytes, where the two agree; other words, and every term when the
/// analyser stems, go through `String` sets and dictionaries.
struct TermVocabulary {
    /// Lowercased word → its term id, or -1 while it has none.
    private var words: WordTable
    /// Per word: `Flag` bits.
    private var flags: [UInt8] = []
    /// Term ids of terms that are not an ASCII word's own bytes (non-ASCII or stemmed terms).
    private var termIDsByText: [String: Int32] = [:]
    /// Per term id: the word that defined it, for `text(ofTerm:)`; -1 when `termTexts` holds it.
    private var termWords: [Int32] = []
    private var termTexts: [Int32: String] = [:]

    enum Flag {
        static let stopword: UInt8 = 1
        static let attribution: UInt8 = 2
        static let asciiKey: UInt8 = 4
    }

    init(capacity: Int = 256) {
        words = WordTable(capacity: capacity)
        flags.reserveCapacity(capacity)
        termWords.reserveCapacity(capacity)
    }

    /// The number of distinct terms so far (term ids are `0..<termCount`).
    var termCount: Int { termWords.count }

    /// The word number of `key` (a word's UTF-8: an ASCII word as it stands, any other lowercased
    /// already; `hash` from `WordTable.hash`), entering it on first sight with what `analyzer` says
    /// about it.
    @inline(__always)
    mutating func word(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, analyzer: TermAnalyzer) -> Int {
        if let w = words.find(key, hash: hash) { return w }
        var f: UInt8 = 0
        if key.allSatisfy({ $0 < 0x80 }) {
            f = Flag.asciiKey
            if let k = analyzer.lexicon.find(key, hash: hash) { f |= UInt8(truncatingIfNeeded: analyzer.lexicon.value(k)) }
        } else {
            let text = String(decoding: key, as: UTF8.self)
            if analyzer.stopwords.contains(text) { f |= Flag.stopword }
            if SurfaceCues.attributionVerbs.contains(text) { f |= Flag.attribution }
        }
        flags.append(f)
        return words.insert(key, hash: hash, value: -1)
    }

    @inline(__always) func isStopword(_ w: Int) -> Bool { flags[w] & Flag.stopword != 0 }
    @inline(__always) func isAttribution(_ w: Int) -> Bool { flags[w] & Flag.attribution != 0 }

    /// The term id of word `w` (not a stopword), given on first use: `analyzer`'s stem of the word.
    @inline(__always)
    mutating func termID(ofWord w: Int, analyzer: TermAnalyzer) -> Int32 {
        let known = words.value(w)
        if known >= 0 { return known }
        let id: Int32
        if analyzer.stem == nil, flags[w] & Flag.asciiKey != 0 {
            id = Int32(termWords.count)
            termWords.append(Int32(w))
        } else {
            let lower = String(decoding: words.key(w), as: UTF8.self)
            let text = analyzer.stem.map { $0(lower) } ?? lower
            if let existing = termIDsByText[text] {
                id = existing
            } else {
                id = Int32(termWords.count)
                termWords.append(-1)
                termIDsByText[text] = id
                termTexts[id] = text
            }
        }
        words.setValue(id, at: w)
        return id
    }

    /// The text of term `id`: the lowercased word, or its stem.
    func text(ofTerm id: Int32) -> String {
        let w = termWords[Int(id)]
        if w < 0 { return termTexts[id] ?? "" }
        return String(decoding: words.key(Int(w)), as: UTF8.self)
    }
}
