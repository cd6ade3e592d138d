/// The config reference (every key and stage option with its type, default and doc) as Markdown,
/// generated from the same tables validation uses, so the docs cannot drift from the behaviour.
public enum ConfigReference {
    public static func markdown(registry: StageRegistry = .standard) -> String {
        var out = "### Top-level keys\n\n" + table(ConfigSchema.topLevel)
        out += "\n### `languages`\n\n" + table(ConfigSchema.languages)
        out += "\n### `resources`\n\n" + table(ConfigSchema.resources)
        out += "\n### Stages\n\nEach entry of `stages` is a stage name, or a mapping of one name to its options.\n"
        for stage in registry.all {
            let requires = stage.requires.subtracting([.article]).sorted().map(\.rawValue)
            out += "\n#### `\(stage.name)`\n\n\(stage.doc)"
            out += " Needs: \(requires.isEmpty ? "the article" : requires.joined(separator: ", "))."
            let provides = stage.provides.sorted().map(\.rawValue)
            if !provides.isEmpty { out += " Adds: \(provides.joined(separator: ", "))." }
            out += "\n\n" + (stage.options.isEmpty ? "No options.\n" : table(stage.options))
        }
        return out
    }

    static func table(_ specs: [OptionSpec]) -> String {
        var out = "| key | type | default | what it does |\n|---|---|---|---|\n"
        for s in specs {
            let def = s.defaultValue.map { "`\(display($0))`" } ?? "—"
            out += "| `\(s.name)` | \(s.kind.expected) | \(def) | \(s.doc) |\n"
        }
        return out
    }

    static func display(_ v: OptionValue) -> String {
        switch v {
        case let .urls(u): return u.isEmpty ? "[]" : v.description
        default: return v.description
        }
    }
}
