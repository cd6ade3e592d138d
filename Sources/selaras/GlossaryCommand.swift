import ArgumentParser
import Foundation
import SelarasCore
import SelarasGlossary

/// `selaras glossary`: maintain glossaries and find their terms.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Maintain glossaries, find their terms in text, check translations, extract candidate terms.",
        discussion: "Formats: OmegaT TSV (.txt/.utf8/.tab, or .tsv without a header), extended TSV (.tsv with the header row), CSV (.csv), TBX-Basic v2 (.tbx) and TBX v3 (.tbx3, or any .tbx with a <tbx> root). See docs/glossary.md.",
        subcommands: [
            GlossaryListCommand.self, GlossaryAddCommand.self, GlossaryRemoveCommand.self, GlossaryLintCommand.self,
            GlossaryMergeCommand.self, GlossaryConvertCommand.self, GlossaryMatchCommand.self,
            GlossaryCheckCommand.self, GlossaryExtractCommand.self,
        ]
    )
}

/// Loading glossaries for commands: issues go to stderr, a file that cannot be read is a usage error.
enum GlossaryLoading {
    /// Loads every file; problems in single entries are printed as warnings and the rest is used.
    static func load(_ paths: [String], quiet: Bool = false) throws -> [Glossary] {
        var out: [Glossary] = []
        for p in paths {
            do {
                let (g, issues) = try Glossary.load(contentsOf: URL(fileURLWithPath: p))
                if !quiet { report(issues, path: p) }
                out.append(g)
            } catch let issue as Diagnostic {
                throw ValidationError("\(p): \(issue.message)\(issue.line.map { " (line \($0))" } ?? "")")
            }
        }
        return out
    }

    /// Prints reading issues: entries that were skipped, and warnings.
    static func report(_ issues: [Diagnostic], path: String) {
        for d in Glossary.located(issues, in: path) { Console.report(d) }
    }

    /// Reads a file as a `GlossaryFile`, mapping read failures to a usage error naming the file.
    static func file(_ path: String, format: GlossaryFormat? = nil) throws -> GlossaryFile {
        do {
            return try GlossaryFile.read(URL(fileURLWithPath: path), format: format)
        } catch let issue as Diagnostic {
            throw ValidationError("\(path): \(issue.message)\(issue.line.map { " (line \($0))" } ?? "")")
        }
    }
}

/// `--format` values for commands that write glossaries.
extension GlossaryFormat: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased() {
        case "omegat", "txt", "tab", "utf8": self = .omegaT
        case "tsv", "extended": self = .tsv
        case "csv": self = .csv
        case "tbx", "tbx2", "martif": self = .tbx2
        case "tbx3", "tbxv3": self = .tbx3
        default: return nil
        }
    }

    public static var allValueStrings: [String] { ["omegat", "tsv", "csv", "tbx", "tbx3"] }
}
