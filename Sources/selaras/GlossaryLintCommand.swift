import ArgumentParser
import Foundation
import SelarasCore
import SelarasGlossary
import SelarasJSONLines

/// `selaras glossary lint`: mistakes in glossary files.
struct GlossaryLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check glossary files; findings as FILE:LINE: SEVERITY: MESSAGE.",
        discussion: "Exit 1 when any file has an error (or, with --strict, a warning); 2 when a file cannot be read. See docs/glossary.md for the checks."
    )

    @Argument(help: "Glossary files.")
    var files: [String]

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Print errors only.")
    var errorsOnly = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one glossary file") }
    }

    func run() throws {
        let out = FileOutput()
        var errors = 0, warnings = 0, unreadable = 0
        for path in files {
            let file: GlossaryFile
            do {
                file = try GlossaryFile.read(URL(fileURLWithPath: path))
            } catch let issue as Diagnostic {
                Console.report(issue)
                unreadable += 1
                continue
            }
            for finding in GlossaryLinter().lint(file, name: path) {
                if finding.severity == .error { errors += 1 } else { warnings += 1 }
                if errorsOnly && finding.severity != .error { continue }
                out.line(finding.description)
            }
        }
        out.flush()
        Console.error("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(files.count) file\(files.count == 1 ? "" : "s")")
        if unreadable > 0 { throw ExitCode(ExitStatus.usage) }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(ExitStatus.someFailed) }
    }
}
