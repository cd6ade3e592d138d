import ArgumentParser
import Foundation
import SelarasCore
import SelarasGlossary

/// `selaras glossary remove`: entries out of a glossary file, in place.
struct GlossaryRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove entries (by term, ignoring case) from a glossary file; everything else is kept; the write is atomic."
    )

    @Argument(help: "The glossary file.")
    var file: String

    @Argument(help: "Terms to remove.")
    var terms: [String]

    func validate() throws {
        if terms.isEmpty { throw ValidationError("give at least one term to remove") }
    }

    func run() throws {
        var failed = false
        for term in terms {
            do {
                if case let .removed(lines) = try GlossaryEditor.remove(term: term, from: URL(fileURLWithPath: file)) {
                    Console.error("\(file): removed '\(term)' (line \(lines.map(String.init).joined(separator: ", ")))")
                }
            } catch let issue as Diagnostic {
                Console.error("\(issue)")
                failed = true
            }
        }
        if failed { throw ExitCode(ExitStatus.someFailed) }
    }
}
