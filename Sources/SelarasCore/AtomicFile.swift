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
        let tmp = temporaryURL(for: url)
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

    /// The temporary file beside `url` that a write goes to first:
    /// `.NAME.HOST~PID~RANDOM.selaras-tmp`, so a clean-up knows whose it is.
    public static func temporaryURL(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(owner)~\(UInt32.random(in: 0...UInt32.max))\(temporarySuffix)")
    }

    /// `HOST~PID` of this process (dots in the host name made `_`).
    static let owner: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, buffer.count - 1)
        let host = String(cString: buffer).replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "~", with: "_")
        return "\(host.isEmpty ? "host" : host)~\(getpid())"
    }()

    /// How old another machine's temporary file must be before a clean-up removes it.
    public static let foreignTemporaryAge: TimeInterval = 15 * 60

    /// Removes temporary files that an interrupted write left in `directory` (not recursive): those
    /// of a process of this machine that is no longer running, those of another machine older than
    /// `foreignTemporaryAge` (shards on many machines may share an output folder, and a file one of
    /// them is writing must survive another's start), and those of the older unnamed form.
    public static func removeStaleTemporaries(in directory: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        let (myHost, _) = parts(owner + "~0")!
        for name in names where name.hasPrefix(".") && name.hasSuffix(temporarySuffix) {
            let url = directory.appendingPathComponent(name)
            let tag = name.dropLast(temporarySuffix.count).split(separator: ".").last.map(String.init) ?? ""
            if let (host, pid) = parts(tag) {
                if host == myHost {
                    guard pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }  // still running
                } else {
                    let modified = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? Date()
                    guard Date().timeIntervalSince(modified) > foreignTemporaryAge else { continue }
                }
            }
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// The host and pid of a `HOST~PID~RANDOM` tag.
    private static func parts(_ tag: String) -> (String, pid_t)? {
        let p = tag.split(separator: "~", omittingEmptySubsequences: false)
        guard p.count == 3, let pid = pid_t(p[1]) else { return nil }
        return (String(p[0]), pid)
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
