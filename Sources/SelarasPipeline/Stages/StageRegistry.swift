/// The stages a config may name: a plain table, in the order a full pipeline runs them.
public struct StageRegistry: Sendable {
    public let all: [any Stage.Type]

    public init(_ all: [any Stage.Type]) {
        self.all = all
    }

    public static let standard = StageRegistry([
        SegmentStage.self, TermsStage.self, MatchStage.self, SummarizeStage.self, TranslateStage.self, WriteStage.self,
    ])

    public var names: [String] { all.map { $0.name } }

    public func stage(named name: String) -> (any Stage.Type)? {
        all.first { $0.name == name }
    }
}
