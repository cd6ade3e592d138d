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

    public static func url(in output: URL) -> URL {
        output.appendingPathComponent(".selaras/state.json")
    }

    /// The state saved in `output`, or an empty one (a damaged state file only costs a full re-run).
    public static func load(from output: URL) -> RunState {
        guard let data = FileManager.default.contents(atPath: url(in: output).path),
              let state = try? JSONDecoder().decode(RunState.self, from: data), state.version == 1 else { return RunState() }
        return state
    }

    public func save(to output: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(self), to: Self.url(in: output))
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
