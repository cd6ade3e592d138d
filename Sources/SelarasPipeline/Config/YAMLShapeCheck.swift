// CYaml is the libyaml that Yams builds and parses with (Yams is pinned exactly in Package.swift);
// its event parser is read here directly, before Yams composes the document.
internal import CYaml

/// Refuses, before Yams composes a config, the one YAML shape that Yams cannot compose in bounded
/// time: a mapping key that is itself a sequence or mapping (a "complex key", `? {a: b}: c` or
/// `[a]: b`). Yams checks every mapping for duplicate keys by hashing and then sorting them, and
/// its ordering of mappings compares pairs twice per level (`<`, then `>`), so duplicated complex
/// keys nested a few dozen deep take time exponential in the depth: a 2.7 KB file found by the
/// `yaml` fuzz target ran for minutes. A pipeline config's keys are plain names, so nothing a
/// config can mean is lost.
///
/// The check reads libyaml's events (no tree is built) and stops at the first complex key; a
/// syntax error ends it silently, and Yams then reports that error with its place.
enum YAMLShapeCheck {
    /// A complex key and its place (1-based line and column).
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// The first complex mapping key in `yaml`, or nil when it has none (or is not valid YAML).
    static func firstProblem(in yaml: String) -> Problem? {
        let bytes = Array(yaml.utf8)
        if bytes.isEmpty { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer -> Problem? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            // One entry per open collection: for a mapping, whether its next node is a key.
            var open: [(mapping: Bool, expectKey: Bool)] = []
            func completed() {
                if let last = open.indices.last, open[last].mapping { open[last].expectKey.toggle() }
            }
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let atKey = open.last.map { $0.mapping && $0.expectKey } ?? false
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT, YAML_ALIAS_EVENT:
                    completed()
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    if atKey {
                        let kind = event.type == YAML_SEQUENCE_START_EVENT ? "sequence" : "mapping"
                        return Problem(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
                                       message: "a mapping key that is a \(kind) (a YAML complex key); config keys are plain names")
                    }
                    open.append((mapping: event.type == YAML_MAPPING_START_EVENT, expectKey: true))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    _ = open.popLast()
                    completed()
                default:
                    break
                }
            }
            return nil
        }
    }
}
