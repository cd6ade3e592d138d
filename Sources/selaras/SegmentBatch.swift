import Foundation
import SelarasSegmentation

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
                guard let line = parser.parseRecord(UnsafeBufferPointer(rebasing: all[l.start..<(l.start + l.count)]),
                                                    source: source, number: l.number, messages: &result.messages,
                                                    badLines: &result.badLines) else { continue }
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
