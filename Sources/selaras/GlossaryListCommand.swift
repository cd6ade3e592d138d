import ArgumentParser
import Foundation
import SelarasCore
import SelarasGlossary
import SelarasJSONLines

/// `selaras glossary list`: the entries of glossaries, filtered.
struct GlossaryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List glossary entries, optionally filtered by domain, status or part of speech."
    )

    @Argument(help: "Glossary files.")
    var files: [String]

    @Option(name: .long, help: "Only entries of this domain (e.g. politics, 'international relations').")
    var domain: [String] = []

    @Option(name: .long, help: "Only entries with this status (preferred, admitted, deprecated).")
    var status: [String] = []

    @Option(name: .long, help: "Only entries with this part of speech (noun, propn, verb, adj, other).")
    var pos: [String] = []

    @Flag(name: .long, help: "Print the extended TSV (header row first) instead of a listing.")
    var tsv = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one glossary file") }
        for s in status where GlossaryEntry.Status(parsing: s) == nil {
            throw ValidationError("unknown --status '\(s)' (use preferred, admitted or deprecated)")
        }
        for p in pos where PartOfSpeech(parsing: p) == nil {
            throw ValidationError("unknown --pos '\(p)' (use noun, propn, verb, adj or other)")
        }
    }

    func run() throws {
        let statuses = Set(status.compactMap(GlossaryEntry.Status.init(parsing:)))
        let parts = Set(pos.compactMap { PartOfSpeech(parsing: $0) })
        let selected = Glossary.select(try GlossaryLoading.load(files), statuses: statuses, domains: Set(domain), parts: parts)
        let out = FileOutput()
        if tsv {
            out.string(Glossary(entries: selected, origin: "").serialized(as: .tsv))
        } else {
            for e in selected { out.line(Glossary.listing(e)) }
        }
        out.flush()
        Console.error("\(selected.count) entr\(selected.count == 1 ? "y" : "ies")")
    }
}
