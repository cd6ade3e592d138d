import ArgumentParser
import Foundation
import SelarasCore
import SelarasGlossary
import SelarasPipeline
import SelarasJSONLines

/// `selaras glossary check`: terminology in bilingual files.
struct GlossaryCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check translations against a glossary: each source term needs one of its translations in the target; forbidden translations are flagged.",
        discussion: "Reads XLIFF 1.2/2.0 (.xlf, .xliff) or TSV (source<TAB>target<TAB>..., header row). Prints a report per segment (FILE:LINE: segment ID: ...); exit 1 when any segment has a problem."
    )

    @Argument(help: "Bilingual files: FILE.xlf or FILE.tsv.")
    var files: [String]

    @Option(name: .long, help: "A glossary file (repeatable).")
    var glossary: [String] = []

    @Flag(name: .long, help: "Report only segments with problems.")
    var problemsOnly = false

    @Flag(name: .long, help: "One JSON object per segment: {\"file\",\"id\",\"line\",\"terms\",\"problems\",\"untranslated\"}.")
    var jsonl = false

    func validate() throws {
        if glossary.isEmpty { throw ValidationError("give at least one --glossary FILE") }
        if files.isEmpty { throw ValidationError("give at least one bilingual file") }
    }

    func run() throws {
        let checker = TerminologyChecker(matcher: TermMatcher(glossaries: try GlossaryLoading.load(glossary)))
        let out = FileOutput()
        var segments = 0, withProblems = 0, untranslated = 0, hitsTotal = 0, missing = 0, forbidden = 0
        var unreadable = false
        for path in files {
            let read: (segments: [BilingualSegment], issues: [Diagnostic])
            do {
                read = try BilingualFile.read(URL(fileURLWithPath: path))
            } catch let issue as Diagnostic {
                Console.report(issue)
                unreadable = true
                continue
            }
            for i in read.issues { Console.report(i) }
            for seg in read.segments {
                let report = checker.check(source: seg.source, target: seg.target)
                segments += 1
                hitsTotal += report.hits.count
                if report.untranslated { untranslated += 1 }
                if !report.findings.isEmpty { withProblems += 1 }
                missing += report.findings.filter { $0.kind == .missing }.count
                forbidden += report.findings.filter { $0.kind == .forbidden }.count
                if jsonl {
                    if problemsOnly && report.findings.isEmpty { continue }
                    out.bytes(TerminologyRecord.line(file: path, segment: seg, report: report))
                    continue
                }
                let terms = "\(report.hits.count) term\(report.hits.count == 1 ? "" : "s")"
                let place = "\(path):\(seg.line): segment \(seg.id)"
                if !report.findings.isEmpty {
                    out.line("\(place): \(report.findings.count) problem\(report.findings.count == 1 ? "" : "s") (\(terms))")
                    for f in report.findings { out.line("    \(f)") }
                } else if !problemsOnly {
                    out.line("\(place): \(report.untranslated ? "no target" : "ok") (\(terms))")
                }
            }
        }
        out.flush()
        Console.error("\(segments) segments, \(hitsTotal) term hits: \(withProblems) segments with problems (\(missing) missing, \(forbidden) forbidden), \(untranslated) without a target")
        if unreadable && segments == 0 { throw ExitCode(ExitStatus.usage) }
        if withProblems > 0 || unreadable { throw ExitCode(ExitStatus.someFailed) }
    }
}
