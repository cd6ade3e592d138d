import ArgumentParser
import Foundation
import SelarasCore
import SelarasFormats
import SelarasGlossary
import SelarasPipeline
import SelarasSegmentation
import SelarasTM
import SelarasJSONLines

/// `selaras glossary extract`: candidate terms that a glossary lacks.
struct GlossaryExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Propose terms the glossary lacks from articles, ranked by C-value; with a TM, propose English equivalents (Dice).",
        discussion: """
        Articles are plain-text files (first line the headline) or folders of .txt files. The output is the extended \
        TSV (term, variants, translations, ... date) plus the columns score, frequency, documents, dice and example: \
        review it, fill or correct the translations, delete what is not a term, and merge it with \
        'selaras glossary merge GLOSSARY CANDIDATES.tsv --output GLOSSARY' (rows without a translation are left out).
        """
    )

    @Argument(help: "Article files or folders of .txt files.")
    var articles: [String]

    @Option(name: .long, help: "The glossary whose terms are known (repeatable).")
    var glossary: [String] = []

    @Option(name: .long, help: "A translation memory to mine English equivalents from: TMX, or TSV source<TAB>target.")
    var tm: [String] = []

    @Option(name: .long, help: "A TMX file to mine English equivalents from (same as --tm FILE.tmx).")
    var tmx: [String] = []

    @Option(name: .long, help: "Minimum occurrences across the articles (default 2; acronym definitions are exempt).")
    var minFrequency = 2

    @Option(name: .long, help: "At most this many candidates.")
    var limit: Int?

    @Option(name: [.short, .long], help: "Write the TSV here (atomically) instead of stdout.")
    var output: String?

    func validate() throws {
        if articles.isEmpty { throw ValidationError("give at least one article file or folder") }
        if minFrequency < 1 { throw ValidationError("--min-frequency must be at least 1") }
    }

    func run() throws {
        var failed = false
        let (documents, problems) = TermExtractionJob.documents(articles)
        for p in problems { Console.report(p) }
        failed = !problems.isEmpty
        guard !documents.isEmpty else { throw ValidationError("no article could be read") }

        let known = glossary.isEmpty ? nil : TermMatcher(glossaries: try GlossaryLoading.load(glossary))
        var options = TermExtractor.Options()
        options.minFrequency = minFrequency
        options.limit = limit
        var candidates = TermExtractor(known: known, options: options).extract(documents)

        // Aligned pairs from the TM.
        var pairs: [EquivalentMiner.Pair] = []
        for path in tm + tmx {
            do {
                let (found, skipped) = try TermCandidateTable.pairs(at: URL(fileURLWithPath: path), tmx: tmx.contains(path))
                pairs += found
                if skipped > 0 { Console.error("\(path): \(skipped) unit\(skipped == 1 ? "" : "s") skipped") }
            } catch {
                Console.report(error)
                failed = true
            }
        }
        if !pairs.isEmpty { candidates = EquivalentMiner(pairs: pairs).propose(candidates) }

        let out = TermCandidateTable.tsv(candidates)
        if let output {
            try AtomicFile.write(out, to: URL(fileURLWithPath: output))
        } else {
            let so = FileOutput()
            so.string(out)
            so.flush()
        }
        Console.error("\(candidates.count) candidate\(candidates.count == 1 ? "" : "s") from \(documents.count) article\(documents.count == 1 ? "" : "s")\(pairs.isEmpty ? "" : ", \(candidates.filter { $0.translation != nil }.count) with English from \(pairs.count) TM pairs")")
        if failed { throw ExitCode(ExitStatus.someFailed) }
    }
}
