import Foundation
import SelarasCore

/// The segmenter for English news text, the English side of bilingual articles: the built-in
/// SRX rules `Resources/english.srx` (titles, initials, abbreviations before numbers, U.S./U.N.,
/// quotes; see docs/segmentation.md) run by `SRXSegmenter`. Compiled once per process on first use.
public struct EnglishSegmenter: SentenceSegmenter {
    public init() {}

    public func segment(_ text: String) -> [Range<Int>] {
        Self.rules.segment(text)
    }

    public func utf8Sentences(_ utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        Self.rules.utf8Sentences(utf8)
    }

    /// The sentences of `text` as strings.
    public func sentences(_ text: String) -> [String] {
        Self.rules.sentences(text)
    }

    /// Where the built-in SRX file is.
    public static var rulesURL: URL? {
        Bundle.module.url(forResource: "english", withExtension: "srx", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "english", withExtension: "srx")
    }

    /// The compiled built-in rules (language "en"); the minimal fallback rules when the resource
    /// cannot be read (`loadProblem` says why).
    public static var rules: SRXSegmenter { loaded.segmenter }

    public static var loadProblem: String? { loaded.problem }

    private static let loaded: (segmenter: SRXSegmenter, problem: String?) = {
        do {
            guard let url = rulesURL else { throw Diagnostic.error(.srxUnreadable, at: .init(file: "english.srx"), "the resource is missing") }
            return (try SRXSegmenter(contentsOf: url, language: "en"), nil)
        } catch {
            let doc = try! SRXDocument(data: Data(IndonesianSegmenter.fallbackRules.utf8), source: "fallback.srx")
            return (try! SRXSegmenter(document: doc, language: "en"), "built-in English segmentation rules unavailable (\(error)); using minimal rules")
        }
    }()
}
