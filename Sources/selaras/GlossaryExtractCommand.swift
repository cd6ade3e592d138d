import ArgumentParser
import Foundation
import SelarasCore
import SelarasFormats
import SelarasGlossary
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
        // Articles → sentences.
        var files: [String] = []
        for path in articles {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter { $0.hasSuffix(".txt") }.sorted().map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        let segmenter = IndonesianSegmenter()
        var documents: [[String]] = []
        for f in files {
            guard let data = FileManager.default.contents(atPath: f), let text = String(data: data, encoding: .utf8) else {
                Console.error("\(f): cannot read the file as UTF-8 text; skipped")
                failed = true
                continue
            }
            documents.append(segmenter.segment(text).map { text.codePointSlice($0) })
        }
        guard !documents.isEmpty else { throw ValidationError("no article could be read") }

        let known = glossary.isEmpty ? nil : TermMatcher(glossaries: try GlossaryLoading.load(glossary))
        var options = TermExtractor.Options()
        options.minFrequency = minFrequency
        options.limit = limit
        var candidates = TermExtractor(known: known, options: options).extract(documents)

        // Aligned pairs from the TM.
        var pairs: [EquivalentMiner.Pair] = []
        for path in tm + tmx {
            let url = URL(fileURLWithPath: path)
            if url.pathExtension.lowercased() == "tmx" || tmx.contains(path) {
                do {
                    let issues = try TMXReader().read(url) { pairs.append(.init(source: $0.source, target: $0.target)) }
                    if issues.count > 0 { Console.error("\(path): \(issues.count) unit\(issues.count == 1 ? "" : "s") skipped") }
                } catch {
                    Console.error("\(error)")
                    failed = true
                }
            } else if let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) {
                for line in text.split(whereSeparator: \.isNewline) {
                    let f = line.split(separator: "\t", omittingEmptySubsequences: false)
                    if f.count >= 2, !f[0].isEmpty, !f[1].isEmpty { pairs.append(.init(source: String(f[0]), target: String(f[1]))) }
                }
            } else {
                Console.error("\(path): cannot read the translation memory (give a .tmx file or a source<TAB>target file)")
                failed = true
            }
        }
        if !pairs.isEmpty { candidates = EquivalentMiner(pairs: pairs).propose(candidates) }

        let today = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
        func cell(_ s: String) -> String {
            String(String.UnicodeScalarView(s.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }))
        }
        var out = (GlossaryFormat.extendedColumns + ["score", "frequency", "documents", "dice", "example"]).joined(separator: "\t") + "\n"
        for c in candidates {
            var note = "candidate (\(c.kind.rawValue)): C-value \(String(format: "%.1f", c.cValue)), \(c.frequency) occurrence\(c.frequency == 1 ? "" : "s") in \(c.documents) article\(c.documents == 1 ? "" : "s")"
            if let d = c.dice, let n = c.cooccurrences { note += "; English from the TM: Dice \(String(format: "%.2f", d)) over \(n) pairs" }
            let row = [c.term, c.variants.joined(separator: "|"), c.translation ?? "", "", "noun", "admitted", "", note,
                       "selaras glossary extract", today, String(format: "%.2f", c.score), String(c.frequency),
                       String(c.documents), c.dice.map { String(format: "%.2f", $0) } ?? "", c.examples.joined(separator: " | ")]
            out += row.map(cell).joined(separator: "\t") + "\n"
        }
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
