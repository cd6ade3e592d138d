import Foundation
import SelarasCore

/// Shard K of N of a batch (`selaras run --shard K/N`): the articles whose id hashes into K.
///
/// The hash is FNV-1a (64-bit) of the article id's UTF-8, modulo N, so every machine, scheduler
/// and run puts an article in the same shard whatever order or subset of inputs it sees. Shards
/// may share one output folder: each writes its own report (`run.K-of-N.json`) and state, and
/// `selaras report merge OUT` builds `run.json`, `index.html` and `run.tmx` from them.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based.
    public let index: Int
    public let count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 1, index <= count else { return nil }
        self.index = index
        self.count = count
    }

    /// Reads `K/N` (1 ≤ K ≤ N). Schedulers that count from 0 (Kubernetes' `JOB_COMPLETION_INDEX`)
    /// add 1, as the example manifests do.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let n = Int(parts[1].trimmingCharacters(in: .whitespaces)) else { return nil }
        self.init(index: k, count: n)
    }

    /// Whether the article `id` belongs to this shard.
    public func contains(_ id: String) -> Bool {
        Self.bucket(of: id, count: count) == index - 1
    }

    /// The 0-based shard of `id` among `count`.
    public static func bucket(of id: String, count: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(hash % UInt64(count))
    }

    /// `K-of-N`, as in the shard's file names.
    public var label: String { "\(index)-of-\(count)" }
    public var description: String { "\(index)/\(count)" }

    /// The report a shard writes in the output folder.
    public var reportName: String { "run.\(label).json" }
}
