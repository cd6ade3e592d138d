import SelarasCore
import Foundation
import SelarasText

/// The stemmer fuzzy matching applies to folded words (see `MatchAnalyzer`): SelarasText's
/// `IndonesianStemmer` (Enhanced Confix Stripping over the hunspell-id root list, or Tala's rules
/// when that list is missing), so that `menyatakan` and `pernyataan` share the key `nyata` and
/// reduplications (`negara-negara`) key as their root.
///
/// Which algorithm ran is part of a store's analyzer identity (`TMStemmer.identity`): an index
/// built with one is rebuilt rather than queried with the other.
struct TMStemmer: Sendable {
    let stemmer: IndonesianStemmer

    init() {
        stemmer = Self.shared
    }

    init(stemmer: IndonesianStemmer) {
        self.stemmer = stemmer
    }

    private static let shared: IndonesianStemmer = {
        let s = IndonesianStemmer()
        loadState.set(true)
        return s
    }()

    /// Whether the stemmer is loaded (asking never waits for it, unlike using it).
    static var isLoaded: Bool { loadState.value }
    private static let loadState = Locked(false)

    /// Starts loading the stemmer (its root list takes a while the first time) on a thread of its
    /// own; whoever needs it first waits for that load rather than starting another.
    static func prepareInFuture() {
        let thread = Thread { _ = TMStemmer().identity }
        thread.name = "tm-stemmer-load"
        thread.start()
    }

    func stem(_ word: String) -> String { stemmer.stem(word) }

    /// "ECS" or "Tala".
    var identity: String { stemmer.algorithm }
}
