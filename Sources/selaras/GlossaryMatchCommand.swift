import ArgumentParser
import Foundation
import SelarasCore
import SelarasJSONLines
import SelarasGlossary
import SelarasPipeline

/// `selaras glossary match`: the glossary terms in text.
struct GlossaryMatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Find glossary terms (inflected forms included) in text.",
        discussion: """
        With --jsonl, reads {"id","text"} lines on stdin and writes {"id","terms":[{"term","start","end","text","translations","kind"}]} \
        lines (offsets in code points). Otherwise lists the hits in the given text files (or stdin), one per line: \
        FILE:LINE:COLUMN, the matched text, the entry's term, its translations and how it matched.
        """
    )

    @Option(name: .long, help: "A glossary file (repeatable; earlier files win ties).")
    var glossary: [String] = []

    @Flag(name: .long, help: "JSON lines on stdin and stdout.")
    var jsonl = false

    @Argument(help: "Text files (default: stdin).")
    var files: [String] = []

    func validate() throws {
        if glossary.isEmpty { throw ValidationError("give at least one --glossary FILE") }
        if jsonl && !files.isEmpty { throw ValidationError("--jsonl reads stdin; do not give files") }
    }

    func run() throws {
        let matcher = TermMatcher(glossaries: try GlossaryLoading.load(glossary))
        let out = FileOutput()
        var failed = false
        if jsonl {
            let outcome = JSONLinesJob(schema: .text).run(fd: STDIN_FILENO, source: "<stdin>", output: out, report: Console.report) { record, json in
                json.beginRecord(id: record.id)
                TermHitRecord.write(matcher.match(record.string(0) ?? ""), to: &json)
                json.endRecord()
            }
            failed = outcome.failed
        } else {
            let inputs: [(String, Data?)] = files.isEmpty
                ? [("<stdin>", FileHandle.standardInput.readDataToEndOfFile())]
                : files.map { ($0, FileManager.default.contents(atPath: $0)) }
            for (name, data) in inputs {
                guard let data, let text = String(data: data, encoding: .utf8) else {
                    Console.error("\(name): cannot read the file as UTF-8 text")
                    failed = true
                    continue
                }
                let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
                for (n, line) in lines.enumerated() {
                    for h in matcher.match(String(line)) {
                        out.line("\(name):\(n + 1):\(h.start + 1): \(h.text)\t\(h.term)\t\(h.translations.joined(separator: " | "))\t\(h.kind.rawValue)")
                    }
                }
            }
        }
        out.flush()
        if failed { throw ExitCode(ExitStatus.someFailed) }
    }
}
