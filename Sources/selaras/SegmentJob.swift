import Foundation
import SelarasSegmentation

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
