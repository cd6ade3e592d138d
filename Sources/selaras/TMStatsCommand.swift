import ArgumentParser
import Foundation
import SelarasCore
import SelarasFormats
import SelarasTM
import SelarasJSONLines

/// `selaras tm stats (--store PATH | FILE.tmx ...)`
struct TMStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Units, languages, duplicates and sources with conflicting translations, of a store or of TMX files.")

    @Argument(help: "TMX files (instead of --store).")
    var files: [String] = []

    @Option(name: .long, help: "The store file.")
    var store: String?

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    @OptionGroup var languages: TMLanguageOptions

    func validate() throws {
        if (store == nil) == files.isEmpty { throw ValidationError("give either --store or TMX files") }
    }

    func run() throws {
        let stats: TMStatistics
        var problems = false
        if let store {
            let s = try TMCommandSupport.openStore(store, languages: languages, create: false)
            stats = try TMStatistics(store: s)
        } else {
            let (found, issues) = TMStatistics.of(tmx: files.map(TMCommandSupport.url), sourceLanguage: languages.sourceLanguage,
                                                  targetLanguage: languages.targetLanguage)
            stats = found
            problems = TMCommandSupport.report(issues)
        }
        let out = FileOutput()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            out.line(String(decoding: try encoder.encode(stats), as: UTF8.self))
        } else {
            out.line(stats.description)
        }
        out.flush()
        if problems { throw ExitCode(ExitStatus.someFailed) }
    }
}
