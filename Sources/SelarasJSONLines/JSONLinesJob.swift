import Foundation
import SelarasCore

/// The JSON-lines contract of every `--jsonl` command: one record per line in, one output line
/// per good record out, with the same `id` (exactly as given: `JSONID`), in the same order.
///
/// The job is a pipeline: a reader thread cuts the input into batches of lines, the calling thread
/// parses and transforms each batch on `workers` threads at once (`Parallel.map` over slices), and a
/// writer thread writes the outputs and the diagnostics in input order. Reading, working and writing
/// overlap, so a program on the other end of a pipe never waits for the work. Blank lines are not
/// records; a byte-order mark at the start of a line is skipped; a line that is not a record is
/// reported (`JSONL001`, with its line and column) and skipped, and the other lines are still written.
public struct JSONLinesJob: Sendable {
    public let schema: JSONRecordSchema
    public let workers: Int
    /// Bytes per batch.
    public var batchBytes = 1 << 20

    public init(schema: JSONRecordSchema, workers: Int = Parallel.defaultWorkers) {
        self.schema = schema
        self.workers = max(1, workers)
    }

    /// What a run did.
    public struct Outcome: Sendable {
        public var records = 0
        /// Lines that were not records, or records the transform failed on.
        public var badLines = 0
        public var readError: String?
        /// Whether the output went away before the end (a closed pipe).
        public var outputClosed = false

        public var failed: Bool { badLines > 0 || readError != nil }
    }

    /// Writes one record's output into the writer (usually `beginRecord(id:)` ... `endRecord()`);
    /// runs on several threads at once. Throwing skips the record and reports the diagnostic.
    public typealias Transform = @Sendable (JSONRecord, inout JSONWriter) throws(Diagnostic) -> Void

    /// Runs over the file descriptor `fd`, named `source` in messages; outputs go to `output`,
    /// diagnostics to `report` (called on the writer thread, in input order).
    public func run(fd: Int32, source: String, output: FileOutput, report: @escaping @Sendable (Diagnostic) -> Void,
                    transform: @escaping Transform) -> Outcome {
        let batches = BlockingQueue<LineBatch?>(capacity: 6)
        let results = BlockingQueue<[SliceResult]?>(capacity: 6)
        let readError = Locked<String?>(nil)
        let outcome = Locked(Outcome())
        let finished = DispatchSemaphore(value: 0)
        let batchBytes = self.batchBytes
        let sink = UncheckedOutput(output)
        Thread {
            var reader = LineReader(fd: fd)
            while let batch = reader.next(targetBytes: batchBytes) { batches.put(batch) }
            readError.set(reader.readError)
            batches.put(nil)
        }.start()
        Thread {
            var closed = false
            while let slices = results.take() {
                for slice in slices {
                    for d in slice.diagnostics { report(d) }
                    if !closed {
                        slice.output.withUnsafeBufferPointer { sink.output.bytes($0) }
                        closed = !sink.output.isOpen
                    }
                    outcome.withLock { $0.records += slice.records; $0.badLines += slice.badLines }
                }
            }
            sink.output.flush()
            outcome.withLock { $0.outputClosed = !sink.output.isOpen }
            finished.signal()
        }.start()
        while let batch = batches.take() {
            results.put(process(batch, source: source, transform: transform))
        }
        results.put(nil)
        finished.wait()
        var result = outcome.value
        result.readError = readError.value
        if let e = result.readError {
            report(.error(.jsonlReadFailed, at: SourceLocation(file: source), "read failed: \(e)"))
        }
        return result
    }

    /// The records of a batch, in slices spread over the workers, results in input order.
    func process(_ batch: LineBatch, source: String, transform: Transform) -> [SliceResult] {
        let slices = workers == 1 ? 1 : min(batch.count, workers * 4)
        guard slices > 0 else { return [] }
        let per = (batch.count + slices - 1) / slices
        let schema = self.schema
        return Parallel.map(count: slices, workers: workers, chunk: 1) { slice in
            let lo = slice * per, hi = min(batch.count, lo + per)
            var result = SliceResult()
            guard lo < hi else { return result }
            var parser = JSONRecordParser(schema: schema)
            var writer = JSONWriter(reservingCapacity: batch.lines[lo..<hi].reduce(0) { $0 + $1.count } * 11 / 10 + 1024)
            batch.storage.withUnsafeBufferPointer { all in
                for k in lo..<hi {
                    let l = batch.lines[k]
                    Self.record(UnsafeBufferPointer(rebasing: all[l.start..<(l.start + l.count)]), number: l.number, source: source,
                                parser: &parser, writer: &writer, result: &result, transform: transform)
                }
            }
            result.output = writer.bytes
            return result
        }
    }

    /// One line: parsed, reported when it is not a record, else transformed.
    static func record(_ raw: UnsafeBufferPointer<UInt8>, number: Int, source: String, parser: inout JSONRecordParser,
                       writer: inout JSONWriter, result: inout SliceResult, transform: Transform) {
        var line = raw
        if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = UnsafeBufferPointer(rebasing: line[3...]) }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        do {
            try parser.parse(line)
        } catch {
            result.diagnostics.append(.error(.jsonlBadRecord, at: SourceLocation(file: source, line: number, column: error.column + 1),
                                             "not a \(parser.schema.shape) record: \(error.message)"))
            result.badLines += 1
            return
        }
        if !parser.repairs.isEmpty {
            let columns = parser.repairs.prefix(5).map { String($0 + 1) }.joined(separator: ", ")
            result.diagnostics.append(.warning(.jsonlRepaired, at: SourceLocation(file: source, line: number),
                                               "invalid UTF-8 or a lone surrogate replaced by U+FFFD (column \(columns)\(parser.repairs.count > 5 ? ", ..." : ""))",
                                               action: .repaired))
        }
        let mark = writer.bytes.count
        do {
            try transform(JSONRecord(line: line, number: number, source: source, parser: parser), &writer)
            result.records += 1
        } catch {
            writer.bytes.removeLast(writer.bytes.count - mark)
            writer.reset()
            result.diagnostics.append(error)
            result.badLines += 1
        }
    }

    struct SliceResult: Sendable {
        var output: [UInt8] = []
        var diagnostics: [Diagnostic] = []
        var records = 0
        var badLines = 0
    }
}

/// The job's output, handed to its writer thread (which alone writes to it until the run ends).
private struct UncheckedOutput: @unchecked Sendable {
    let output: FileOutput
    init(_ output: FileOutput) { self.output = output }
}
