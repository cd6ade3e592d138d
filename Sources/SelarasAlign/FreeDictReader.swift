import CZlib
import Foundation
import SelarasCore

/// Reads a FreeDict dictionary in dictd format (`NAME.dict.dz`, gzip-compatible dictzip, or an
/// uncompressed `NAME.dict`), such as Debian's `dict-freedict-eng-ind`
/// (`/usr/share/dictd/freedict-eng-ind.dict.dz`, English headwords with Indonesian translations).
///
/// Each entry is a headword line (`word /pronunciation/ <pos>`), then its translations: the first
/// line after the headword, or lines numbered `1.`, `2.` for several senses, comma-separated; the
/// other lines are English glosses and are ignored. Entries whose headword starts with `00` are the
/// database's own information.
public enum FreeDictReader {
    /// Debian's English–Indonesian dictionary.
    public static let debianEnglishIndonesian = URL(fileURLWithPath: "/usr/share/dictd/freedict-eng-ind.dict.dz")

    /// (English headword, Indonesian translations) pairs.
    public static func read(_ url: URL) throws -> [(english: String, indonesian: [String])] {
        let text = try decompressedText(url)
        var out: [(String, [String])] = []
        var headword: String?
        var translations: [String] = []
        var linesInEntry = 0
        func flush() {
            if let h = headword, !h.hasPrefix("00"), !translations.isEmpty { out.append((h, translations)) }
            headword = nil
            translations = []
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if let h = Self.headword(String(raw)) {
                flush()
                headword = h
                linesInEntry = 0
                continue
            }
            guard headword != nil, !line.isEmpty else { continue }
            linesInEntry += 1
            var sense = Substring(line)
            if let dot = sense.firstIndex(of: "."), sense[..<dot].allSatisfy(\.isNumber), !sense[..<dot].isEmpty {
                sense = sense[sense.index(after: dot)...]
            } else if linesInEntry > 1 {
                continue  // a gloss
            }
            translations += sense.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        flush()
        return out
    }

    /// The headword of a headword line (`word /pron/ <pos>` or `word <pos>`), else nil.
    static func headword(_ line: String) -> String? {
        guard let first = line.first, !first.isWhitespace, line.hasSuffix(">"), let open = line.lastIndex(of: "<") else { return nil }
        var head = line[..<open].trimmingCharacters(in: .whitespaces)
        if let slash = head.firstIndex(of: "/") { head = head[..<slash].trimmingCharacters(in: .whitespaces) }
        return head.isEmpty ? nil : head
    }

    /// The file's text, inflated when it is gzip (dictzip) compressed.
    static func decompressedText(_ url: URL) throws -> String {
        guard let file = gzopen(url.path, "rb") else {
            throw Diagnostic.error(.alignDictionary, at: SourceLocation(file: url.path), "cannot open the dictionary")
        }
        defer { gzclose(file) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            if n < 0 { throw Diagnostic.error(.alignDictionary, at: SourceLocation(file: url.path), "the dictionary is damaged (gzip error)") }
            if n == 0 { break }
            data.append(buffer, count: Int(n))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
