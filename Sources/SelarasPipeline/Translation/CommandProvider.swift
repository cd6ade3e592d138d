import Foundation

/// The `command` provider: pipes sentences to any program — a local MT engine, a script — and
/// reads its translations back.
///
/// The command line runs with `/bin/sh -c`, once per batch of `batch_size` sentences, with
/// `timeout` seconds per batch. Formats:
/// - `lines`: one sentence per line on stdin (line breaks inside a sentence become spaces); the
///   program prints exactly one line per input line, in order.
/// - `jsonl`: one `{"id": ..., "text": ..., "glossary": {term: translation}, "examples": [{"source",
///   "target"}], "context": "..."}` object per line (the same hints the `openai` provider sends); the
///   program prints one `{"id": ..., "translation": ...}` object per line, in any order, matched by id.
///
/// Failures — the program cannot start, exits non-zero, times out, prints the wrong number of
/// lines, an unreadable line, a missing or empty translation — become failures of the sentences
/// concerned, carrying the program's last stderr line, and the run goes on.
public struct CommandProvider: BatchingTranslationProvider {
    public let options: TranslationSettings
    public let shell: String
    let gate: RequestGate

    public init(options: TranslationSettings, shell: String = "/bin/sh") {
        self.init(options: options, gate: RequestGate(limit: options.concurrency), shell: shell)
    }

    init(options: TranslationSettings, gate: RequestGate, shell: String = "/bin/sh") {
        self.options = options
        self.gate = gate
        self.shell = shell
    }

    public var name: String {
        let c = options.command ?? ""
        let program = c.split(separator: " ").first.map { String($0.split(separator: "/").last ?? $0) } ?? "?"
        return "command:\(program)"
    }

    var batchSize: Int { options.batchSize }

    func translateBatch(_ batch: [TranslationRequest]) -> [TranslationOutcome] {
        guard let command = options.command else { return fail(batch, "no command configured") }
        var input = ""
        switch options.format {
        case .lines:
            for r in batch { input += Self.oneLine(r.text) + "\n" }
        case .jsonl:
            for r in batch {
                var record: [String: Any] = ["id": r.id, "text": r.text]
                if !r.glossary.isEmpty { record["glossary"] = Dictionary(r.glossary.map { ($0.text, $0.translation) }, uniquingKeysWith: { a, _ in a }) }
                if !r.examples.isEmpty { record["examples"] = r.examples.map { ["source": $0.source, "target": $0.target] } }
                if options.context { record["context"] = [r.previous, r.next].compactMap { $0 }.joined(separator: " ") }
                let data = HTTPTranslation.json(record) ?? Data("{}".utf8)
                input += String(decoding: data, as: UTF8.self) + "\n"
            }
        }
        let result = ProcessRunner.run(shell, ["-c", command], input: Data(input.utf8), timeout: options.timeout)
        let stderrTail = Self.lastLine(result.stderr).map { ": \($0)" } ?? ""
        if let e = result.launchError { return fail(batch, e) }
        if result.timedOut { return fail(batch, "timed out after \(Self.seconds(options.timeout)) s\(stderrTail)") }
        if result.outputTooLarge { return fail(batch, "the command wrote more than \(ProcessRunner.maxOutput >> 20) MB; stopped") }
        if let s = result.status, s != 0 { return fail(batch, "exited with status \(s)\(stderrTail)") }

        let text = String(decoding: result.stdout, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        if lines.last == "" { lines.removeLast() }

        switch options.format {
        case .lines:
            guard lines.count == batch.count else {
                return fail(batch, "expected \(batch.count) output lines, got \(lines.count)\(stderrTail)")
            }
            return zip(batch, lines).map { r, line in
                let t = line.trimmingCharacters(in: .whitespaces)
                return t.isEmpty ? .failure(TranslationFailure(provider: name, id: r.id, message: "empty translation"))
                    : .success(t)
            }
        case .jsonl:
            var byID: [String: String] = [:]
            var problems: [String] = []
            for (n, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let id = obj["id"] as? String else {
                    problems.append("output line \(n + 1) is not a JSON object with an \"id\"")
                    continue
                }
                guard let t = obj["translation"] as? String else {
                    problems.append("output line \(n + 1) (id \(id)) has no \"translation\" string")
                    continue
                }
                byID[id] = t
            }
            let why = problems.first.map { "; \($0)" } ?? ""
            return batch.map { r in
                guard let t = byID[r.id]?.trimmingCharacters(in: .whitespaces) else {
                    return .failure(TranslationFailure(provider: name, id: r.id, message: "no translation in the output\(why)"))
                }
                return t.isEmpty ? .failure(TranslationFailure(provider: name, id: r.id, message: "empty translation")) : .success(t)
            }
        }
    }

    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" })
            .joined(separator: " ")
    }

    static func lastLine(_ data: Data) -> String? {
        String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).last
            .map { String($0.prefix(300)) }
    }

    static func seconds(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }
}
