import Foundation
import SelarasSegmentation
import SelarasSummary

/// `selaras summarize --jsonl`: reads `{"id", "text"}` lines in batches, summarises each batch's
/// articles on all cores, and writes `{"id", "indices", "summary"}` lines in input order. Bad lines
/// are reported on stderr with their line and column and skipped; the rest are still written.
/// Byte-level I/O (`ByteLineReader`, `JSONRecordParser`, `JSONText`) is shared with `segment`.
struct SummarizeJSONLines: Sendable {
    let summarizer: any Summarizer
    let segmenter: any SentenceSegmenter
    let length: SummaryLength
    /// When set, write the learned ranker's feature rows (terms from this analyser) instead of
    /// summaries (hidden `--features`, for scripts/summary/fit_weights.py).
    let features: TermAnalyzer?
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Processes one input; returns the number of bad lines.
    func run(fd: Int32, name: String, output: ByteOutput) -> Int {
        var reader = ByteLineReader(fd: fd)
        defer { reader.close() }
        var batch = Batch()
        var bad = 0
        func flush() {
            for slice in process(batch, source: name) {
                for message in slice.messages { Console.error(message) }
                slice.output.withUnsafeBufferPointer { output.bytes($0) }
                bad += slice.badLines
            }
            batch = Batch()
        }
        while let line = reader.next() {
            batch.lines.append((batch.storage.count, line.count, reader.lineNumber, reader.lineOffset))
            batch.storage.append(contentsOf: line)
            if batch.lines.count >= 2048 || batch.storage.count >= 1 << 23 { flush() }
        }
        flush()
        if let error = reader.readError {
            Console.error("\(name): read error: \(error)")
            bad += 1
        }
        return bad
    }

    /// Lines held for processing together: bytes and (start, count, line number, byte offset).
    struct Batch: Sendable {
        var storage: [UInt8] = []
        var lines: [(start: Int, count: Int, number: Int, offset: Int)] = []
    }

    struct SliceResult: Sendable {
        var output: [UInt8] = []
        var messages: [String] = []
        var badLines = 0
    }

    func process(_ batch: Batch, source: String) -> [SliceResult] {
        guard !batch.lines.isEmpty else { return [] }
        let slices = workers == 1 ? 1 : min(batch.lines.count, workers * 4)
        let per = (batch.lines.count + slices - 1) / slices
        let results = Slots(count: slices)
        let job = self
        let work: @Sendable (Int) -> Void = { k in
            let lo = k * per, hi = min(batch.lines.count, lo + per)
            guard lo < hi else { return }
            results.store(k, job.process(batch, lo..<hi, source: source))
        }
        if slices == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: slices, execute: work) }
        return results.all()
    }

    func process(_ batch: Batch, _ range: Range<Int>, source: String) -> SliceResult {
        var result = SliceResult()
        var parser = JSONRecordParser()
        batch.storage.withUnsafeBufferPointer { all in
            for k in range {
                let l = batch.lines[k]
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
                let text = String(decoding: parser.text, as: UTF8.self)
                let input = (try? SummarizeInput.make(text: text, detectTitle: false, segmenter: segmenter, path: source))
                    ?? SummarizeInput(segments: [], candidates: [])  // text with nothing in it: an empty summary
                result.output.append(contentsOf: #"{"id":"#.utf8)
                parser.idJSON.withUnsafeBufferPointer { id in
                    if parser.idIsString {
                        JSONText.appendString(UnsafeBufferPointer(rebasing: id[1...]), to: &result.output)
                    } else {
                        result.output.append(contentsOf: id)
                    }
                }
                if let features {
                    appendFeatures(input, analyzer: features, to: &result.output)
                } else {
                    appendSummary(input, to: &result.output)
                }
                result.output.append(contentsOf: "}\n".utf8)
            }
        }
        return result
    }

    /// `,"indices":[...],"summary":[...]`
    func appendSummary(_ input: SummarizeInput, to out: inout [UInt8]) {
        let chosen = summarizer.summarize(input.candidates, length: length)
        out.append(contentsOf: #","indices":["#.utf8)
        for (k, s) in chosen.enumerated() {
            if k > 0 { out.append(0x2C) }
            out.append(contentsOf: String(s.segment).utf8)
        }
        out.append(contentsOf: #"],"summary":["#.utf8)
        for (k, s) in chosen.enumerated() {
            if k > 0 { out.append(0x2C) }
            var sentence = input.displayText(s.segment)
            sentence.withUTF8 { JSONText.appendString($0, to: &out) }
        }
        out.append(0x5D)
    }

    /// `,"features":[[...]],"indices":[...],"names":[...],"roles":[...],"sentences":[...]` (hidden `--features`).
    func appendFeatures(_ input: SummarizeInput, analyzer: TermAnalyzer, to out: inout [UInt8]) {
        struct Line: Encodable {
            var features: [[Double]]
            var indices: [Int]
            var names: [String]
            var roles: [String]
            var sentences: [String]
        }
        let (indices, rows) = LearnedSummarizer.featureRows(input.candidates, analyzer: analyzer)
        let line = Line(features: rows, indices: indices, names: SentenceFeature.allCases.map(\.rawValue),
                        roles: input.segments.map(\.role.rawValue), sentences: input.segments.map(\.text))
        var json = JSONLines.encode(line)  // {"features":...}
        json.removeFirst()
        out.append(0x2C)
        out.append(contentsOf: json.dropLast().utf8)
    }
}

/// One result per slice, written by the thread that computed it.
private final class Slots: @unchecked Sendable {
    private var slots: [SummarizeJSONLines.SliceResult]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: SummarizeJSONLines.SliceResult(), count: count) }

    func store(_ k: Int, _ r: SummarizeJSONLines.SliceResult) {
        lock.lock(); defer { lock.unlock() }
        slots[k] = r
    }

    func all() -> [SummarizeJSONLines.SliceResult] {
        lock.lock(); defer { lock.unlock() }
        return slots
    }
}
