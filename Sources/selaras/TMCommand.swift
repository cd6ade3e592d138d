import ArgumentParser
import Foundation
import SelarasCore
import SelarasFormats
import SelarasPostgres
import SelarasTM

/// `selaras tm import|export|lookup|stats|update`: the translation memory.
struct TMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tm",
        abstract: "Translation memory: import TMX into a store, look sentences up, export, statistics, update from XLIFF.",
        discussion: """
            A store is one SQLite file holding the units, the TMX files they came from (by content hash) and the \
            fuzzy index, or a team's shared store on PostgreSQL: --store postgres://USER@HOST:PORT/DB (the password \
            from PGPASSWORD or ~/.pgpass). See docs/translation-memory.md.
            """,
        subcommands: [TMImportCommand.self, TMExportCommand.self, TMLookupCommand.self, TMConcordanceCommand.self, TMStatsCommand.self,
                      TMUpdateCommand.self, TMRemoveCommand.self, TMDedupeCommand.self]
    )
}

/// The language pair of a TM, shared by the `tm` subcommands.
struct TMLanguageOptions: ParsableArguments {
    @Option(name: .long, help: "Source language of the units (TMX code; id matches id, id-ID, in, IND).")
    var sourceLanguage = "id"

    @Option(name: .long, help: "Target language of the units.")
    var targetLanguage = "en"
}

/// Helpers shared by the `tm` subcommands.
enum TMCommandSupport {
    static func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }

    /// Prints each issue to stderr; returns whether any unit was repaired, skipped or a file failed.
    @discardableResult
    static func report(_ issues: [Diagnostic], limit: Int = 200) -> Bool {
        for issue in issues.prefix(limit) { Console.error(issue.description) }
        if issues.count > limit { Console.error("… and \(issues.count - limit) more problems") }
        return issues.contains { $0.severity != .note }
    }

    /// The filter of `--filter` conditions, or a usage error naming the bad one.
    static func filter(_ conditions: [String]) throws -> TMUnitFilter {
        do { return try TMUnitFilter(parsing: conditions) } catch {
            Console.error("error: \(error.message)")
            throw ExitCode(ExitStatus.usage)
        }
    }

    /// Opens a store, turning its errors into messages. For a `postgres://` store this is the
    /// machine's replica, brought up to the shared store's latest change.
    static func openStore(_ path: String, languages: TMLanguageOptions, create: Bool, readOnly: Bool = false) throws -> TMStore {
        if PostgresURL.isPostgres(path) { return try sharedStore(path, languages: languages).replica().store }
        do {
            return try TMStore(url: url(path), sourceLanguage: languages.sourceLanguage, targetLanguage: languages.targetLanguage, create: create,
                               readOnly: readOnly)
        } catch let e as TMStore.StoreError {
            Console.error("error: \(e)")
            throw ExitCode(ExitStatus.usage)
        }
    }

    /// Connects to a shared store (`postgres://…`), turning its errors into messages.
    static func sharedStore(_ url: String, languages: TMLanguageOptions) throws -> PostgresTMStore {
        do {
            return try PostgresTMStore(url: url, sourceLanguage: languages.sourceLanguage, targetLanguage: languages.targetLanguage)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(ExitStatus.usage)
        }
    }

    /// Refuses a command that only works on a SQLite store.
    static func requireFile(_ store: String, command: String) throws {
        guard PostgresURL.isPostgres(store) else { return }
        Console.error("error: \(PostgresURL.redacted(store)): `tm \(command)` works on a SQLite store only; a shared store changes through `tm import` and `tm update`")
        throw ExitCode(ExitStatus.usage)
    }
}
