import SelarasCore
import Foundation

/// The default segmenter for Indonesian news text: the built-in SRX rules
/// (`Resources/indonesian.srx`, documented in docs/segmentation.md) run by `SRXSegmenter`.
///
/// The rules are read and compiled once per process, on first use, and shared by every instance;
/// creating one is free and an instance may be used from many threads at once.
public struct IndonesianSegmenter: SentenceSegmenter {
    /// How quotations of several sentences are segmented.
    public let quotes: QuoteMode
    private let compiled: SRXSegmenter

    public init(quotes: QuoteMode = .default) {
        self.quotes = quotes
        self.compiled = Self.builtIn.with(quotes: quotes)
    }

    public func segment(_ text: String) -> [Range<Int>] {
        compiled.segment(text)
    }

    public func utf8Sentences(_ utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        compiled.utf8Sentences(utf8)
    }

    /// The sentences of `text` as strings.
    public func sentences(_ text: String) -> [String] {
        compiled.sentences(text)
    }

    /// The compiled built-in rules (language "id") with the default quotation mode.
    public static var rules: SRXSegmenter { builtIn.with(quotes: .default) }

    /// Where the built-in SRX file is, for users who want to start their own from it.
    public static var rulesURL: URL? {
        Bundle.module.url(forResource: "indonesian", withExtension: "srx", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "indonesian", withExtension: "srx")
    }

    /// Why the built-in rules could not be used, when they could not (a damaged installation);
    /// the segmenter then falls back to minimal rules (break after . ? ! before white space, and
    /// at line breaks). Nil normally.
    public static var loadProblem: String? { loaded.problem }

    private static let loaded: (segmenter: SRXSegmenter, problem: String?) = {
        do {
            guard let url = rulesURL else { throw Diagnostic.error(.srxUnreadable, at: .init(file: "indonesian.srx"), "the resource is missing") }
            return (try SRXSegmenter(contentsOf: url, language: "id"), nil)
        } catch {
            let doc = try! SRXDocument(data: Data(fallbackRules.utf8), source: "fallback.srx")
            return (try! SRXSegmenter(document: doc, language: "id"), "built-in segmentation rules unavailable (\(error)); using minimal rules")
        }
    }()

    private static var builtIn: SRXSegmenter { loaded.segmenter }

    /// Minimal rules used only when the resource cannot be read.
    static let fallbackRules = """
    <?xml version="1.0" encoding="UTF-8"?>
    <srx xmlns="http://www.lisa.org/srx20" version="2.0">
      <header segmentsubflows="yes" cascade="no"/>
      <body>
        <languagerules>
          <languagerule languagerulename="Minimal">
            <rule break="yes"><beforebreak>\\n</beforebreak><afterbreak></afterbreak></rule>
            <rule break="no"><beforebreak>(?<![\\p{L}\\p{N}])(?:\\p{Lu}|Dr|Prof|Jl|No)\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
            <rule break="yes"><beforebreak>[.?!…][\\p{Pf}\\p{Pe}"']*</beforebreak><afterbreak>\\s+[^\\p{Ll}]</afterbreak></rule>
          </languagerule>
        </languagerules>
        <maprules><languagemap languagepattern=".*" languagerulename="Minimal"/></maprules>
      </body>
    </srx>
    """
}
