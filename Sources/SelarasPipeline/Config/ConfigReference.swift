/// The config reference (every key and stage option with its type, default and doc) as Markdown,
/// generated from the same declarations validation uses, so the docs cannot drift from the behaviour.
public enum ConfigReference {
    public static func markdown(registry: StageRegistry = .standard) -> String {
        var top = PipelineSettings.declarations
        func section(_ key: String, _ doc: String, _ expected: String) -> SettingDeclaration {
            SettingDeclaration(key: key, property: key, expected: expected, defaultValue: nil, doc: doc)
        }
        // The sections in the order the file usually has them.
        top.insert(section("languages", PipelineSections.languages, "a mapping"), at: 3)
        top.insert(section("resources", PipelineSections.resources, "a mapping"), at: 7)
        top.append(section("stages", PipelineSections.stages, "a list of stages"))
        var out = "### Top-level keys\n\n" + table(top)
        out += "\n### `languages`\n\n" + table(LanguageSettings.declarations)
        var resources: [SettingDeclaration] = []
        for r in registry.resources {
            for d in r.optionDeclarations where !resources.contains(where: { $0.key == d.key }) { resources.append(d) }
        }
        out += "\n### `resources`\n\n" + table(resources)
        out += "\n### Stages\n\nEach entry of `stages` is a stage name, or a mapping of one name to its options.\n"
        for stage in registry.all {
            let requires = stage.requiredLayers.subtracting([.article]).sorted().map(\.name)
            out += "\n#### `\(stage.name)`\n\n\(stage.doc)"
            out += " Needs: \(requires.isEmpty ? "the article" : requires.joined(separator: ", "))."
            let provides = stage.providedLayers.sorted().map(\.name)
            if !provides.isEmpty { out += " Adds: \(provides.joined(separator: ", "))." }
            let reads = stage.resources.map { $0.name }
            if !reads.isEmpty { out += " Reads: \(reads.joined(separator: ", "))." }
            let options = stage.optionDeclarations
            out += "\n\n" + (options.isEmpty ? "No options.\n" : table(options))
        }
        return out
    }

    static func table(_ declarations: [SettingDeclaration]) -> String {
        var out = "| key | type | default | what it does |\n|---|---|---|---|\n"
        for d in declarations {
            let def = d.defaultValue.map { "`\($0)`" } ?? "—"
            out += "| `\(d.key)` | \(d.expected) | \(def) | \(d.doc) |\n"
        }
        return out
    }
}
