import Foundation

/// Reads a TMX file on a thread of its own and hands its units over in batches, so that parsing
/// and storing overlap (two cores: one parses, one analyses and inserts). The queue between them is
/// bounded, so memory does not grow with the file.
final class UnitPipe: @unchecked Sendable {
    // @unchecked: all mutable state is guarded by `condition`.
    private let condition = NSCondition()
    private var batches: [[TMUnit]] = []
    private var finished = false
    private var cancelled = false
    private var result: Result<([TMXIssue], TMXHeader?), Error>?
    /// The file's content hash and size, computed while it was read.
    private(set) var contentHash: (String, Int)?
    private let limit: Int
    static let batchSize = 256

    init(limit: Int = 16) {
        self.limit = limit
    }

    /// Starts reading `url` with `reader` on a new thread.
    static func start(_ reader: TMXReader, _ url: URL) -> UnitPipe {
        let pipe = UnitPipe()
        let thread = Thread {
            var header: TMXHeader?
            var batch: [TMUnit] = []
            batch.reserveCapacity(batchSize)
            let outcome: Result<([TMXIssue], TMXHeader?), Error>
            do {
                let issues = try reader.read(url, header: { header = $0 }, contentHash: { pipe.contentHash = ($0, $1) }) { u in
                    batch.append(u)
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

    private func put(_ batch: [TMUnit]) throws {
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

    /// The next batch, or nil when the file is done.
    func next() -> [TMUnit]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if batches.isEmpty { return nil }
        let b = batches.removeFirst()
        condition.broadcast()
        return b
    }

    /// Waits for the reader and returns its issues and header (or rethrows its error).
    func outcome() throws -> ([TMXIssue], TMXHeader?) {
        condition.lock()
        while !finished { condition.wait() }
        let r = result!
        condition.unlock()
        return try r.get()
    }

    /// Stops the reader (after a failure on the consuming side) and waits for it.
    func cancel() {
        condition.lock()
        cancelled = true
        batches.removeAll()
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
