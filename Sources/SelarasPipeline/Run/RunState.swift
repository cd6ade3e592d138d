import Foundation
import SelarasCore

/// What the last runs wrote, kept in `OUTPUT/.selaras/state.json`, so that an article whose input,
/// config and resources are unchanged is skipped and its files are not rewritten.
public struct RunState: Sendable, Codable {
    public struct Entry: Sendable, Codable {
        /// Input bytes + config + resources + tool version.
        public var fingerprint: String
        public var source: String
        public var title: String?
        public var outputs: [String]
        public var counts: RunReport.Counts
    }

    public var version = 1
    public var articles: [String: Entry] = [:]

    public init() {}

    /// `OUTPUT/.selaras/state.json`, or `state.K-of-N.json` for a shard (shards sharing a folder
    /// keep apart).
    public static func url(in output: URL, shard: Shard? = nil) -> URL {
        output.appendingPathComponent(".selaras/state\(shard.map { "." + $0.label } ?? "").json")
    }

    /// The journal next to the state: one JSON line per article finished since the state was last
    /// saved, so a run killed at any moment leaves a record of what it completed.
    public static func journalURL(in output: URL, shard: Shard? = nil) -> URL {
        output.appendingPathComponent(".selaras/state\(shard.map { "." + $0.label } ?? "").journal")
    }

    /// The state saved in `output`, with the journal of an interrupted run replayed over it (a
    /// torn last line is ignored), or an empty one (a damaged state file only costs a full re-run).
    public static func load(from output: URL, shard: Shard? = nil) -> RunState {
        var state = RunState()
        if let data = FileManager.default.contents(atPath: url(in: output, shard: shard).path),
           let saved = try? JSONDecoder().decode(RunState.self, from: data), saved.version == 1 {
            state = saved
        }
        if let journal = FileManager.default.contents(atPath: journalURL(in: output, shard: shard).path) {
            let decoder = JSONDecoder()
            for line in journal.split(separator: 0x0A) {
                guard let record = try? decoder.decode(JournalRecord.self, from: Data(line)) else { continue }
                state.articles[record.id] = record.entry
            }
        }
        return state
    }

    /// Saves the state (atomically) and removes the journal it now contains.
    public func save(to output: URL, shard: Shard? = nil) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(self), to: Self.url(in: output, shard: shard))
        try? FileManager.default.removeItem(at: Self.journalURL(in: output, shard: shard))
    }

    struct JournalRecord: Codable {
        var id: String
        var entry: Entry
    }

    /// Whether `id` can be skipped: same fingerprint and every output still present.
    public func isUpToDate(_ id: String, fingerprint: String, output: URL) -> Entry? {
        guard let e = articles[id], e.fingerprint == fingerprint, !e.outputs.isEmpty else { return nil }
        for name in e.outputs where !FileManager.default.fileExists(atPath: output.appendingPathComponent(name).path) {
            return nil
        }
        return e
    }
}

/// Appends finished articles to the state's journal (`RunState.journalURL`), one line each, written
/// with one `write` call so a kill leaves whole lines (and at most one torn last line).
final class RunJournal: @unchecked Sendable {
    // @unchecked: the descriptor is written under `lock`.
    private let lock = NSLock()
    private let fd: Int32
    private let encoder = JSONEncoder()

    init?(output: URL, shard: Shard?) {
        let url = RunState.journalURL(in: output, shard: shard)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        fd = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    deinit { close(fd) }

    func append(_ id: String, _ entry: RunState.Entry) {
        guard var line = try? encoder.encode(RunState.JournalRecord(id: id, entry: entry)) else { return }
        line.append(0x0A)
        lock.lock()
        defer { lock.unlock() }
        _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}
