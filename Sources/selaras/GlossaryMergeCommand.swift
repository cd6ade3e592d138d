import ArgumentParser
import Foundation
import SelarasCore
import SelarasGlossary
import SelarasJSONLines

/// `selaras glossary merge`: two glossaries into one, with a conflict report.
struct GlossaryMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge glossary B into glossary A, writing C; conflicts are reported on stdout.",
        discussion: """
        Rule: entries with the same term (ignoring case; or joined through a variant) are merged. For single-valued \
        fields the entry with the later date wins; with equal or missing dates, A wins. Variants, translations and \
        forbidden translations are united (the winner's preferred translation first); a translation either side \
        forbids is dropped. A's entries keep their order; B's new entries follow. See docs/glossary.md.
        """
    )

    @Argument(help: "Glossary A (wins ties).")
    var a: String

    @Argument(help: "Glossary B.")
    var b: String

    @Option(name: [.short, .long], help: "The merged glossary (format from its extension, or --format).")
    var output: String

    @Option(name: .long, help: "Output format: omegat, tsv, csv, tbx, tbx3.")
    var format: GlossaryFormat?

    func validate() throws {
        if format == nil, GlossaryFormat.forWriting(URL(fileURLWithPath: output)) == nil {
            throw ValidationError("cannot tell the format of '\(output)' from its extension; give --format")
        }
    }

    func run() throws {
        let ga = try GlossaryLoading.load([a])[0]
        let gb = try GlossaryLoading.load([b])[0]
        let result = GlossaryMerger().merge(ga.entries, gb.entries)
        let out = FileOutput()
        for c in result.conflicts { out.line(c.description) }
        out.flush()
        let merged = Glossary(entries: result.entries, origin: URL(fileURLWithPath: output).lastPathComponent)
        let url = URL(fileURLWithPath: output)
        let fmt = format ?? GlossaryFormat.forWriting(url)!
        try merged.write(to: url, format: fmt)
        for loss in merged.losses(in: fmt) { Console.error("\(output): \(fmt) cannot carry \(loss)") }
        Console.error("\(output): \(result.entries.count) entries (\(ga.entries.count) from A, \(result.added) new from B, \(result.merged) merged), \(result.conflicts.count) conflict\(result.conflicts.count == 1 ? "" : "s")")
    }
}
