import Foundation
import SelarasCore
import Yams

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
    /// The largest article read, in bytes (`max_article_bytes`); a larger one is refused.
    public var maxArticleBytes: Int = PipelineConfig.defaultMaxArticleBytes
    /// `max_article_bytes` when the config does not set it.
    public static let defaultMaxArticleBytes = 10_000_000
    /// The settings under `resources:`, per resource type.
    public var resources: ResourceOptions
    public var stages: [StageConfig]
    /// The fingerprint of the config file's bytes and the tool's version (part of every article's
    /// skip fingerprint).
    public var fingerprint: String

    /// The folder relative paths in the config are resolved against.
    public var directory: URL { url.deletingLastPathComponent() }

    /// The options of the first stage of that type in the pipeline, or nil when it has none.
    public func options<S: Stage>(ofStage type: S.Type) -> S.Options? {
        stages.first { $0.type == S.self }?.options as? S.Options
    }

    /// The TMX files of `resources.translation_memories`.
    public var translationMemories: [URL] { resources[TranslationMemoryResource.self].translationMemories }
    /// The glossary files of `resources.glossaries`.
    public var glossaries: [URL] { resources[GlossaryResource.self].glossaries }
    /// `resources.tm_store`, when set.
    public var tmStore: TMStoreLocation? {
        get { resources[TranslationMemoryResource.self].tmStore }
        set { resources[TranslationMemoryResource.self].tmStore = newValue }
    }
}

/// One entry of the config's `stages` list.
public struct StageConfig: Sendable {
    public var name: String
    public var type: any Stage.Type
    public var options: any Settings
    /// Where the stage is named in the config.
    public var location: SourceLocation

    public init(type: any Stage.Type, options: any Settings, location: SourceLocation) {
        self.name = type.name
        self.type = type
        self.options = options
        self.location = location
    }
}

/// The settings of every resource under `resources:`, by resource type.
public struct ResourceOptions: Sendable {
    private var byType: [ObjectIdentifier: any Settings] = [:]

    public init() {}

    /// A resource's settings; its defaults when the config did not set them.
    public subscript<R: Resource>(_ type: R.Type) -> R.Options {
        get { (byType[ObjectIdentifier(R.self)] as? R.Options) ?? R.Options() }
        set { byType[ObjectIdentifier(R.self)] = newValue }
    }

    mutating func set(_ options: any Settings, for type: any Resource.Type) {
        byType[ObjectIdentifier(type)] = options
    }
}

/// The keys of the config file itself (besides `languages`, `resources` and `stages`, which have
/// tables of their own), with defaults and one-line docs, in one place.
struct PipelineSettings: Settings {
    @Setting("Config format version; 1.", range: 1...1)
    var version: Int = PipelineConfig.currentVersion
    @Setting("A name for the pipeline, shown in reports (default: the file name).")
    var name: String? = nil
    @Setting("Free text about the pipeline.")
    var description: String? = nil
    @Setting("Articles: files, folders or globs (.txt, .md, .jsonl, .html, .htm, .html.gz); --input replaces them.", mustExist: false)
    var inputs: [URL] = []
    @Setting("Output folder; --output replaces it.")
    var output: ConfigPath = "out"
    @Setting("Articles processed at once; 0 means one per core.", range: 0...256)
    var jobs: Int = 0
    @Setting("The largest article (file or JSON line) read, in bytes; a larger one is refused with a message and the rest of the batch goes on (news articles are rarely over 100 KB).", range: 1_000...2_000_000_000)
    var maxArticleBytes: Int = PipelineConfig.defaultMaxArticleBytes
}

/// `languages:` of the config.
struct LanguageSettings: Settings {
    @Setting("Source language code.")
    var source: String = "id"
    @Setting("Target language code.")
    var target: String = "en"
}

/// The rows of the top-level table that are mappings or lists with tables of their own.
enum PipelineSections {
    static let languages = "Source and target languages (a mapping, see below)."
    static let resources = "Translation memories, glossaries and other shared resources (a mapping, see below)."
    static let stages = "The stages, in order (required)."
}

/// A path as the config writes it, resolved against the config's folder when the config is read.
public struct ConfigPath: SettingValue, ExpressibleByStringLiteral, Hashable {
    /// As written.
    public var written: String

    public init(_ written: String) { self.written = written }
    public init(stringLiteral value: String) { written = value }

    public static var expected: String { "a path (a string)" }
    public var settingText: String? { written }

    public static func decode(_ node: Node, _ context: SettingContext, _ problems: inout [Diagnostic]) -> ConfigPath? {
        guard let s = node.scalar, !s.string.isEmpty, !context.isNull(node) else { problems.append(context.wrongType(node)); return nil }
        return ConfigPath(s.string)
    }

    /// The absolute path, relative paths taken from `directory`.
    public func url(relativeTo directory: URL) -> URL {
        SettingContext(file: "", directory: directory).resolve(written)
    }
}

