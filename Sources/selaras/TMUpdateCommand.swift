import ArgumentParser
import Foundation
import SelarasCore
import SelarasFormats
import SelarasOutput
import SelarasPostgres
import SelarasTM

/// `selaras tm update --store PATH --from FILE.xlf`
struct TMUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Add the units a translator marked translated or final in an XLIFF file to a TM store.",
        discussion: "Pairs the store already holds (same source, same target) are skipped.")

    @Option(name: .long, help: "The store file.")
    var store: String

    @Option(name: .long, parsing: .singleValue, help: "A reviewed XLIFF 1.2 or 2.0 file (repeatable).")
    var from: [String]

    @OptionGroup var languages: TMLanguageOptions

    func validate() throws {
        if from.isEmpty { throw ValidationError("name the reviewed XLIFF file with --from") }
    }

    func run() throws {
        let shared = PostgresURL.isPostgres(store) ? try TMCommandSupport.sharedStore(store, languages: languages) : nil
        let s = shared == nil ? try TMCommandSupport.openStore(store, languages: languages, create: true) : nil
        var failed = false
        for path in from {
            let url = TMCommandSupport.url(path)
            let reviewed: [ReviewedUnit]
            let issues: [Diagnostic]
            do {
                (reviewed, issues) = try XLIFFReader.reviewedUnits(in: url)
            } catch {
                Console.error("error: \(error)")
                failed = true
                continue
            }
            for issue in issues { Console.error("warning: \(issue)") }
            if !issues.isEmpty { failed = true }
            let units = reviewed.map { r in
                TMUnit(tuid: r.id, source: r.source, target: r.target,
                       sourceLanguage: r.sourceLanguage ?? languages.sourceLanguage,
                       targetLanguage: r.targetLanguage ?? languages.targetLanguage,
                       props: [.init(type: "x-selaras-state", value: r.state)],
                       origin: url.lastPathComponent, line: r.location.line)
            }
            do {
                let added: Int, duplicates: Int
                if let shared {
                    (added, duplicates) = try shared.addReviewed(units, origin: url.lastPathComponent)
                } else {
                    let report = try s!.add(units: units, origin: url.lastPathComponent)
                    (added, duplicates) = (report.unitsAdded, report.duplicates)
                }
                Console.error("\(url.lastPathComponent): \(reviewed.count) reviewed units, \(added) added, \(duplicates) already in the store")
            } catch {
                Console.error("\(path): \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode(ExitStatus.someFailed) }
    }
}
