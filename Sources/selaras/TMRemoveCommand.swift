import ArgumentParser
import Foundation
import SelarasJSONLines
import SelarasTM

/// `selaras tm remove --store PATH (--id N | --origin FILE | --filter COND) ... [--dry-run]`
struct TMRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove units from a TM store: by id, by origin, or by filter (all conditions must hold).",
        discussion: """
            Filters: origin=FILE, tuid=ID, id=N, source~TEXT, target~TEXT, date>=2024-01-01, date<2025, prop:TYPE=VALUE. \
            The removal is one transaction: the store is as before or without exactly those units.
            """)

    @Option(name: .long, help: "The store file.")
    var store: String
    @Option(name: .long, parsing: .singleValue, help: "A unit id (repeatable).")
    var id: [Int64] = []
    @Option(name: .long, help: "The TMX file (or origin) whose units go.")
    var origin: String?
    @Option(name: .long, parsing: .singleValue, help: "A condition (repeatable).")
    var filter: [String] = []
    @Flag(name: .long, help: "Only say what would be removed.")
    var dryRun = false
    @OptionGroup var languages: TMLanguageOptions

    func validate() throws {
        if id.isEmpty && origin == nil && filter.isEmpty { throw ValidationError("say which units: --id, --origin or --filter") }
    }

    func run() throws {
        try TMCommandSupport.requireFile(store, command: "remove")
        let s = try TMCommandSupport.openStore(store, languages: languages, create: false)
        var ids = Set(id)
        if origin != nil || !filter.isEmpty {
            let f = try TMCommandSupport.filter(filter + (origin.map { ["origin=\($0)"] } ?? []))
            ids.formUnion(try s.unitIDs(matching: f))
        }
        if dryRun { return Console.error("\(ids.count) unit\(ids.count == 1 ? "" : "s") would be removed from \(store)") }
        let report = try s.remove(ids: ids)
        Console.error("\(report.unitsRemoved) unit\(report.unitsRemoved == 1 ? "" : "s") removed from \(store)")
    }
}

/// `selaras tm dedupe --store PATH [--dry-run]`
struct TMDedupeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupe",
        abstract: "Remove units that repeat an earlier unit's source and target; list sources with conflicting targets.",
        discussion: "Conflicts (one source, several targets) are listed on stdout, each target with its source; they are not removed.")

    @Option(name: .long, help: "The store file.")
    var store: String
    @Flag(name: .long, help: "Only list; remove nothing.")
    var dryRun = false
    @OptionGroup var languages: TMLanguageOptions

    func run() throws {
        try TMCommandSupport.requireFile(store, command: "dedupe")
        let s = try TMCommandSupport.openStore(store, languages: languages, create: false)
        let (duplicates, conflicts) = try s.duplicates()
        let out = FileOutput()
        for c in conflicts {
            out.line(c.source)
            for t in c.targets { out.line("  → \(t)") }
        }
        out.flush()
        if !dryRun { _ = try s.remove(ids: Set(duplicates)) }
        Console.error("\(duplicates.count) duplicate\(duplicates.count == 1 ? "" : "s") \(dryRun ? "found" : "removed"), \(conflicts.count) source\(conflicts.count == 1 ? "" : "s") with conflicting targets")
    }
}
