import Foundation

/// Writes files so that a reader never sees a half-written one: the bytes go to a temporary file
/// beside the destination, which is then renamed over it (rename(2) is atomic on one file system).
/// An interrupted write leaves at most a hidden `.NAME.*.selaras-tmp` file, which `removeStaleTemporaries`
/// cleans up.
public enum AtomicFile {
    public static let temporarySuffix = ".selaras-tmp"

    /// Writes `data` to `url` atomically, creating the parent folder if needed.
    public static func write(_ data: Data, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(UInt32.random(in: 0...UInt32.max))\(temporarySuffix)")
        guard FileManager.default.createFile(atPath: tmp.path, contents: data) else {
            throw AtomicFileError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
        }
        if rename(tmp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp.path)
            throw AtomicFileError.cannotWrite(path: url.path, reason: reason)
        }
    }

    /// Writes a string as UTF-8, atomically.
    public static func write(_ string: String, to url: URL) throws {
        try write(Data(string.utf8), to: url)
    }

    /// Removes temporary files that an interrupted run left in `directory` (not recursive).
    public static func removeStaleTemporaries(in directory: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(temporarySuffix) {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }
}

public enum AtomicFileError: Error, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotWrite(path, reason): return "\(path): cannot write: \(reason)"
        }
    }
}
