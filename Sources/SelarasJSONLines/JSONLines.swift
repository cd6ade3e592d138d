import SelarasCore

/// JSON lines held in memory (an article file, an evaluation corpus): the same records, ids and
/// messages as `JSONLinesJob`, one line after another.
public enum JSONLines {
    /// Calls `body` for each record of `bytes` in order, and `bad` for each line that is not a
    /// record (blank lines and a byte-order mark at a line's start are skipped).
    public static func forEach(in bytes: [UInt8], schema: JSONRecordSchema, source: String,
                               _ body: (JSONRecord) throws -> Void, bad: (Diagnostic) -> Void) rethrows {
        var parser = JSONRecordParser(schema: schema)
        try bytes.withUnsafeBufferPointer { all in
            var start = 0
            var number = 0
            while start < all.count {
                var end = start
                while end < all.count, all[end] != 0x0A { end += 1 }
                number += 1
                var line = UnsafeBufferPointer(rebasing: all[start..<end])
                start = end + 1
                if line.last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
                if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = UnsafeBufferPointer(rebasing: line[3...]) }
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                do throws(JSONRecordParser.Failure) {
                    try parser.parse(line)
                } catch {
                    bad(.error(.jsonlBadRecord, at: SourceLocation(file: source, line: number, column: error.column + 1),
                               "not a \(schema.shape) record: \(error.message)"))
                    continue
                }
                if !parser.repairs.isEmpty {
                    bad(.warning(.jsonlRepaired, at: SourceLocation(file: source, line: number),
                                 "invalid UTF-8 or a lone surrogate replaced by U+FFFD", action: .repaired))
                }
                try body(JSONRecord(line: line, number: number, source: source, parser: parser))
            }
        }
    }

    /// The lines of `bytes` with their 1-based numbers (blank lines left out), as byte arrays.
    public static func lines(of bytes: [UInt8]) -> [(number: Int, bytes: [UInt8])] {
        var out: [(Int, [UInt8])] = []
        var number = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            number += 1
            var line = bytes[start..<end]
            start = end + 1
            if line.last == 0x0D { line = line.dropLast() }
            if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { out.append((number, Array(line))) }
        }
        return out
    }
}
