import ArgumentParser
import Foundation
import SelarasSegmentation

/// `selaras segment`: splits Indonesian text into sentences with the built-in SRX rules or a
/// user's SRX file.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split Indonesian text into sentences.",
        discussion: """
        Reads the FILEs (standard input when there are none) and writes the sentences to standard
        output.

        Plain text (default): one sentence per line. A line break inside a sentence (a hard-wrapped
        line) becomes a space. An empty line is written between paragraphs (where the input has an
        empty line) and between files.

        --jsonl: each input line is a JSON object {"id": "...", "text": "..."}; each output line is
        {"id": "...", "sentences": ["...", ...]} with the same id, in the same order. Sentences are
        exact substrings of the text. A line that is not such a record is reported on standard
        error with its line number and skipped; the others are still written.

        Invalid UTF-8 is replaced by U+FFFD and reported with its byte offset.

        The built-in rules are an SRX 2.0 file (see docs/segmentation.md); --rules uses another
        SRX 2.0 or 1.0 file, with the rules its maps give for --language.

        Exit status: 0 success; 1 some inputs failed (the rest were written); 2 bad usage or a
        rules file that cannot be used.
        """
    )

    @Argument(help: "Text files to segment (JSON-lines files with --jsonl). Standard input when none.")
    var files: [String] = []

    @Option(name: .long, help: ArgumentHelp("An SRX file to use instead of the built-in Indonesian rules.", valueName: "FILE.srx"))
    var rules: String?

    @Option(name: .long, help: "The language whose rules are taken from the SRX file.")
    var language: String = "id"

    @Flag(name: .long, help: "Read {\"id\",\"text\"} JSON lines and write {\"id\",\"sentences\"} JSON lines.")
    var jsonl = false

    func run() throws {
        let segmenter: SRXSegmenter
        if let rules {
            do {
                segmenter = try SRXSegmenter(contentsOf: URL(fileURLWithPath: rules), language: language)
            } catch {
                Console.error("error: \(error)")
                throw ExitCode(ExitStatus.usage)
            }
        } else {
            if let problem = IndonesianSegmenter.loadProblem { Console.error("warning: \(problem)") }
            segmenter = IndonesianSegmenter.rules
        }
        var job = SegmentJob(segmenter: segmenter)
        let inputs: [String?] = files.isEmpty ? [nil] : files.map { $0 }
        for (k, path) in inputs.enumerated() {
            let name = path ?? "<stdin>"
            var fd = STDIN_FILENO
            if let path {
                fd = open(path, O_RDONLY)
                if fd < 0 {
                    Console.error("error: \(path): cannot open: \(String(cString: strerror(errno)))")
                    job.failed = true
                    continue
                }
            }
            defer { if path != nil { close(fd) } }
            if jsonl {
                job.segmentJSONLines(fd: fd, name: name)
            } else {
                job.segmentText(fd: fd, name: name, first: k == 0)
            }
            if job.outputClosed { break }
        }
        job.output.flush()
        if job.failed { throw ExitCode(ExitStatus.someFailed) }
    }
}

/// Lines of JSON-lines input held for processing together.
struct LineBatch {
    private var storage: [UInt8] = []
    /// (start in storage, length, 1-based line number, byte offset in the input).
    private var lines: [(start: Int, count: Int, number: Int, offset: Int)] = []

    var isEmpty: Bool { lines.isEmpty }
    var count: Int { lines.count }
    var byteCount: Int { storage.count }

    mutating func append(_ line: UnsafeBufferPointer<UInt8>, number: Int, offset: Int) {
        lines.append((storage.count, line.count, number, offset))
        storage.append(contentsOf: line)
    }

    mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
    }

    /// The output and messages of one slice of the batch.
    struct Result: Sendable {
        var output: [UInt8] = []
        var messages: [String] = []
        var badLines = 0
    }

    /// Parses, segments and encodes every line, in slices spread over `workers` threads; the
    /// results come back in input order.
    func process(segmenter: SRXSegmenter, source: String, workers: Int) -> [Result] {
        let slices = workers == 1 ? 1 : min(lines.count, workers * 4)
        let per = (lines.count + slices - 1) / slices
        let results = ResultSlots(count: slices)
        let batch = self
        let work: @Sendable (Int) -> Void = { slice in
            let lo = slice * per, hi = min(lines.count, lo + per)
            guard lo < hi else { return }
            results.store(slice, batch.process(lo..<hi, segmenter: segmenter, source: source))
        }
        if slices == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: slices, execute: work) }
        return results.all()
    }

    private func process(_ range: Range<Int>, segmenter: SRXSegmenter, source: String) -> Result {
        var result = Result()
        var parser = JSONRecordParser()
        storage.withUnsafeBufferPointer { all in
            for k in range {
                let l = lines[k]
                let line = UnsafeBufferPointer(rebasing: all[l.start..<(l.start + l.count)])
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                do {
                    try parser.parse(line)
                } catch let error as JSONRecordParser.Failure {
                    result.messages.append("\(source):\(l.number):\(error.column + 1): not a {\"id\", \"text\"} record: \(error.message)")
                    result.badLines += 1
                    continue
                } catch {
                    result.messages.append("\(source):\(l.number): not a {\"id\", \"text\"} record: \(error)")
                    result.badLines += 1
                    continue
                }
                if !parser.repairs.isEmpty {
                    let offsets = parser.repairs.prefix(5).map { String(l.offset + $0) }.joined(separator: ", ")
                    result.messages.append("warning: \(source):\(l.number): invalid UTF-8 or a lone surrogate replaced by U+FFFD (byte offset \(offsets)\(parser.repairs.count > 5 ? ", ..." : ""))")
                }
                Self.encode(parser, segmenter: segmenter, into: &result.output)
            }
        }
        return result
    }

    /// `{"id":...,"sentences":[...]}` and a newline.
    static func encode(_ parser: JSONRecordParser, segmenter: SRXSegmenter, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"id":"#.utf8)
        parser.idJSON.withUnsafeBufferPointer { id in
            if parser.idIsString {
                JSONText.appendString(UnsafeBufferPointer(rebasing: id[1...]), to: &out)
            } else {
                out.append(contentsOf: id)
            }
        }
        out.append(contentsOf: #","sentences":["#.utf8)
        parser.text.withUnsafeBufferPointer { text in
            let ranges = segmenter.sentenceByteRanges(inUTF8: text)
            for (k, r) in ranges.enumerated() {
                if k > 0 { out.append(0x2C) }
                JSONText.appendString(UnsafeBufferPointer(rebasing: text[r]), to: &out)
            }
        }
        out.append(contentsOf: "]}\n".utf8)
    }
}

/// One result per slice, written by the thread that computed it.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [LineBatch.Result]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: LineBatch.Result(), count: count) }

    func store(_ k: Int, _ r: LineBatch.Result) {
        lock.lock(); defer { lock.unlock() }
        slots[k] = r
    }

    func all() -> [LineBatch.Result] {
        lock.lock(); defer { lock.unlock() }
        return slots
    }
}

/// The work of one `selaras segment` run.
struct SegmentJob {
    let segmenter: SRXSegmenter
    let output = ByteOutput()
    var failed = false
    var outputClosed = false
    /// Whether anything was written for an earlier plain-text input.
    private var wroteText = false

    init(segmenter: SRXSegmenter) {
        self.segmenter = segmenter
    }

    /// JSON lines in, JSON lines out. Lines are read in batches; the records of a batch are
    /// parsed, segmented and encoded on all cores, then written (and their problems reported)
    /// in input order.
    mutating func segmentJSONLines(fd: Int32, name: String) {
        var reader = ByteLineReader(fd: fd)
        defer { reader.close() }
        var batch = LineBatch()
        var badLines = 0
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        func flush(_ batch: inout LineBatch) {
            guard !batch.isEmpty else { return }
            for result in batch.process(segmenter: segmenter, source: name, workers: workers) {
                for message in result.messages { Console.error(message) }
                result.output.withUnsafeBufferPointer { output.bytes($0) }
                badLines += result.badLines
            }
            batch.removeAll()
        }
        while let line = reader.next() {
            batch.append(line, number: reader.lineNumber, offset: reader.lineOffset)
            if batch.byteCount >= 1 << 22 || batch.count >= 8192 { flush(&batch) }
        }
        flush(&batch)
        if let e = reader.readError {
            Console.error("error: \(name): read failed: \(e)")
            failed = true
        }
        if badLines > 0 {
            Console.error("\(name): \(badLines) line\(badLines == 1 ? " was" : "s were") skipped")
            failed = true
        }
    }

    /// Plain text in, one sentence per line out.
    mutating func segmentText(fd: Int32, name: String, first: Bool) {
        var raw: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n > 0 { raw.append(contentsOf: chunk[0..<n]); continue }
            if n < 0 && errno == EINTR { continue }
            if n < 0 {
                Console.error("error: \(name): read failed: \(String(cString: strerror(errno)))")
                failed = true
                return
            }
            break
        }
        // A UTF-8 byte-order mark is not text.
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) { raw.removeFirst(3) }
        let bad = raw.withUnsafeBufferPointer { UTF8Repair.firstInvalid($0) }
        if bad != nil {
            let (fixed, offsets) = raw.withUnsafeBufferPointer { UTF8Repair.repaired($0) }
            let list = offsets.prefix(5).map(String.init).joined(separator: ", ")
            Console.error("warning: \(name): invalid UTF-8 replaced by U+FFFD at byte offset \(list)\(offsets.count > 5 ? " and \(offsets.count - 5) more" : "")")
            raw = fixed
        }
        raw.withUnsafeBufferPointer { text in
            let ranges = segmenter.sentenceByteRanges(inUTF8: text)
            if wroteText && !ranges.isEmpty { output.endLine() }
            var previousEnd: Int?
            for r in ranges {
                if let previousEnd, Self.hasBlankLine(text, previousEnd..<r.lowerBound) { output.endLine() }
                writeOneLine(UnsafeBufferPointer(rebasing: text[r]))
                output.endLine()
                previousEnd = r.upperBound
                wroteText = true
            }
        }
        _ = first
    }

    /// Writes a sentence on one line: each run of white space that holds a line break becomes
    /// one space.
    private func writeOneLine(_ s: UnsafeBufferPointer<UInt8>) {
        guard s.contains(0x0A) || s.contains(0x0D) else { output.bytes(s); return }
        var i = 0
        while i < s.count {
            let b = s[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                var j = i
                var lineBreak = false
                while j < s.count, s[j] == 0x20 || s[j] == 0x09 || s[j] == 0x0A || s[j] == 0x0D {
                    if s[j] == 0x0A || s[j] == 0x0D { lineBreak = true }
                    j += 1
                }
                if lineBreak { output.byte(0x20) } else { output.bytes(UnsafeBufferPointer(rebasing: s[i..<j])) }
                i = j
            } else {
                output.byte(b)
                i += 1
            }
        }
    }

    /// Whether the gap between two sentences holds an empty line.
    private static func hasBlankLine(_ t: UnsafeBufferPointer<UInt8>, _ gap: Range<Int>) -> Bool {
        var newlines = 0
        for i in gap {
            if t[i] == 0x0A { newlines += 1; if newlines >= 2 { return true } }
            else if t[i] != 0x20 && t[i] != 0x09 && t[i] != 0x0D { newlines = 0 }
        }
        return false
    }
}
