import ArgumentParser
import Foundation
import SelarasCore
import SelarasGlossary

/// `selaras glossary convert`: from one glossary format to another.
struct GlossaryConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a glossary between OmegaT TSV, extended TSV, CSV, TBX v2 (martif) and TBX v3.",
        discussion: "The output format comes from OUT's extension (.txt/.utf8/.tab OmegaT, .tsv extended, .csv, .tbx TBX v2, .tbx3 TBX v3) or --to. What the output format cannot carry is reported on stderr; entries that cannot be read are reported and left out (exit 1)."
    )

    @Argument(help: "Input glossary.")
    var input: String

    @Argument(help: "Output glossary.")
    var output: String

    @Option(name: .long, help: "Output format: omegat, tsv, csv, tbx, tbx3.")
    var to: GlossaryFormat?

    @Flag(name: .long, help: "TBX v2: write terms as ntig/termGrp instead of tig.")
    var ntig = false

    func validate() throws {
        if to == nil, GlossaryFormat.forWriting(URL(fileURLWithPath: output)) == nil {
            throw ValidationError("cannot tell the format of '\(output)' from its extension; give --to")
        }
    }

    func run() throws {
        let file = try GlossaryLoading.file(input)
        let (entries, issues) = file.entries()
        GlossaryLoading.report(issues, path: input)
        let url = URL(fileURLWithPath: output)
        let fmt = to ?? GlossaryFormat.forWriting(url)!
        let glossary = Glossary(entries: entries, origin: url.deletingPathExtension().lastPathComponent)
        let comments = file.comments.map { $0.text.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces) }
        try glossary.write(to: url, format: fmt, comments: comments, ntig: ntig)
        for loss in glossary.losses(in: fmt) { Console.error("\(output): \(fmt) cannot carry \(loss)") }
        Console.error("\(input) (\(file.format)) → \(output) (\(fmt)): \(entries.count) entries")
        if issues.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.someFailed) }
    }
}
