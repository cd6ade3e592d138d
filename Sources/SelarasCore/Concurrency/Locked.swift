import Synchronization

/// A value shared between threads, reached only under its lock.
///
/// The one lock type of Selaras (a `Synchronization.Mutex` inside a class, so it can be shared by
/// reference): `withLock` for read-modify-write, `value` for a snapshot.
public final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    public init(_ value: Value) { mutex = Mutex(value) }

    /// Runs `body` with the value, holding the lock; keep `body` short and never block in it.
    public func withLock<Result: Sendable, E: Error>(_ body: (inout Value) throws(E) -> Result) throws(E) -> Result {
        try mutex.withLock { (value: inout sending Value) throws(E) -> sending Result in try body(&value) }
    }

    /// A copy of the value.
    public var value: Value {
        mutex.withLock { $0 }
    }

    /// Replaces the value.
    public func set(_ newValue: Value) {
        mutex.withLock { $0 = newValue }
    }
}

extension Locked where Value: AdditiveArithmetic {
    /// Adds `delta` and returns the new value.
    @discardableResult
    public func add(_ delta: Value) -> Value {
        mutex.withLock { (v: inout sending Value) -> sending Value in
            v += delta
            return v
        }
    }
}
