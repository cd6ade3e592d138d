import Foundation

/// A computation running on a thread of its own; `value` waits for its result (computed once).
public final class Future<T: Sendable>: @unchecked Sendable {
    // @unchecked: `result` is written once by the thread and read after, under `condition`.
    private let condition = NSCondition()
    private var result: T?

    /// Starts `work` now, on a new thread with a 4 MiB stack.
    public init(_ work: @escaping @Sendable () -> T) {
        let thread = Thread { [self] in
            let r = work()
            condition.lock()
            result = r
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// The result, waiting for it if the work is not done.
    public var value: T {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }
}
