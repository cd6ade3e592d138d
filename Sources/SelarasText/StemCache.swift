import SelarasCore

/// A bounded, thread-safe memo of stems.
final class StemCache: Sendable {
    static let shared = StemCache()
    private let map = Locked<[String: String]>([:])
    private let limit = 500_000

    func get(_ key: String) -> String? {
        map.withLock { $0[key] }
    }

    func set(_ key: String, _ value: String) {
        let limit = self.limit
        map.withLock { m in
            if m.count >= limit { m.removeAll(keepingCapacity: true) }
            m[key] = value
        }
    }
}
