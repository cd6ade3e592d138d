import Foundation

/// Where one article comes from: a whole file, or one line of a JSONL file.
public struct ArticleSource: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case file
        /// One JSON line, with its 1-based line number and its bytes.
        case jsonLine(line: Int, data: Data)
    }

    public var url: URL
    public var kind: Kind

    public init(url: URL, kind: Kind = .file) {
        self.url = url
        self.kind = kind
    }

    /// `path` or `path:line`, for messages and the report.
    public var label: String {
        switch kind {
        case .file: return url.path
        case let .jsonLine(line, _): return "\(url.path):\(line)"
        }
    }

    /// Whether a file holds one article per line.
    public static func isJSONLines(_ url: URL) -> Bool {
        ["jsonl", "ndjson"].contains(url.pathExtension.lowercased())
    }

    /// The sources in a list of files: JSONL files expand into one source per non-blank line.
    /// A JSONL file that cannot be read becomes a single source whose reading fails with the reason.
    /// `X.en.txt` beside `X.id.txt` is the English edition of that article (the `align` stage reads
    /// it), not an article of its own, and is left out.
    public static func expand(_ urls: [URL]) -> [ArticleSource] {
        var out: [ArticleSource] = []
        let paths = Set(urls.map(\.path))
        for url in urls {
            let name = url.lastPathComponent
            if let r = name.range(of: ".en.", options: .backwards),
               paths.contains(url.deletingLastPathComponent().appendingPathComponent(name.replacingCharacters(in: r, with: ".id.")).path) {
                continue
            }
            guard isJSONLines(url), let data = FileManager.default.contents(atPath: url.path) else {
                out.append(ArticleSource(url: url)); continue
            }
            var line = 0
            var start = data.startIndex
            var any = false
            while start < data.endIndex {
                let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
                line += 1
                let slice = data[start..<end]
                if !slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    out.append(ArticleSource(url: url, kind: .jsonLine(line: line, data: Data(slice))))
                    any = true
                }
                start = end < data.endIndex ? data.index(after: end) : end
            }
            if !any { out.append(ArticleSource(url: url)) }  // reading it reports "empty"
        }
        return out
    }
}
