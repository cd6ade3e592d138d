import Foundation
import SelarasCore
import Yams

/// Reads and validates a pipeline config before any article is read.
///
/// Every problem is collected (not just the first): unknown keys with their line, column and the
/// nearest valid key; values of the wrong type with what was expected; missing files by path;
/// unknown stages; and stage orders that cannot work (a stage that needs a layer no earlier stage
/// provides).
public struct ConfigLoader: Sendable {
    /// The stages a config may name.
    public var registry: StageRegistry
    /// Whether inputs named in the config must exist (false when `--input` replaces them).
    public var checkInputs: Bool

    public init(registry: StageRegistry = .standard, checkInputs: Bool = true) {
        self.registry = registry
        self.checkInputs = checkInputs
    }

    /// Loads `url`; throws `ConfigErrors` listing every problem found.
    public func load(_ url: URL) throws -> PipelineConfig {
        let path = url.path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigErrors([ConfigError(.unreadable, at: SourceLocation(file: path), "cannot read the config file")])
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw ConfigErrors([ConfigError(.unreadable, at: SourceLocation(file: path), "the config file is not UTF-8 text")])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ConfigErrors([Self.syntaxError(error, file: path)])
        }
        var fp = Fingerprint()
        fp.combine(data)
        fp.combine(SelarasInfo.version)
        var v = Validator(file: path, directory: url.deletingLastPathComponent(), registry: registry, checkInputs: checkInputs)
        let config = v.validate(root, url: url, fingerprint: fp.hex)
        if !v.errors.isEmpty {
            let sorted = v.errors.enumerated().sorted {
                ($0.element.location.line ?? 0, $0.element.location.column ?? 0, $0.offset)
                    < ($1.element.location.line ?? 0, $1.element.location.column ?? 0, $1.offset)
            }
            throw ConfigErrors(sorted.map(\.element))
        }
        return config!
    }

    static func syntaxError(_ error: YamlError, file: String) -> ConfigError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            let ctx = context.map { "\($0.text) " } ?? ""
            return ConfigError(.syntax, at: SourceLocation(file: file, line: mark.line, column: mark.column),
                               "YAML syntax: \(ctx)\(problem)")
        case let .composer(context, problem, mark, _):
            let ctx = context.map { "\($0.text) " } ?? ""
            return ConfigError(.syntax, at: SourceLocation(file: file, line: mark.line, column: mark.column),
                               "YAML syntax: \(ctx)\(problem)")
        default:
            return ConfigError(.syntax, at: SourceLocation(file: file), "YAML syntax: \(error)")
        }
    }
}

/// Walks the YAML node tree against the schema tables, collecting errors.
private struct Validator {
    let file: String
    let directory: URL
    let registry: StageRegistry
    let checkInputs: Bool
    var errors: [ConfigError] = []

    init(file: String, directory: URL, registry: StageRegistry, checkInputs: Bool) {
        self.file = file
        self.directory = directory
        self.registry = registry
        self.checkInputs = checkInputs
    }

    func location(_ node: Node?) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line, column: node?.mark?.column)
    }

    mutating func fail(_ kind: ConfigError.Kind, _ node: Node?, _ message: String) {
        errors.append(ConfigError(kind, at: location(node), message))
    }

    /// Checks a mapping's keys against `specs`, returning key → value node for the known ones.
    mutating func keys(of node: Node, specs: [OptionSpec], context: String) -> [String: Node] {
        guard let mapping = node.mapping else {
            fail(.wrongType, node, "\(context) must be a mapping of keys to values, found \(describe(node))")
            return [:]
        }
        let names = specs.map(\.name)
        var out: [String: Node] = [:]
        for (k, value) in mapping {
            guard let key = k.string else {
                fail(.wrongType, k, "\(context): keys must be strings"); continue
            }
            if names.contains(key) {
                if out[key] != nil { fail(.invalidValue, k, "\(context): '\(key)' is given twice") }
                out[key] = value
            } else {
                let valid = names.joined(separator: ", ")
                fail(.unknownKey, k, "unknown key '\(key)' in \(context)\(Suggestion.hint(for: key, in: names)) (valid keys: \(valid))")
            }
        }
        return out
    }

    /// Validates one value against its spec; nil (with an error recorded) when it does not fit.
    mutating func value(_ node: Node, _ spec: OptionSpec, context: String) -> OptionValue? {
        let what = context.hasPrefix("stage") ? "option '\(spec.name)' of \(context)"
            : context == "config" ? "'\(spec.name)'" : "\(context).\(spec.name)"
        func wrong() -> OptionValue? {
            fail(.wrongType, node, "\(what) must be \(spec.kind.expected), found \(describe(node))")
            return nil
        }
        switch spec.kind {
        case let .int(range):
            guard let s = node.scalar, s.style == .plain, let i = Int(s.string) else { return wrong() }
            guard range.contains(i) else { return wrong() }
            return .int(i)
        case let .double(range):
            guard let s = node.scalar, s.style == .plain, let d = Double(s.string) else { return wrong() }
            guard range.contains(d) else { return wrong() }
            return .double(d)
        case .bool:
            guard let s = node.scalar, s.style == .plain else { return wrong() }
            switch s.string.lowercased() {
            case "true", "yes", "on": return .bool(true)
            case "false", "no", "off": return .bool(false)
            default: return wrong()
            }
        case .string:
            guard let s = node.scalar else { return wrong() }
            return .string(s.string)
        case let .choice(options):
            guard let s = node.scalar else { return wrong() }
            guard options.contains(s.string) else {
                fail(.invalidValue, node, "\(what): '\(s.string)' is not one of \(options.joined(separator: ", "))\(Suggestion.hint(for: s.string, in: options))")
                return nil
            }
            return .string(s.string)
        case let .choices(options):
            let items: [Node]
            if let seq = node.sequence { items = Array(seq) } else if node.scalar != nil { items = [node] } else { return wrong() }
            var out: [String] = []
            for item in items {
                guard let s = item.scalar else {
                    fail(.wrongType, item, "\(what) items must be strings, found \(describe(item))"); continue
                }
                if options.contains(s.string) {
                    out.append(s.string)
                } else {
                    fail(.invalidValue, item, "\(what): '\(s.string)' is not one of \(options.joined(separator: ", "))\(Suggestion.hint(for: s.string, in: options))")
                }
            }
            return .list(out)
        case let .path(mustExist):
            guard let s = node.scalar, !s.string.isEmpty else { return wrong() }
            let url = resolve(s.string)
            if mustExist, !FileManager.default.fileExists(atPath: url.path) {
                fail(.missingFile, node, "\(what): file not found: \(url.path)")
            }
            return .url(url)
        case let .paths(mustExist):
            let items: [Node]
            if let seq = node.sequence { items = Array(seq) } else if node.scalar != nil { items = [node] } else { return wrong() }
            var out: [URL] = []
            for item in items {
                guard let s = item.scalar, !s.string.isEmpty else {
                    fail(.wrongType, item, "\(what) items must be paths (strings), found \(describe(item))"); continue
                }
                let url = resolve(s.string)
                if mustExist, !FileManager.default.fileExists(atPath: url.path) {
                    fail(.missingFile, item, "\(what): file not found: \(url.path)")
                }
                out.append(url)
            }
            return .urls(out)
        case .mapping, .stageList:
            return nil  // validated by their own tables
        }
    }

    func resolve(_ path: String) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL }
        return directory.appendingPathComponent(expanded).standardizedFileURL
    }

    func describe(_ node: Node) -> String {
        switch node {
        case let .scalar(s):
            if s.style != .plain { return "the string \"\(s.string)\"" }
            if Int(s.string) != nil { return "the integer \(s.string)" }
            if Double(s.string) != nil { return "the number \(s.string)" }
            if ["true", "false", "yes", "no"].contains(s.string.lowercased()) { return "the boolean \(s.string)" }
            if s.string.isEmpty || s.string == "~" || s.string == "null" { return "nothing (null)" }
            return "the string \"\(s.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// Options of a mapping, with defaults filled in.
    mutating func options(_ node: Node?, specs: [OptionSpec], context: String) -> StageOptions {
        guard let node else { return StageOptions.withDefaults(specs) }
        if let s = node.scalar, s.string.isEmpty || s.string == "~" || s.string == "null" {
            return StageOptions.withDefaults(specs)
        }
        let found = keys(of: node, specs: specs, context: context)
        var values: [String: OptionValue] = [:]
        for spec in specs {
            if let n = found[spec.name], let v = value(n, spec, context: context) { values[spec.name] = v }
        }
        return StageOptions.withDefaults(specs, values: values)
    }

    mutating func validate(_ root: Node?, url: URL, fingerprint: String) -> PipelineConfig? {
        guard let root else {
            fail(.missingKey, nil, "the config is empty; it needs at least a 'stages' list")
            return nil
        }
        let found = keys(of: root, specs: ConfigSchema.topLevel, context: "the config")
        guard root.mapping != nil else { return nil }
        var top: [String: OptionValue] = [:]
        for spec in ConfigSchema.topLevel where !["languages", "resources", "stages"].contains(spec.name) {
            if let n = found[spec.name], let v = value(n, spec, context: "config") { top[spec.name] = v }
        }
        let t = StageOptions.withDefaults(ConfigSchema.topLevel, values: top)
        let langs = options(found["languages"], specs: ConfigSchema.languages, context: "languages")
        let res = options(found["resources"], specs: ConfigSchema.resources, context: "resources")

        let inputs = (t.urls("inputs") ?? []).map(\.path)
        if checkInputs, let n = found["inputs"] {
            let nodes = n.sequence.map(Array.init) ?? [n]
            for (path, node) in zip(inputs, nodes) where !InputResolver.isGlob(path) {
                if !FileManager.default.fileExists(atPath: path) {
                    fail(.missingFile, node, "inputs: not found: \(path)")
                }
            }
        }

        let stages = validateStages(found["stages"], root: root)
        let output: URL
        if let u = t.url("output") { output = u } else { output = resolve(t.string("output") ?? "out") }
        let jobs = t.int("jobs") ?? 0
        return PipelineConfig(
            url: url, version: t.int("version") ?? 1,
            name: t.string("name") ?? url.deletingPathExtension().lastPathComponent,
            description: t.string("description"),
            sourceLanguage: langs.string("source") ?? "id", targetLanguage: langs.string("target") ?? "en",
            inputs: inputs, output: output, jobs: jobs == 0 ? nil : jobs,
            translationMemories: res.urls("translation_memories") ?? [], glossaries: res.urls("glossaries") ?? [],
            tmStore: res.url("tm_store"), stages: stages, fingerprint: fingerprint)
    }

    mutating func validateStages(_ node: Node?, root: Node) -> [StageConfig] {
        guard let node else {
            fail(.missingKey, root, "the config has no 'stages' list; add one, e.g. stages: [segment, match, write]")
            return []
        }
        guard let seq = node.sequence else {
            fail(.wrongType, node, "'stages' must be a list of stages, found \(describe(node))")
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
                    fail(.wrongType, item, "each stage is a name or a mapping of one name to its options, e.g. '- match: {threshold: 80}'")
                    continue
                }
                nameNode = k
                optionNode = v
            }
            guard let name = nameNode.scalar?.string, nameNode.scalar != nil else {
                fail(.wrongType, item, "each stage is a name or a mapping of one name to its options, found \(describe(item))")
                continue
            }
            guard let type = registry.stage(named: name) else {
                fail(.unknownStage, nameNode, "unknown stage '\(name)'\(Suggestion.hint(for: name, in: names)) (stages: \(names.joined(separator: ", ")))")
                continue
            }
            if let first = seen[name] {
                fail(.invalidValue, nameNode, "stage '\(name)' appears twice (first at line \(first.line ?? 0))")
                continue
            }
            let loc = location(nameNode)
            seen[name] = loc
            let errorCount = errors.count
            let opts = options(optionNode, specs: type.options, context: "stage '\(name)'")
            if errors.count == errorCount {
                for message in type.check(opts) { fail(.invalidValue, nameNode, "stage '\(name)': \(message)") }
            }
            stages.append(StageConfig(name: name, options: opts, location: loc))
        }
        if seq.isEmpty { fail(.missingKey, node, "'stages' is empty; name at least one stage") }
        checkOrder(stages)
        return stages
    }

    /// Every stage's `requires` must be provided by a stage before it.
    mutating func checkOrder(_ stages: [StageConfig]) {
        var available: Set<Layer> = [.article]
        for (i, stage) in stages.enumerated() {
            guard let type = registry.stage(named: stage.name) else { continue }
            for layer in type.requires.subtracting(available).sorted() {
                let later = stages[(i + 1)...].first { registry.stage(named: $0.name)?.provides.contains(layer) ?? false }
                let provider = registry.all.first { $0.provides.contains(layer) }?.name ?? "?"
                let message: String
                if let later {
                    message = "stage '\(stage.name)' needs \(layer.rawValue), which stage '\(later.name)' provides, but '\(later.name)' comes after it (line \(later.location.line ?? 0)); move '\(later.name)' before '\(stage.name)'"
                } else {
                    message = "stage '\(stage.name)' needs \(layer.rawValue); add the '\(provider)' stage before it"
                }
                errors.append(ConfigError(.stageOrder, at: stage.location, message))
            }
            available.formUnion(type.provides)
        }
    }
}
