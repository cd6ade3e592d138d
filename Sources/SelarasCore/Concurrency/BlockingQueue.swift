import Foundation

/// A bounded first-in, first-out queue between threads: `put` waits while it is full, `take` while it
/// is empty. Used for reader → worker → writer pipelines, where the bound keeps memory flat (a taken
/// element is released at once; the queue holds at most `capacity`).
public final class BlockingQueue<Element>: @unchecked Sendable {
    // @unchecked: `ring`, `head` and `count` are only touched while `condition` is locked.
    private var ring: [Element?]
    private var head = 0
    private var count = 0
    private let condition = NSCondition()

    public init(capacity: Int) {
        precondition(capacity > 0, "a queue holds at least one element")
        ring = Array(repeating: nil, count: capacity)
    }

    public func put(_ item: Element) {
        condition.lock()
        while count == ring.count { condition.wait() }
        ring[(head + count) % ring.count] = item
        count += 1
        condition.broadcast()
        condition.unlock()
    }

    public func take() -> Element {
        condition.lock()
        while count == 0 { condition.wait() }
        let item = ring[head].take()!
        head = (head + 1) % ring.count
        count -= 1
        condition.broadcast()
        condition.unlock()
        return item
    }
}
