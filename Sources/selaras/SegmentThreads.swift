import Foundation

/// A bounded first-in, first-out queue between threads; `put` waits while it is full, `take`
/// while it is empty.
final class BlockingQueue<T>: @unchecked Sendable {
    private var items: [T] = []
    private let condition = NSCondition()
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func put(_ item: T) {
        condition.lock()
        while items.count >= capacity { condition.wait() }
        items.append(item)
        condition.broadcast()
        condition.unlock()
    }

    func take() -> T {
        condition.lock()
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        condition.broadcast()
        condition.unlock()
        return item
    }
}

/// A value handed from one thread to another (written by one, read after it is done).
final class Shared<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T

    init(_ value: T) { stored = value }

    var value: T {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}

/// One result per slice, written by the thread that computed it.
final class ResultSlots: @unchecked Sendable {
    private var slots: [LineBatch.Result]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: LineBatch.Result(), count: count) }

    func store(_ k: Int, _ r: LineBatch.Result) {
        lock.lock(); defer { lock.unlock() }
        slots[k] = r
    }

    func all() -> [LineBatch.Result] {
        lock.lock(); defer { lock.unlock() }
        return slots
    }
}
