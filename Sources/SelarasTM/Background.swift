import Foundation

/// A computation running on a thread of its own; `value` waits for its result.
final class Background<T: Sendable>: @unchecked Sendable {
    // @unchecked: `result` is written once by the thread and read after `done`, under `condition`.
    private let condition = NSCondition()
    private var result: T?

    init(_ work: @escaping @Sendable () -> T) {
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

    var value: T {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }
}
