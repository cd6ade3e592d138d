import Foundation
import SelarasCore

/// Turns the inputs of a run (files, folders, globs) into the list of files to read.
///
/// Folders are walked recursively; hidden files and folders (names starting with a dot) are left out.
/// Globs support `*`, `?` and `[...]` in any path component and `**` for any depth. The result is
/// sorted and free of duplicates, so runs are reproducible.
public struct InputResolver: Sendable {
    public init() {}

    /// Errors for inputs that match nothing.
    public struct NotFound: Error, Sendable, CustomStringConvertible {
        public var input: String
        public var description: String {
            InputResolver.isGlob(input) ? "input pattern matches no file: \(input)" : "input not found: \(input)"
        }
    }

    public static func isGlob(_ path: String) -> Bool {
        path.contains("*") || path.contains("?") || path.contains("[")
    }

    /// The files named by `inputs`; throws `NotFound` for the first input that names nothing.
    public func resolve(_ inputs: [String]) throws -> [URL] {
        var seen = Set<String>()
        var out: [URL] = []
        for input in inputs {
            let found = Self.isGlob(input) ? glob(input) : walk(URL(fileURLWithPath: input))
            if found.isEmpty { throw NotFound(input: input) }
            for url in found where seen.insert(url.standardizedFileURL.path).inserted {
                out.append(url.standardizedFileURL)
            }
        }
        return out
    }

    func walk(_ url: URL) -> [URL] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else { return [] }
        if !isDir.boolValue { return [url] }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return [] }
        return names.sorted().filter { !$0.hasPrefix(".") }.flatMap { walk(url.appendingPathComponent($0)) }
    }

    func glob(_ pattern: String) -> [URL] {
        let absolute = pattern.hasPrefix("/")
        let parts = pattern.split(separator: "/").map(String.init)
        var current: [String] = [absolute ? "/" : FileManager.default.currentDirectoryPath]
        for (i, part) in parts.enumerated() {
            let last = i == parts.count - 1
            var next: [String] = []
            for dir in current {
                if part == "**" {
                    next.append(dir)
                    next.append(contentsOf: subdirectories(of: dir))
                } else if Self.isGlob(part) {
                    guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
                    for name in names.sorted() where !name.hasPrefix(".") && fnmatch(part, name, 0) == 0 {
                        next.append((dir as NSString).appendingPathComponent(name))
                    }
                } else {
                    let p = (dir as NSString).appendingPathComponent(part)
                    if FileManager.default.fileExists(atPath: p) { next.append(p) }
                }
            }
            current = last ? next : next.filter(isDirectory)
        }
        return current.flatMap { walk(URL(fileURLWithPath: $0)) }
    }

    func subdirectories(of dir: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        return names.sorted().filter { !$0.hasPrefix(".") }.map { (dir as NSString).appendingPathComponent($0) }
            .filter(isDirectory).flatMap { [$0] + subdirectories(of: $0) }
    }

    func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
