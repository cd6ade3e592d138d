import Foundation

/// A bounded, thread-safe memo of stems.
final class StemCache: @unchecked Sendable {
    static let shared = StemCache()
    private var map: [String: String] = [:]
    private let lock = NSLock()
    private let limit = 500_000

    func get(_ key: String) -> String? {
        lock.lock(); defer { lock.unlock() }
        return map[key]
    }

    func set(_ key: String, _ value: String) {
        lock.lock(); defer { lock.unlock() }
        if map.count >= limit { map.removeAll(keepingCapacity: true) }
        map[key] = value
    }
}
