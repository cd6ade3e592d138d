import ArgumentParser
import Foundation
import SelarasPostgres
import SelarasTM

/// `selaras tm import FILE.tmx ... --store PATH`
struct TMImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load TMX files into a TM store (re-reading a file only when its content changed).",
        discussion: """
            Each problem unit is reported with its file and line. Exit codes: 0 every unit loaded as written, \
            1 some units were repaired or skipped or a file could not be read (the rest were loaded), 2 bad usage.
            """)

    @Argument(help: "TMX files to load.")
    var files: [String]

    @Option(name: .long, help: "The store file (created when missing).")
    var store: String

    @Flag(name: .long, help: "Also remove from the store the TMX files not named here.")
    var prune = false

    @Flag(name: .long, help: "Also print how long each step took (reading and storing units, indexing, storing the index, committing).")
    var timings = false

    @OptionGroup var languages: TMLanguageOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one TMX file") }
    }

    func run() throws {
        if PostgresURL.isPostgres(store) { return try runShared() }
        let s = try TMCommandSupport.openStore(store, languages: languages, create: true)
        let started = Date()
        let report: TMStore.ChangeReport
        do {
            report = try s.sync(tmx: files.map(TMCommandSupport.url), prune: prune) { line in
                if Console.stderrIsTerminal { Console.error(line) }
            }
        } catch let e as TMStore.StoreError {
            Console.error("error: \(e)")
            throw ExitCode(ExitStatus.usage)
        }
        let problems = TMCommandSupport.report(report.issues)
        Console.error(report.summary(seconds: Date().timeIntervalSince(started), store: s.url.path, timings: timings))
        if problems { throw ExitCode(ExitStatus.someFailed) }
    }

    /// Into a shared store: each file is stored (when its content changed) in a transaction of its
    /// own, then this machine's replica is brought up to date, which reports the units.
    func runShared() throws {
        if prune { Console.error("warning: --prune is ignored for a shared store (other machines' files stay)") }
        let shared = try TMCommandSupport.sharedStore(store, languages: languages)
        let started = Date()
        do {
            let (imported, failed) = try shared.importTMX(files.map(TMCommandSupport.url))
            TMCommandSupport.report(failed)
            for i in imported { Console.error("\(i.name): \(i.status.rawValue)") }
            let (replica, sync) = try shared.replica()
            let problems = TMCommandSupport.report(sync.sync?.issues ?? [])
            Console.error("\(shared.address): \(try replica.files().reduce(0) { $0 + $1.units }) units at change \(sync.change) (\(String(format: "%.2f", Date().timeIntervalSince(started))) s)")
            if problems || !failed.isEmpty { throw ExitCode(ExitStatus.someFailed) }
        } catch let e as ExitCode {
            throw e
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(ExitStatus.usage)
        }
    }
}
