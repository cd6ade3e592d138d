import Foundation

/// Reads a TMX file on a thread of its own, adds each unit's index keys to the index builder there,
/// and hands the units (with their context keys) over in batches, so that parsing and analysis on
/// one core overlap with storing on the other. The queue between them is bounded, so memory does
/// not grow with the file. The builder belongs to the reading thread until `outcome()` hands it back.
final class UnitPipe: @unchecked Sendable {
    // @unchecked: all mutable state is guarded by `condition`.
    private let condition = NSCondition()
    private var batches: [[(TMUnit, UInt64)]] = []
    private var builder: FuzzyIndexBuilder
    /// Units of this file added to the builder (to take back if the file fails).
    private(set) var added = 0
    private var finished = false
    private var cancelled = false
    private var result: Result<([TMXIssue], TMXHeader?), Error>?
    /// The file's content hash and size, computed while it was read.
    private(set) var contentHash: (String, Int)?
    private let limit: Int
    static let batchSize = 256

    private init(builder: FuzzyIndexBuilder, limit: Int = 16) {
        self.builder = builder
        self.limit = limit
    }

    /// Starts reading `url` with `reader` on a new thread, adding keys to `builder`.
    static func start(_ reader: TMXReader, _ url: URL, builder: FuzzyIndexBuilder) -> UnitPipe {
        let pipe = UnitPipe(builder: builder)
        let thread = Thread {
            var header: TMXHeader?
            var batch: [(TMUnit, UInt64)] = []
            batch.reserveCapacity(batchSize)
            let outcome: Result<([TMXIssue], TMXHeader?), Error>
            do {
                let issues = try reader.read(url, header: { header = $0 }, contentHash: { pipe.contentHash = ($0, $1) }) { u in
                    let (_, context) = pipe.builder.add(text: u.source)
                    pipe.added += 1
                    batch.append((u, context))
                    if batch.count >= batchSize {
                        try pipe.put(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { try pipe.put(batch) }
                outcome = .success((issues, header))
            } catch {
                outcome = .failure(error)
            }
            pipe.finish(outcome)
        }
        thread.name = "tmx-reader"
        thread.stackSize = 1 << 22
        thread.start()
        return pipe
    }

    struct Cancelled: Error {}

    private func put(_ batch: [(TMUnit, UInt64)]) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= limit && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        batches.append(batch)
        condition.broadcast()
    }

    private func finish(_ r: Result<([TMXIssue], TMXHeader?), Error>) {
        condition.lock()
        result = r
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch of units with their context keys, or nil when the file is done.
    func next() -> [(TMUnit, UInt64)]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if batches.isEmpty { return nil }
        let b = batches.removeFirst()
        condition.broadcast()
        return b
    }

    /// Waits for the reader; returns the builder (always) and the issues and header (or the error).
    func outcome() -> (FuzzyIndexBuilder, Result<([TMXIssue], TMXHeader?), Error>) {
        condition.lock()
        while !finished { condition.wait() }
        let r = result!
        condition.unlock()
        return (builder, r)
    }

    /// Stops the reader (after a failure on the consuming side), waits for it, returns the builder.
    func cancel() -> FuzzyIndexBuilder {
        condition.lock()
        cancelled = true
        batches.removeAll()
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
        return builder
    }
}
