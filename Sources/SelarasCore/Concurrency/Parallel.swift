import Dispatch
import Foundation

/// Ordered parallel work: results come back in input order, whatever thread computed them.
public enum Parallel {
    /// The number of worker threads to use by default: one per core.
    public static var defaultWorkers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `transform` applied to every index in `0..<count`, spread over `workers` threads in chunks of
    /// about `chunk` indices (default: four chunks per worker). The result is in index order.
    /// `transform` runs concurrently with itself and must be safe to do so.
    public static func map<Result>(count: Int, workers: Int = defaultWorkers, chunk: Int? = nil,
                                   _ transform: (Int) -> Result) -> [Result] {
        guard count > 0 else { return [] }
        let workers = max(1, workers)
        if workers == 1 || count == 1 { return (0..<count).map(transform) }
        let size = max(1, chunk ?? (count + workers * 4 - 1) / (workers * 4))
        let chunks = (count + size - 1) / size
        let storage = UnsafeMutablePointer<Result>.allocate(capacity: count)
        defer { storage.deallocate() }
        // Each index is initialised by exactly one chunk; the pointer is shared, not the elements.
        let slots = UnsafeSlots(base: storage)
        withoutActuallyEscaping(transform) { transform in
            let work = UnsafeSendableClosure(transform)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in (c * size)..<min(count, (c + 1) * size) {
                    (slots.base + i).initialize(to: work.body(i))
                }
            }
        }
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: storage, count: count)
            initialized = count
        }
    }

    /// `transform` applied to every element of `items`, in parallel, results in order.
    public static func map<Element, Result>(_ items: [Element], workers: Int = defaultWorkers, chunk: Int? = nil,
                                            _ transform: (Element) -> Result) -> [Result] {
        items.withUnsafeBufferPointer { buffer in
            map(count: buffer.count, workers: workers, chunk: chunk) { transform(buffer[$0]) }
        }
    }

    /// Runs `body` for every index in `0..<count` on `workers` threads (no results).
    public static func forEach(count: Int, workers: Int = defaultWorkers, _ body: (Int) -> Void) {
        guard count > 0 else { return }
        if workers <= 1 || count == 1 { for i in 0..<count { body(i) }; return }
        withoutActuallyEscaping(body) { body in
            let work = UnsafeSendableClosure(body)
            DispatchQueue.concurrentPerform(iterations: count) { work.body($0) }
        }
    }
}

/// A pointer whose slots are each written by one thread (see `Parallel.map`).
private struct UnsafeSlots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}

/// A closure the caller promises is safe to run on several threads at once.
private struct UnsafeSendableClosure<Argument, Result>: @unchecked Sendable {
    let body: (Argument) -> Result
    init(_ body: @escaping (Argument) -> Result) { self.body = body }
}
