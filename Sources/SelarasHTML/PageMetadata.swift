import Foundation

/// What a page says about its article, from `<meta>` (name and `property`), Open Graph, microdata
/// (`itemprop`), `<link rel="canonical">`, `<time>` and JSON-LD (`NewsArticle`, `Article`,
/// `ReportageNewsArticle`, `BlogPosting`, … found at the top level, in arrays or in `@graph`).
///
/// Where several sources give a field, JSON-LD of an article type wins for dates and authors (it is
/// the most structured), Open Graph for the title and site, `<link rel="canonical">` for the URL.
public struct PageMetadata: Sendable, Hashable, Codable {
    public var title: String?
    /// As the page gives it (ISO 8601 in practice), not reinterpreted.
    public var published: String?
    public var modified: String?
    public var author: String?
    public var site: String?
    public var canonicalURL: String?
    public var description: String?
    public var language: String?
    /// The JSON-LD `articleBody`, when the page carries one (a cross-check for the extractor).
    public var structuredBody: String?

    public init() {}

    /// The metadata of a parsed page.
    public init(_ tree: HTMLTree) {
        var meta: [String: String] = [:]
        var titleTag: String?
        var ld: [[String: Any]] = []
        var firstTime: String?
        for (i, node) in tree.nodes.enumerated() where !node.isText {
            switch node.tag {
            case "meta":
                guard let content = node["content"].map(HTMLTree.collapse), !content.isEmpty else { continue }
                for key in [node["property"], node["name"], node["itemprop"], node["http-equiv"]].compactMap({ $0?.lowercased() })
                where meta[key] == nil {
                    meta[key] = content
                }
            case "title" where titleTag == nil:
                titleTag = tree.text(of: i)
            case "link":
                if node["rel"]?.lowercased().split(separator: " ").contains("canonical") == true, let href = node["href"], canonicalURL == nil {
                    canonicalURL = href.trimmingCharacters(in: .whitespaces)
                }
            case "html":
                language = node["lang"].flatMap { $0.isEmpty ? nil : $0 }
            case "time" where firstTime == nil:
                firstTime = node["datetime"]
            case "script":
                guard node["type"]?.lowercased().contains("ld+json") == true, let c = node.children.first else { continue }
                ld += Self.articleObjects(tree[c].text)
            default:
                if let prop = node["itemprop"]?.lowercased(), meta[prop] == nil {
                    if let v = node["datetime"] ?? node["content"], !v.isEmpty { meta[prop] = v }
                }
            }
        }
        let article = ld.first
        title = meta["og:title"] ?? meta["twitter:title"] ?? (article?["headline"] as? String) ?? titleTag.map(Self.trimSiteName)
        published = (article?["datePublished"] as? String) ?? meta["article:published_time"] ?? meta["datepublished"]
            ?? meta["pubdate"] ?? meta["publishdate"] ?? meta["date"] ?? meta["dc.date"] ?? meta["sailthru.date"] ?? firstTime
        modified = (article?["dateModified"] as? String) ?? meta["article:modified_time"] ?? meta["datemodified"]
        author = article.flatMap { Self.names($0["author"]) } ?? meta["author"] ?? meta["article:author"].flatMap { $0.hasPrefix("http") ? nil : $0 }
            ?? meta["byl"].map { $0.hasPrefix("By ") ? String($0.dropFirst(3)) : $0 }
        site = meta["og:site_name"] ?? article.flatMap { Self.names($0["publisher"]) } ?? meta["application-name"]
        if canonicalURL == nil { canonicalURL = meta["og:url"] ?? (article?["url"] as? String) }
        description = meta["og:description"] ?? meta["description"]
        structuredBody = ld.compactMap { $0["articleBody"] as? String }.first
        title = title.map(HTMLTree.collapse)
    }

    static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting", "scholarlyarticle", "techarticle", "report",
    ]

    /// The article-typed objects in a JSON-LD script (arrays and `@graph` searched).
    static func articleObjects(_ json: String) -> [[String: Any]] {
        // JSON allows white space around the value, so the script's text goes in as it is (trimming
        // it first went through NSString, a copy of scripts that run to hundreds of KB).
        guard let value = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) else { return [] }
        var out: [[String: Any]] = []
        func visit(_ v: Any, depth: Int) {
            guard depth < 8 else { return }
            if let array = v as? [Any] { array.forEach { visit($0, depth: depth + 1) }; return }
            guard let object = v as? [String: Any] else { return }
            let types = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []
            if types.contains(where: { articleTypes.contains($0.lowercased()) }) { out.append(object) }
            if let graph = object["@graph"] { visit(graph, depth: depth + 1) }
        }
        visit(value, depth: 0)
        return out
    }

    /// `"A"`, `{"name": "A"}` or a list of them, as "A, B".
    static func names(_ v: Any?) -> String? {
        if let s = v as? String { return s.isEmpty || s.hasPrefix("http") ? nil : s }
        if let o = v as? [String: Any] { return names(o["name"]) }
        if let a = v as? [Any] {
            let all = a.compactMap { names($0) }
            return all.isEmpty ? nil : all.joined(separator: ", ")
        }
        return nil
    }

    /// `"Headline | Site"` or `"Headline - Site"` to `"Headline"` (the longest part kept).
    static func trimSiteName(_ title: String) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: "] where title.contains(separator) {
            let parts = title.components(separatedBy: separator)
            return parts.max { $0.count < $1.count } ?? title
        }
        return title
    }
}
