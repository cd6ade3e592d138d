import Foundation
import SelarasCore
import SelarasSegmentation

/// What `selaras glossary extract` reads: articles as lists of sentences.
public enum TermExtractionJob {
    /// The sentences of each article: files, and the `.txt` files of folders (in name order).
    /// A file that is not UTF-8 text is a problem (and left out), not a failure of the others.
    public static func documents(_ paths: [String]) -> (documents: [[String]], problems: [Diagnostic]) {
        var files: [String] = []
        for path in paths {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter { $0.hasSuffix(".txt") }.sorted().map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        let segmenter = IndonesianSegmenter()
        var documents: [[String]] = [], problems: [Diagnostic] = []
        for f in files {
            guard let data = FileManager.default.contents(atPath: f), let text = String(data: data, encoding: .utf8) else {
                problems.append(.error(.articleEncoding, at: SourceLocation(file: f), "cannot read the file as UTF-8 text; skipped"))
                continue
            }
            documents.append(segmenter.segment(text).map { text.codePointSlice($0) })
        }
        return (documents, problems)
    }
}
