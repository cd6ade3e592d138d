import ArgumentParser
import Foundation
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
        let s = try TMCommandSupport.openStore(store, languages: languages, create: true)
        var failed = false
        for path in from {
            let url = TMCommandSupport.url(path)
            let units: [TMUnit]
            do {
                units = try Self.reviewedUnits(in: url, languages: languages)
            } catch let e as TMUpdateError {
                Console.error("error: \(e)")
                throw ExitCode(ExitStatus.usage)
            }
            do {
                let report = try s.add(units: units, origin: url.lastPathComponent)
                Console.error("\(url.lastPathComponent): \(report.unitsAdded) units added, \(report.duplicates) already in the store")
            } catch {
                Console.error("\(path): \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode(ExitStatus.someFailed) }
    }

    /// The reviewed pairs of an XLIFF file as TM units.
    ///
    /// Needs SelarasOutput's XLIFF reader, which this build does not include. Once it is merged, the body is:
    ///
    ///     let (reviewed, issues) = try XLIFFReader.reviewedUnits(in: url)
    ///     for issue in issues { Console.error(issue.description) }
    ///     return reviewed.map { r in
    ///         TMUnit(tuid: r.id, source: r.source, target: r.target,
    ///                sourceLanguage: r.sourceLanguage ?? languages.sourceLanguage,
    ///                targetLanguage: r.targetLanguage ?? languages.targetLanguage,
    ///                props: [.init(type: "x-selaras-state", value: r.state)],
    ///                origin: url.lastPathComponent, line: r.location.line)
    ///     }
    static func reviewedUnits(in url: URL, languages: TMLanguageOptions) throws -> [TMUnit] {
        throw TMUpdateError.needsXLIFFReader(url.path)
    }
}

enum TMUpdateError: Error, CustomStringConvertible {
    case needsXLIFFReader(String)

    var description: String {
        switch self {
        case let .needsXLIFFReader(path):
            return "\(path): 'selaras tm update' needs the XLIFF reader (SelarasOutput.XLIFFReader), which this build does not include yet"
        }
    }
}
