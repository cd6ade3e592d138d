import SelarasCore
import SelarasFormats
import Foundation

/// Reads a TMX file on a thread of its own and hands its units over in batches (`UnitBatch`), so
/// that parsing and storing overlap (two cores: one parses, one stores). The queue between them is
/// bounded, so memory does not grow with the file; batches the consumer is done with go back to
/// the reading thread to be filled again (their memory is reused, and freed by the thread that
/// made it).
final class UnitPipe: @unchecked Sendable {
    // @unchecked: all mutable state is guarded by `condition`.
    private let condition = NSCondition()
    private var batches: [UnitBatch] = []
    private var spare: [UnitBatch] = []
    private var finished = false
    private var cancelled = false
    private var result: Result<([Diagnostic], TMXHeader?), Error>?
    /// The file's content hash and size, computed while it was read.
    private(set) var contentHash: (String, Int)?
    private let limit: Int
    static let batchSize = 512

    private let batchSize: Int

    init(limit: Int = 8, batchSize: Int = UnitPipe.batchSize) {
        self.limit = limit
        self.batchSize = batchSize
    }

    /// The reading thread's interner, handed over with the thread: used there while the file is
    /// read, and by the storing thread only after `outcome()` (the pipe's lock orders the two).
    private struct Handoff: @unchecked Sendable { let interner: KeyInterner? }

    /// How many batches must wait in the queue before the reading thread also computes the terms
    /// of the batches it queues (see `start`).
    static let shareAt = 2

    /// Starts reading `url` with `reader` on a new thread.
    ///
    /// With an `interner`, the work of computing index terms is shared: while the storing thread is
    /// behind (`shareAt` batches or more waiting), the reading thread computes the terms of the batches
    /// it queues, with this interner; otherwise it leaves them to the storing thread (`shareAt` and
    /// `batchSize` are there for tests). Whichever
    /// thread has time does the work, so both cores stay busy. (Stemming is left to the storing
    /// thread: a batch brings the words new to the interner.)
    static func start(_ reader: TMXReader, _ url: URL, interner: KeyInterner? = nil, shareAt: Int = UnitPipe.shareAt,
                      batchSize: Int = UnitPipe.batchSize) -> UnitPipe {
        let pipe = UnitPipe(batchSize: batchSize)
        let handoff = Handoff(interner: interner)
        let thread = Thread {
            var header: TMXHeader?
            var batch = UnitBatch(capacity: batchSize)
            let outcome: Result<([Diagnostic], TMXHeader?), Error>
            do {
                let issues = try reader.readUnits(url, header: { header = $0 }, contentHash: { pipe.contentHash = ($0, $1) }) { u in
                    batch.append(u)
                    if batch.count >= batchSize {
                        if let interner = handoff.interner, pipe.waiting >= shareAt { batch.computeTerms(interner) }
                        batch = try pipe.put(batch)
                    }
                }
                if !batch.isEmpty { _ = try pipe.put(batch) }
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

    /// How many batches are waiting for the consumer.
    var waiting: Int {
        condition.lock()
        defer { condition.unlock() }
        return batches.count
    }

    /// Queues `batch` (waiting while the queue is full); returns an empty batch to fill next.
    private func put(_ batch: UnitBatch) throws -> UnitBatch {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= limit && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        batches.append(batch)
        condition.broadcast()
        if var b = spare.popLast() {
            b.removeAll()
            return b
        }
        return UnitBatch(capacity: batchSize)
    }

    private func finish(_ r: Result<([Diagnostic], TMXHeader?), Error>) {
        condition.lock()
        result = r
        finished = true
        spare.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, or nil when the file is done.
    func next() -> UnitBatch? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if batches.isEmpty { return nil }
        let b = batches.removeFirst()
        condition.broadcast()
        return b
    }

    /// Gives a batch the consumer is done with back to the reading thread.
    func recycle(_ batch: consuming UnitBatch) {
        condition.lock()
        if !finished && spare.count < 2 { spare.append(batch) }
        condition.unlock()
    }

    /// Waits for the reader and returns its issues and header (or rethrows its error).
    func outcome() throws -> ([Diagnostic], TMXHeader?) {
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
