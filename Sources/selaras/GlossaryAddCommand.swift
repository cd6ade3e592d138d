import ArgumentParser
import Foundation
import SelarasCore
import SelarasGlossary

/// `selaras glossary add`: one entry into a glossary file, in place.
struct GlossaryAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an entry to a glossary file (its format, comments and order are kept; the write is atomic).",
        discussion: "Lists (--variant, --translation, --forbidden, --exception) are repeatable; the first translation is the preferred one."
    )

    @Argument(help: "The glossary file (created when missing, in the format its extension implies).")
    var file: String

    @Argument(help: "The Indonesian term.")
    var term: String

    @Option(name: [.short, .long], help: "An English translation (repeatable; preferred first).")
    var translation: [String] = []

    @Option(name: .long, help: "A variant or abbreviation (repeatable).")
    var variant: [String] = []

    @Option(name: .long, help: "A forbidden English rendering (repeatable).")
    var forbidden: [String] = []

    @Option(name: .long, help: "Part of speech (noun, propn, verb, adj, other).")
    var pos: String?

    @Option(name: .long, help: "Status: preferred, admitted or deprecated.")
    var status: String = "preferred"

    @Option(name: .long, help: "Domain (politics, government, military, law, economy, international relations).")
    var domain: String?

    @Option(name: .long, help: "Note: when to use which translation.")
    var note: String?

    @Option(name: .long, help: "Where the entry comes from.")
    var source: String?

    @Option(name: .long, help: "Date (YYYY-MM-DD); default today.")
    var date: String?

    @Option(name: .long, help: "A phrase in which the term means something else and is not reported (repeatable; extended TSV and CSV only).")
    var exception: [String] = []

    @Flag(name: .long, help: "Replace the entry if the term is already there.")
    var replace = false

    func validate() throws {
        if term.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the term is empty") }
        if translation.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("give at least one --translation")
        }
        if GlossaryEntry.Status(parsing: status) == nil {
            throw ValidationError("unknown --status '\(status)' (use preferred, admitted or deprecated)")
        }
    }

    func run() throws {
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
        let raw = RawGlossaryEntry(line: 0, term: term, variants: variant, translations: translation, forbidden: forbidden,
                                   pos: pos ?? "", status: status, domain: domain ?? "", note: note ?? "",
                                   source: source ?? "", date: date ?? today, exceptions: exception)
        var entry = GlossaryEntry(cleaning: raw)
        entry.line = nil
        do {
            switch try GlossaryEditor.add(entry, to: URL(fileURLWithPath: file), replace: replace) {
            case .added: Console.error("\(file): added '\(entry.term)'")
            case let .replaced(lines): Console.error("\(file): replaced '\(entry.term)' (line \(lines.map(String.init).joined(separator: ", ")))")
            case .removed: break
            }
        } catch let issue as Diagnostic {
            Console.error("\(issue)")
            throw ExitCode(ExitStatus.someFailed)
        }
    }
}
