import SelarasCore

/// The stages a config may name: a plain table, in the order a full pipeline runs them.
public struct StageRegistry: Sendable {
    public let all: [any Stage.Type]

    public init(_ all: [any Stage.Type]) {
        self.all = all
    }

    public static let standard = StageRegistry([
        SegmentStage.self, TermsStage.self, AlignStage.self, MatchStage.self, SummarizeStage.self, TranslateStage.self, WriteStage.self,
    ])

    /// This registry with more stages after its own.
    public func adding(_ more: [any Stage.Type]) -> StageRegistry {
        StageRegistry(all + more)
    }

    public var names: [String] { all.map { $0.name } }

    public func stage(named name: String) -> (any Stage.Type)? {
        all.first { $0.name == name }
    }

    /// Every resource the stages read, with their dependencies, each once, in first-use order.
    public var resources: [any Resource.Type] {
        var out: [any Resource.Type] = []
        var seen = Set<ObjectIdentifier>()
        func visit(_ r: any Resource.Type) {
            guard seen.insert(ObjectIdentifier(r)).inserted else { return }
            for d in r.dependencies { visit(d) }
            out.append(r)
        }
        for r in Self.runResources { visit(r) }
        for stage in all { for r in stage.resources { visit(r) } }
        return out
    }

    /// Resources the run itself reads (the page extractor, used when articles are read).
    public static let runResources: [any Resource.Type] = [PageResource.self]

    /// Every layer key a stage provides (the typed layers of a JSON document).
    public var layerKeys: [any LayerKey.Type] {
        var out: [any LayerKey.Type] = []
        var seen = Set<String>()
        for stage in all { for k in stage.provides where seen.insert(k.name).inserted { out.append(k) } }
        return out
    }
}
