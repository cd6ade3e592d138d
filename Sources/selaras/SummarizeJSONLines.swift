import Foundation
import SelarasSegmentation
import SelarasSummary

/// `selaras summarize --jsonl`: reads `{"id", "text"}` lines in batches, summarises each batch's
/// articles on all cores, and writes `{"id", "indices", "summary"}` lines in input order. Bad lines
/// are reported on stderr with their line number and skipped; the rest are still written.
struct SummarizeJSONLines: Sendable {
    let summarizer: any Summarizer
    let segmenter: any SentenceSegmenter
    let length: SummaryLength
    /// When set, write the learned ranker's feature rows (terms from this analyser) instead of
    /// summaries (hidden `--features`, for scripts/summary/fit_weights.py).
    let features: TermAnalyzer?
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Processes one input, streaming; returns the number of bad lines.
    func run(fd: Int32, name: String, output: StandardOutput) -> Int {
        var batch = Batch()
        var bad = 0
        var lineNumber = 0
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        func flush() {
            for slice in process(batch, source: name) {
                for message in slice.messages { Console.error(message) }
                output.write(String(decoding: slice.output, as: UTF8.self))
                bad += slice.badLines
            }
            batch = Batch()
        }
        func take(_ line: ArraySlice<UInt8>) {
            lineNumber += 1
            var line = line
            if line.last == 0x0D { line = line.dropLast() }
            batch.lines.append((batch.storage.count, line.count, lineNumber))
            batch.storage.append(contentsOf: line)
            if batch.lines.count >= 2048 || batch.storage.count >= 1 << 23 { flush() }
        }
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                Console.error("\(name): read error: \(String(cString: strerror(errno)))")
                bad += 1
                break
            }
            if n == 0 { break }
            var start = 0
            while let i = Self.index(of: 0x0A, in: chunk, from: start, to: n) {
                if pending.isEmpty {
                    take(chunk[start..<i])
                } else {
                    pending.append(contentsOf: chunk[start..<i])
                    take(pending[...])
                    pending.removeAll(keepingCapacity: true)
                }
                start = i + 1
            }
            pending.append(contentsOf: chunk[start..<n])
        }
        if !pending.isEmpty { take(pending[...]) }
        flush()
        return bad
    }

    /// The index of the first `byte` in `bytes[from..<to]` (memchr), or nil.
    static func index(of byte: UInt8, in bytes: [UInt8], from: Int, to: Int) -> Int? {
        guard from < to else { return nil }
        return bytes.withUnsafeBufferPointer { p in
            memchr(p.baseAddress! + from, Int32(byte), to - from).map { UnsafeRawPointer($0) - UnsafeRawPointer(p.baseAddress!) }
        }
    }

    /// Lines held for processing together: bytes and (start, count, line number, byte offset).
    struct Batch: Sendable {
        var storage: [UInt8] = []
        var lines: [(start: Int, count: Int, number: Int)] = []
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

    /// Parses (with the JSON-lines reader of `selaras segment`, `JSONRecordParser`), summarises and
    /// encodes lines `range` of `batch`.
    func process(_ batch: Batch, _ range: Range<Int>, source: String) -> SliceResult {
        var result = SliceResult()
        var parser = JSONRecordParser()
        batch.storage.withUnsafeBufferPointer { all in
            for k in range {
                let l = batch.lines[k]
                guard let line = parser.parseRecord(UnsafeBufferPointer(rebasing: all[l.start..<(l.start + l.count)]),
                                                    source: source, number: l.number, messages: &result.messages,
                                                    badLines: &result.badLines) else { continue }
                let input = parser.withText(in: line) { text in
                    (try? SummarizeInput.make(utf8: text, segmenter: segmenter, path: source))
                        ?? SummarizeInput.empty  // text with nothing in it: an empty summary
                }
                // The id is written as a JSON string; a numeric id as the string of its digits.
                result.output.append(contentsOf: #"{"id":"#.utf8)
                parser.idJSON.withUnsafeBufferPointer { id in
                    Self.appendJSONString(utf8: UnsafeBufferPointer(rebasing: id[(parser.idIsString ? 1 : 0)...]), to: &result.output)
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

    /// Appends `s` as a JSON string literal: quotes, backslashes and control characters escaped,
    /// everything else (slashes and non-ASCII text included) as is.
    static func appendJSONString(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendJSONString(utf8: $0, to: &out) }
    }

    /// Appends valid UTF-8 as a JSON string literal (see `appendJSONString(_:to:)`); runs of bytes
    /// that need no escape are copied whole.
    static func appendJSONString(utf8 s: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let hex: StaticString = "0123456789abcdef"
        out.append(0x22)
        var run = 0
        for (i, b) in s.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
            if i > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: s[run..<i])) }
            run = i + 1
            switch b {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            default:
                let digits = hex.utf8Start
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, digits[Int(b >> 4)], digits[Int(b & 0xF)]])
            }
        }
        if s.count > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: s[run...])) }
        out.append(0x22)
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
            Self.appendJSONString(input.displayText(s.segment), to: &out)
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
                        roles: input.roles.map(\.rawValue), sentences: input.sentences)
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
