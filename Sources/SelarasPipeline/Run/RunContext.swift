import Foundation
import SelarasCore

/// What the stages of one run share: the config, the output folder, the date, and the resources,
/// each loaded once on first use (`resource(_:)`): a TM or glossary is read once per run, not once
/// per article, whichever stage asks first.
public final class RunContext: Sendable {
    public let config: PipelineConfig
    public let output: URL
    /// Fixed timestamp for the whole run.
    public let date: Date
    private let warningList = Locked<[String]>([])
    private let loaded = Locked<[ObjectIdentifier: any Sendable]>([:])
    /// Held while a resource loads, so two stages never load one twice (recursive: a resource may
    /// load its dependencies).
    private let loading = NSRecursiveLock()
    private let onWarning: @Sendable (String) -> Void

    public init(config: PipelineConfig, output: URL, date: Date = Date(), onWarning: @escaping @Sendable (String) -> Void = { _ in }) {
        self.config = config
        self.output = output
        self.date = date
        self.onWarning = onWarning
    }

    /// Reports a non-fatal problem found while preparing or running the pipeline.
    public func warn(_ message: String) {
        warningList.withLock { $0.append(message) }
        onWarning(message)
    }

    public var warnings: [String] { warningList.value }

    /// The resource, loaded on first call (with the config's `resources:` settings).
    public func resource<R: Resource>(_ type: R.Type) throws -> R {
        let id = ObjectIdentifier(R.self)
        if let r = loaded.withLock({ $0[id] }) as? R { return r }
        loading.lock()
        defer { loading.unlock() }
        if let r = loaded.withLock({ $0[id] }) as? R { return r }
        let value = try R.load(options(of: R.self), context: self)
        loaded.withLock { $0[id] = value }
        return value
    }

    /// The config's settings for a resource (its defaults when the config's registry did not know it).
    public func options<R: Resource>(of type: R.Type) -> R.Options {
        config.resources[R.self]
    }

    /// The skip-fingerprint lines of a resource and everything it depends on, each resource once.
    public func fingerprint(of resources: [any Resource.Type]) -> [String] {
        var out: [String] = []
        var seen = Set<ObjectIdentifier>()
        func visit(_ r: any Resource.Type) {
            guard seen.insert(ObjectIdentifier(r)).inserted else { return }
            for d in r.dependencies { visit(d) }
            out += r.ownFingerprint(self)
        }
        for r in resources { visit(r) }
        return out
    }
}
