import Foundation

/// The JSON-lines contract of ARCHITECTURE.md: one `{"id": "...", "text": "..."}` object per line in,
/// one object per line out with the same `id`, in the same order.
enum JSONLines {
    /// One input record. `id` may also be a number (kept as its decimal text). `previous` and `next`
    /// are optional context, the sentences around this one (used by `tm lookup` for context matches).
    struct Record: Decodable {
        var id: String
        var text: String
        var previous: String?
        var next: String?

        enum CodingKeys: String, CodingKey { case id, text, previous, next }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if let s = try? c.decode(String.self, forKey: .id) {
                id = s
            } else if let n = try? c.decode(Int.self, forKey: .id) {
                id = String(n)
            } else {
                throw DecodingError.dataCorruptedError(forKey: .id, in: c, debugDescription: "\"id\" must be a string or a number")
            }
            text = try c.decode(String.self, forKey: .text)
            previous = try c.decodeIfPresent(String.self, forKey: .previous)
            next = try c.decodeIfPresent(String.self, forKey: .next)
        }
    }

    /// Reads records from a file handle (stdin by default), calling `body` for each good line and
    /// `bad` with the 1-based line number and a message for each line that is not a valid record.
    /// Blank lines are skipped, and so is a byte-order mark at the start of a line (as `segment` and
    /// `summarize` do).
    static func read(from handle: FileHandle = .standardInput, source: String = "<stdin>",
                     _ body: (Record) throws -> Void, bad: (Int, String) -> Void) rethrows {
        let data = handle.readDataToEndOfFile()
        let decoder = JSONDecoder()
        var lineNumber = 0
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            lineNumber += 1
            var line = data[start..<end]
            if line.last == 0x0D { line = line.dropLast() }
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            start = end < data.endIndex ? data.index(after: end) : end
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let record: Record
            do {
                record = try decoder.decode(Record.self, from: line)
            } catch {
                let reason = (error as? DecodingError).map(describe) ?? "\(error)"
                bad(lineNumber, "\(source):\(lineNumber): not a {\"id\", \"text\"} record: \(reason)")
                continue
            }
            try body(record)
        }
    }

    /// Encodes one output object as a single line (no trailing newline), without escaping slashes
    /// or non-ASCII text.
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case let .dataCorrupted(c): return c.underlyingError.map { "\($0.localizedDescription)" } ?? c.debugDescription
        case let .keyNotFound(k, _): return "missing \"\(k.stringValue)\""
        case let .typeMismatch(_, c): return c.debugDescription
        case let .valueNotFound(_, c): return c.debugDescription
        @unknown default: return "\(error)"
        }
    }
}
