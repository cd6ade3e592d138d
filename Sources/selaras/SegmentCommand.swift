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
        Reads the FILEs (standard input when there are none) and writes the sentences to standard output.

        Plain text (default): one sentence per line. A line break inside a sentence (a hard-wrapped line) becomes a space. An empty line is written between paragraphs (where the input has an empty line) and between files.

        --jsonl: each input line is a JSON object {"id": "...", "text": "..."}; each output line is {"id": "...", "sentences": ["...", ...]} with the same id, in the same order. Sentences are exact substrings of the text. A line that is not such a record is reported on standard error with its line number and skipped; the other lines are still written.

        Invalid UTF-8 is replaced by U+FFFD and reported with its byte offset.

        The built-in rules are an SRX 2.0 file (see docs/segmentation.md); --rules uses another SRX 2.0 or 1.0 file, with the rules its language maps give for --language.

        Exit status: 0 success; 1 some inputs failed (the rest were written); 2 bad usage or a rules file that cannot be used.
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
        SegmentIO.widenPipes()
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

    init() {}

    init(storage: [UInt8], lines: [(start: Int, count: Int, number: Int, offset: Int)]) {
        self.storage = storage
        self.lines = lines
    }

    var isEmpty: Bool { lines.isEmpty }
    var count: Int { lines.count }
    var byteCount: Int { storage.count }

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
        // The output is about as long as the input, plus the sentence quotes.
        result.output.reserveCapacity(range.reduce(0) { $0 + lines[$1].count } * 11 / 10 + 1024)
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
                Self.encode(parser, line: line, segmenter: segmenter, into: &result.output)
            }
        }
        return result
    }

    /// `{"id":...,"sentences":[...]}` and a newline.
    static func encode(_ parser: JSONRecordParser, line: UnsafeBufferPointer<UInt8>, segmenter: SRXSegmenter,
                       into out: inout [UInt8]) {
        out.append(contentsOf: #"{"id":"#.utf8)
        parser.idJSON.withUnsafeBufferPointer { id in
            if parser.idIsString {
                JSONText.appendString(UnsafeBufferPointer(rebasing: id[1...]), to: &out)
            } else {
                out.append(contentsOf: id)
            }
        }
        out.append(contentsOf: #","sentences":["#.utf8)
        parser.withText(in: line) { text in
            let ranges = segmenter.sentenceByteRanges(inUTF8: text)
            for (k, r) in ranges.enumerated() {
                if k > 0 { out.append(0x2C) }
                JSONText.appendString(UnsafeBufferPointer(rebasing: text[r]), to: &out)
            }
        }
        out.append(contentsOf: "]}\n".utf8)
    }
}

/// Reads a file descriptor in batches of whole lines, straight into each batch's storage.
struct BatchReader {
    private let fd: Int32
    private var carry: [UInt8] = []
    private var eof = false
    private var lineNumber = 0
    /// Offset in the input of `carry`'s first byte.
    private var offset = 0
    private(set) var readError: String?

    init(fd: Int32) { self.fd = fd }

    /// The next batch of about `targetBytes` (more when a line is longer), or nil at the end.
    mutating func next(targetBytes: Int) -> LineBatch? {
        var capacity = max(targetBytes, carry.count * 2)
        while true {
            if eof && carry.isEmpty { return nil }
            let start = carry
            var reachedEnd = eof
            var failure: String?
            let fd = self.fd
            var storage = [UInt8](unsafeUninitializedCapacity: max(capacity, start.count + 1)) { buf, initialized in
                var n = start.count
                if n > 0 { _ = UnsafeMutableBufferPointer(rebasing: buf[0..<n]).initialize(from: start) }
                while n < buf.count && !reachedEnd {
                    let r = read(fd, buf.baseAddress! + n, buf.count - n)
                    if r > 0 { n += r } else if r == 0 { reachedEnd = true } else if errno != EINTR {
                        failure = String(cString: strerror(errno))
                        reachedEnd = true
                    }
                }
                initialized = n
            }
            eof = reachedEnd
            if let failure { readError = failure }
            // Cut after the last line break; what follows waits for the next batch.
            var cut = storage.count
            if !eof {
                guard let last = storage.lastIndex(of: 0x0A) else {
                    carry = storage
                    capacity *= 2
                    continue
                }
                cut = last + 1
            }
            carry = Array(storage[cut...])
            storage.removeLast(storage.count - cut)
            var lines: [(start: Int, count: Int, number: Int, offset: Int)] = []
            storage.withUnsafeBufferPointer { all in
                var i = 0
                let n = all.count
                while i < n {
                    var end = n
                    if let nl = memchr(all.baseAddress! + i, 0x0A, n - i) {
                        end = all.baseAddress!.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                    }
                    var stop = end
                    if stop > i, all[stop - 1] == 0x0D { stop -= 1 }
                    lineNumber += 1
                    lines.append((i, stop - i, lineNumber, offset + i))
                    i = end + 1
                }
            }
            offset += cut
            if lines.isEmpty && eof { return nil }
            return LineBatch(storage: storage, lines: lines)
        }
    }
}

/// A bounded first-in, first-out queue between threads; `put` waits while it is full, `take`
/// while it is empty.
final class BlockingQueue<T>: @unchecked Sendable {
    private var items: [T] = []
    private let condition = NSCondition()
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func put(_ item: T) {
        condition.lock()
        while items.count >= capacity { condition.wait() }
        items.append(item)
        condition.broadcast()
        condition.unlock()
    }

    func take() -> T {
        condition.lock()
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        condition.broadcast()
        condition.unlock()
        return item
    }
}

/// A value handed from one thread to another (written by one, read after it is done).
final class Shared<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T

    init(_ value: T) { stored = value }

    var value: T {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
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

    /// JSON lines in, JSON lines out, as a pipeline: a reader thread cuts the input into batches
    /// of lines, this thread parses, segments and encodes each batch on all cores, and a writer
    /// thread writes the results and reports the problems, in input order. Reading, working and
    /// writing overlap, so the program on the other end of a pipe never waits for the segmenter.
    mutating func segmentJSONLines(fd: Int32, name: String) {
        let batches = BlockingQueue<LineBatch?>(capacity: 6)
        let results = BlockingQueue<[LineBatch.Result]?>(capacity: 6)
        let readError = Shared<String?>(nil)
        let badLines = Shared(0)
        let finished = DispatchSemaphore(value: 0)
        let output = self.output
        Thread {
            var reader = BatchReader(fd: fd)
            while let batch = reader.next(targetBytes: 1 << 20) { batches.put(batch) }
            readError.value = reader.readError
            batches.put(nil)
        }.start()
        Thread {
            while let slices = results.take() {
                for result in slices {
                    for message in result.messages { Console.error(message) }
                    result.output.withUnsafeBufferPointer { output.bytesUnbuffered($0) }
                    badLines.value += result.badLines
                }
            }
            output.flush()
            finished.signal()
        }.start()
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        while let batch = batches.take() {
            results.put(batch.process(segmenter: segmenter, source: name, workers: workers))
        }
        results.put(nil)
        finished.wait()
        if let e = readError.value {
            Console.error("error: \(name): read failed: \(e)")
            failed = true
        }
        if badLines.value > 0 {
            Console.error("\(name): \(badLines.value) line\(badLines.value == 1 ? " was" : "s were") skipped")
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
