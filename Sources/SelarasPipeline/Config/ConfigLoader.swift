import Foundation
import SelarasCore
import Yams

/// Reads and validates a pipeline config before any article is read.
///
/// Every problem is collected (not just the first), each a `Diagnostic` with file, line and column:
/// unknown keys with the nearest valid key; values of the wrong type with what was expected; missing
/// files by path; unknown stages; stage orders that cannot work (a stage that needs a layer no
/// earlier stage provides); and each stage's own cross-option checks. The tables come from the
/// declarations: the config's own keys (`PipelineSettings`, `LanguageSettings`), each resource's
/// `Options` under `resources:`, and each stage's `Options`.
public struct ConfigLoader: Sendable {
    /// The stages a config may name (and through them, the resources).
    public var registry: StageRegistry
    /// Whether inputs named in the config must exist (false when `--input` replaces them).
    public var checkInputs: Bool

    public init(registry: StageRegistry = .standard, checkInputs: Bool = true) {
        self.registry = registry
        self.checkInputs = checkInputs
    }

    /// Loads `url`; throws `Diagnostics` listing every problem found, in file order.
    public func load(_ url: URL) throws(Diagnostics) -> PipelineConfig {
        let path = url.path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostics([.error(.configUnreadable, at: SourceLocation(file: path), "cannot read the config file")])
        }
        return try load(data: data, url: url)
    }

    /// Validates the config text `data` as if read from `url` (which names the file in messages
    /// and resolves relative paths). Same contract as `load(_:)`.
    public func load(data: Data, url: URL) throws(Diagnostics) -> PipelineConfig {
        let path = url.path
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw Diagnostics([.error(.configUnreadable, at: SourceLocation(file: path), "the config file is not UTF-8 text")])
        }
        if let problem = YAMLShapeCheck.firstProblem(in: yaml) {
            throw Diagnostics([.error(.configSyntax, at: SourceLocation(file: path, line: problem.line, column: problem.column),
                                      "YAML: \(problem.message)")])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Diagnostics([Self.syntaxError(error, file: path)])
        } catch {
            throw Diagnostics([.error(.configSyntax, at: SourceLocation(file: path), "YAML: \(error)")])
        }
        var fp = Fingerprint()
        fp.combine(data)
        fp.combine(SelarasInfo.version)
        var problems: [Diagnostic] = []
        let context = SettingContext(file: path, directory: url.deletingLastPathComponent())
        let config = validate(root, url: url, fingerprint: fp.hex, context, &problems)
        if !problems.isEmpty {
            throw Diagnostics(problems.enumerated().sorted {
                ($0.element.line ?? 0, $0.element.location?.column ?? 0, $0.offset)
                    < ($1.element.line ?? 0, $1.element.location?.column ?? 0, $1.offset)
            }.map(\.element))
        }
        return config!
    }

    static func syntaxError(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let ctx = context.map { "\($0.text) " } ?? ""
            return .error(.configSyntax, at: SourceLocation(file: file, line: mark.line, column: mark.column), "YAML syntax: \(ctx)\(problem)")
        default:
            return .error(.configSyntax, at: SourceLocation(file: file), "YAML syntax: \(error)")
        }
    }

    /// The keys of `resources:`, each resource's group; keys in several groups must be declared alike.
    var resourceKeys: [String] {
        var seen: [String] = []
        for r in registry.resources { for d in r.optionDeclarations where !seen.contains(d.key) { seen.append(d.key) } }
        return seen
    }

    private func validate(_ root: Node?, url: URL, fingerprint: String, _ context: SettingContext,
                          _ problems: inout [Diagnostic]) -> PipelineConfig? {
        guard let root else {
            problems.append(.error(.configMissingKey, at: SourceLocation(file: context.file), "the config is empty; it needs at least a 'stages' list"))
            return nil
        }
        let sections = ["languages", "resources", "stages"]
        let topKeys = PipelineSettings.declarations.map(\.key)
        let found = SettingsCoder.keys(of: root, valid: topKeys + sections, context, in: "the config", problems: &problems)
        guard root.mapping != nil else { return nil }
        let top = SettingsCoder.decode(PipelineSettings.self, values: found, context, name: { "'\($0)'" }, problems: &problems)
        let languages = SettingsCoder.decode(LanguageSettings.self, from: found["languages"], context, in: "languages",
                                             name: { "languages.\($0)" }, problems: &problems)

        var resources = ResourceOptions()
        let resourceValues = found["resources"].map {
            SettingsCoder.keys(of: $0, valid: resourceKeys, context, in: "resources", problems: &problems)
        } ?? [:]
        for r in registry.resources {
            resources.set(r.decodeOptions(resourceValues, context, problems: &problems), for: r)
        }

        let inputs = top.inputs.map(\.path)
        if checkInputs, let n = found["inputs"] {
            let nodes = n.sequence.map(Array.init) ?? [n]
            for (path, node) in zip(inputs, nodes) where !InputResolver.isGlob(path) {
                if !FileManager.default.fileExists(atPath: path) {
                    problems.append(.error(.configMissingFile, at: context.location(node), "inputs: not found: \(path)"))
                }
            }
        }

        let stages = validateStages(found["stages"], root: root, context, &problems)
        return PipelineConfig(
            url: url, version: top.version, name: top.name ?? url.deletingPathExtension().lastPathComponent,
            description: top.description, sourceLanguage: languages.source, targetLanguage: languages.target,
            inputs: inputs, output: top.output.url(relativeTo: context.directory), jobs: top.jobs == 0 ? nil : top.jobs,
            maxArticleBytes: top.maxArticleBytes, resources: resources, stages: stages, fingerprint: fingerprint)
    }

    private func validateStages(_ node: Node?, root: Node, _ context: SettingContext, _ problems: inout [Diagnostic]) -> [StageConfig] {
        guard let node else {
            problems.append(.error(.configMissingKey, at: context.location(root),
                                   "the config has no 'stages' list; add one, e.g. stages: [segment, match, write]"))
            return []
        }
        guard let seq = node.sequence else {
            problems.append(.error(.configWrongType, at: context.location(node), "'stages' must be a list of stages, found \(context.describe(node))"))
            return []
        }
        let names = registry.names
        var stages: [StageConfig] = []
        var seen: [String: SourceLocation] = [:]
        for item in seq {
            var nameNode = item
            var optionNode: Node?
            if let m = item.mapping {
                guard m.count == 1, let (k, v) = m.first.map({ ($0.key, $0.value) }) else {
                    problems.append(.error(.configWrongType, at: context.location(item),
                                           "each stage is a name or a mapping of one name to its options, e.g. '- match: {threshold: 80}'"))
                    continue
                }
                nameNode = k
                optionNode = v
            }
            guard let name = nameNode.scalar?.string else {
                problems.append(.error(.configWrongType, at: context.location(item),
                                       "each stage is a name or a mapping of one name to its options, found \(context.describe(item))"))
                continue
            }
            guard let type = registry.stage(named: name) else {
                problems.append(.error(.configUnknownStage, at: context.location(nameNode),
                                       "unknown stage '\(name)'\(Suggestion.hint(for: name, in: names)) (stages: \(names.joined(separator: ", ")))"))
                continue
            }
            let location = context.location(nameNode)
            if let first = seen[name] {
                problems.append(.error(.configInvalidValue, at: location, "stage '\(name)' appears twice (first at line \(first.line ?? 0))"))
                continue
            }
            seen[name] = location
            let before = problems.count
            var values: [String: Node] = [:]
            if let optionNode, !context.isNull(optionNode) {
                values = SettingsCoder.keys(of: optionNode, valid: type.optionDeclarations.map(\.key), forbidden: type.forbiddenOptionKeys,
                                            context, in: "stage '\(name)'", problems: &problems)
            }
            let options = type.decodeOptions(values, context, problems: &problems)
            if problems.count == before {
                for var d in type.check(erased: options) {
                    if d.location == nil { d.location = location }
                    if !d.message.hasPrefix("stage '") { d.message = "stage '\(name)': \(d.message)" }
                    problems.append(d)
                }
            }
            stages.append(StageConfig(type: type, options: options, location: location))
        }
        if seq.isEmpty { problems.append(.error(.configMissingKey, at: context.location(node), "'stages' is empty; name at least one stage")) }
        checkOrder(stages, &problems)
        return stages
    }

    /// Every stage's `requires` must be provided by a stage before it.
    private func checkOrder(_ stages: [StageConfig], _ problems: inout [Diagnostic]) {
        var available: Set<LayerID> = [.article]
        for (i, stage) in stages.enumerated() {
            for layer in stage.type.requiredLayers.subtracting(available).sorted() {
                let later = stages[(i + 1)...].first { $0.type.providedLayers.contains(layer) }
                let provider = registry.all.first { $0.providedLayers.contains(layer) }?.name ?? "?"
                let message: String
                if let later {
                    message = "stage '\(stage.name)' needs \(layer), which stage '\(later.name)' provides, but '\(later.name)' comes after it (line \(later.location.line ?? 0)); move '\(later.name)' before '\(stage.name)'"
                } else {
                    message = "stage '\(stage.name)' needs \(layer); add the '\(provider)' stage before it"
                }
                problems.append(.error(.configStageOrder, at: stage.location, message))
            }
            available.formUnion(stage.type.providedLayers)
        }
    }
}
