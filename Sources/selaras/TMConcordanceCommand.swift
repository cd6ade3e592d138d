import ArgumentParser
import Foundation
import SelarasJSONLines
import SelarasTM

/// `selaras tm concordance PHRASE --store PATH [--target] [--max N]`
struct TMConcordanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concordance",
        abstract: "Find a word or phrase, in any inflected form, in a TM store's sources (or targets), with each unit's translation.",
        discussion: """
            Words are compared by stem (perundingan, berunding and perundingan-perundingan are one word; so are talks \
            and talk), the phrase's words in order. Hits are marked **like this** (bold on a terminal). The first search \
            after the TM changes builds the store's concordance index. Exit codes: 0 found, 1 nothing found, 2 bad usage.
            """)

    @Argument(help: "The word or phrase.")
    var phrase: String
    @Option(name: .long, help: "The store file.")
    var store: String
    @Flag(name: .long, help: "Search the English targets instead of the sources.")
    var target = false
    @Option(name: .long, help: "Most units shown.")
    var max: Int = 20
    @OptionGroup var languages: TMLanguageOptions

    func run() throws {
        let side: Concordance.Side = target ? .target : .source
        // The quick way when the index is up to date; else the store, which builds it.
        let found = try ConcordanceReader.search(store: TMCommandSupport.url(store), phrase: phrase, side: side, limit: max,
                                                 sourceLanguage: languages.sourceLanguage, targetLanguage: languages.targetLanguage)
            ?? {
                let concordance = Concordance(store: try TMCommandSupport.openStore(store, languages: languages, create: false))
                try concordance.prepare { Console.error($0) }
                return try concordance.search(phrase, side: side, limit: max)
            }()
        if Self.print(found, phrase: phrase, side: side) == 0 { throw ExitCode(ExitStatus.someFailed) }
    }

    /// `PHRASE --store S [--target] [--max N]` read without ArgumentParser and answered the quick
    /// way: the exit code, or nil (anything else, or an index to build) for the usual way.
    static func quick(_ arguments: [String]) -> Int32? {
        var phrase: String?, store: String?, target = false, max = 20
        var k = 0
        while k < arguments.count {
            let a = arguments[k]
            switch a {
            case "--store" where k + 1 < arguments.count: store = arguments[k + 1]; k += 1
            case "--max" where k + 1 < arguments.count: guard let n = Int(arguments[k + 1]), n > 0 else { return nil }; max = n; k += 1
            case "--target": target = true
            default:
                if a.hasPrefix("-") || phrase != nil { return nil }
                phrase = a
            }
            k += 1
        }
        guard let phrase, let store else { return nil }
        let side: Concordance.Side = target ? .target : .source
        guard let found = ConcordanceReader.search(store: TMCommandSupport.url(store), phrase: phrase, side: side, limit: max) else { return nil }
        return print(found, phrase: phrase, side: side) == 0 ? ExitStatus.someFailed : ExitStatus.success
    }

    /// Prints the hits; returns the total.
    @discardableResult
    static func print(_ found: (hits: [Concordance.Hit], total: Int), phrase: String, side: Concordance.Side) -> Int {
        let out = FileOutput()
        for line in Concordance.lines(found, phrase: phrase, side: side, bold: isatty(STDOUT_FILENO) != 0) { out.line(line) }
        out.flush()
        return found.total
    }
}
