import Foundation
import SelarasCore

/// A validated pipeline config: every key resolved to its value or default, paths absolute.
public struct PipelineConfig: Sendable {
    /// The current config format version.
    public static let currentVersion = 1

    /// The config file.
    public var url: URL
    public var version: Int
    public var name: String
    public var description: String?
    public var sourceLanguage: String
    public var targetLanguage: String
    /// Input paths, folders or globs, absolute.
    public var inputs: [String]
    /// Where outputs go.
    public var output: URL
    /// Articles processed at once; nil means one per core.
    public var jobs: Int?
    public var translationMemories: [URL]
    public var glossaries: [URL]
    /// The TM store (SQLite) built from the TMX files; nil means the default beside the output.
    public var tmStore: URL?
    public var stages: [StageConfig]
    /// The fingerprint of the config file's bytes (part of every article's skip fingerprint).
    public var fingerprint: String

    /// The folder relative paths in the config are resolved against.
    public var directory: URL { url.deletingLastPathComponent() }
}

/// One entry of the config's `stages` list.
public struct StageConfig: Sendable {
    public var name: String
    public var options: StageOptions
    /// Where the stage is named in the config.
    public var location: SourceLocation

    public init(name: String, options: StageOptions, location: SourceLocation) {
        self.name = name
        self.options = options
        self.location = location
    }
}

/// The keys of the config file itself, with defaults and one-line docs, in one place.
/// Stage options live beside each stage (`Stage.options`).
public enum ConfigSchema {
    public static let topLevel: [OptionSpec] = [
        OptionSpec("version", .int(1...1), default: .int(1), "Config format version; 1."),
        OptionSpec("name", .string, default: nil, "A name for the pipeline, shown in reports (default: the file name)."),
        OptionSpec("description", .string, default: nil, "Free text about the pipeline."),
        OptionSpec("languages", .mapping, default: nil, "Source and target languages (a mapping, see below)."),
        OptionSpec("inputs", .paths(mustExist: false), default: .urls([]),
                   "Articles: files, folders or globs (.txt, .md, .jsonl); --input replaces them."),
        OptionSpec("output", .path(mustExist: false), default: .string("out"), "Output folder; --output replaces it."),
        OptionSpec("jobs", .int(0...256), default: .int(0), "Articles processed at once; 0 means one per core."),
        OptionSpec("resources", .mapping, default: nil, "Translation memories and glossaries (a mapping, see below)."),
        OptionSpec("stages", .stageList, default: nil, "The stages, in order (required)."),
    ]

    public static let languages: [OptionSpec] = [
        OptionSpec("source", .string, default: .string("id"), "Source language code."),
        OptionSpec("target", .string, default: .string("en"), "Target language code."),
    ]

    public static let resources: [OptionSpec] = [
        OptionSpec("translation_memories", .paths(mustExist: true), default: .urls([]), "TMX files to match against."),
        OptionSpec("glossaries", .paths(mustExist: true), default: .urls([]),
                   "Glossaries (extended TSV, OmegaT TSV, CSV, TBX)."),
        OptionSpec("tm_store", .path(mustExist: false), default: nil,
                   "SQLite store built from the TMX files (default: OUTPUT/.selaras/tm.sqlite)."),
    ]
}
