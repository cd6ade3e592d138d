/// Recognises the parts of a page that are not the article, from their tags, ARIA roles and the
/// words of their `class` and `id` (the "unlikely candidates" test of Arc90's Readability, kept as
/// whole words here, and the boilerplate element lists of trafilatura).
enum PageFurniture {
    /// Elements never read as article text.
    static let droppedTags: Set<String> = [
        "script", "noscript", "template", "iframe", "svg", "canvas", "button", "input", "select", "textarea", "option",
        "nav", "aside", "footer", "header", "object", "embed", "video", "audio", "map", "head", "menu", "dialog",
        "label", "picture", "source", "link", "meta", "title",
    ]

    /// ARIA roles of page furniture.
    static let droppedRoles: Set<String> = [
        "navigation", "menu", "menubar", "complementary", "contentinfo", "banner", "dialog", "alert", "alertdialog",
        "search", "toolbar", "tablist",
    ]

    /// Class/id words that mark furniture, matched against each word of the attribute as a prefix
    /// (`share` matches `sharebar`), and, for the last group, as a suffix (`mainNav`).
    static let prefixWords = [
        "comment", "disqus", "share", "sharing", "social", "newsletter", "subscri", "cookie", "gdpr", "consent",
        "advert", "adsby", "adslot", "adunit", "adwrap", "sponsor", "outbrain", "taboola", "related", "recirc",
        "breadcrumb", "navbar", "navigation", "popup", "modal", "promo", "trending", "recommend", "signup",
        "toolbar", "widget", "masthead", "byline", "teaser", "paginat", "pager", "skiplink", "jump", "mostread",
        "mostpopular", "popular", "login", "signin", "rating", "tagcloud", "tags", "dateline", "timestamp",
        "author", "hidden", "offscreen", "visuallyhidden", "sronly", "print", "follow", "rss",
    ]
    static let exactWords: Set<String> = [
        "ad", "ads", "nav", "menu", "footer", "sidebar", "side", "rail", "aside", "extra", "meta", "tag", "hide",
        "sr", "skip", "banner", "header", "more", "crumbs", "share", "tools", "utility", "subnav", "dfp", "gpt",
        "also", "readmore", "nocontent", "supplemental", "legal", "copyright", "disclaimer", "topics", "keywords",
    ]
    static let suffixWords = ["nav", "menu", "footer", "sidebar", "header", "share", "ads", "promo", "related", "comments"]

    /// Class/id words that say "this is the story" (Readability's positive weights).
    static let contentWords: Set<String> = [
        "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story", "articlebody",
        "storybody", "richtext", "prose",
    ]

    /// The words of an element's class and id: split at anything not an ASCII letter or digit
    /// (other bytes count as letters: class names are ASCII in practice), ASCII-lowercased
    /// (`relatedArticles` → `relatedarticles`). Worked on the UTF-8 bytes.
    static func words(_ node: HTMLTree.Node) -> [Word] {
        var out: [Word] = []
        for attr in [node["class"], node["id"]] {
            guard var attr, !attr.isEmpty else { continue }
            attr.withUTF8 { buf in
                var current: [UInt8] = []
                for b in buf {
                    switch b {
                    case 0x41...0x5A: current.append(b | 0x20)
                    case 0x61...0x7A, 0x30...0x39, 0x80...: current.append(b)
                    default:
                        if !current.isEmpty { out.append(Word(current)); current.removeAll(keepingCapacity: true) }
                    }
                }
                if !current.isEmpty { out.append(Word(current)) }
            }
        }
        return out
    }

    /// One lowercased class/id word, as bytes.
    struct Word: Equatable {
        var bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        func hasPrefix(_ p: [UInt8]) -> Bool { bytes.count >= p.count && bytes.starts(with: p) }
        func hasSuffix(_ p: [UInt8]) -> Bool { bytes.count >= p.count && bytes[(bytes.count - p.count)...].elementsEqual(p) }
        func hasPrefix(_ p: String) -> Bool { hasPrefix(Array(p.utf8)) }
        static func == (w: Word, s: String) -> Bool { w.bytes.elementsEqual(s.utf8) }
        var string: String { String(decoding: bytes, as: UTF8.self) }
    }

    private static let prefixBytes = prefixWords.map { Array($0.utf8) }
    private static let suffixBytes = suffixWords.map { Array($0.utf8) }

    /// Whether the words mark furniture.
    static func isFurniture(_ words: [Word]) -> Bool {
        for w in words {
            if exactWords.contains(w.string) { return true }
            if prefixBytes.contains(where: { w.hasPrefix($0) }) { return true }
            if w.bytes.count > 4, suffixBytes.contains(where: { w.hasSuffix($0) }) { return true }
        }
        return false
    }

    /// Readability's class weight: −25 for a furniture word, +25 for a content word (both may apply);
    /// `furniture` is `isFurniture(words)` when the caller has it already.
    static func classWeight(_ words: [Word], furniture: Bool? = nil) -> Double {
        var weight = 0.0
        if furniture ?? isFurniture(words) { weight -= 25 }
        if words.contains(where: { contentWords.contains($0.string) }) { weight += 25 }
        return weight
    }

    /// Whether the element is hidden (`hidden`, `aria-hidden="true"`, `display:none`, `visibility:hidden`).
    static func isHidden(_ node: HTMLTree.Node) -> Bool {
        if node["hidden"] != nil { return true }
        if node["aria-hidden"]?.lowercased() == "true" { return true }
        if let style = node["style"]?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        return false
    }

    /// Whole blocks that are page furniture however they are marked up (compared lowercased, with
    /// trailing punctuation removed).
    static let lines: Set<String> = [
        "advertisement", "advertisements", "ad", "sponsored", "sponsored content", "scroll to continue with content",
        "story continues below advertisement", "continue reading the main story", "continue reading", "read more",
        "read more:", "related", "related:", "related articles", "related stories", "share", "share this",
        "share this article", "share this story", "tweet", "email", "print", "comments", "view comments",
        "sign up", "subscribe", "subscribe now", "click here", "loading", "loading...", "skip to content",
        "skip advertisement", "supported by", "baca juga", "iklan", "advertisement - scroll to continue",
        "content continues below", "article continues below", "story continues below", "recommended", "trending",
        "see also", "more from", "most read", "most popular", "listen to this article", "image", "photo",
    ]

    /// Whether a block's whole text is a furniture line.
    static func isFurnitureLine(_ text: String) -> Bool {
        guard text.count <= 48 else { return false }
        var t = text.lowercased()
        while let last = t.last, ".:!|»›→".contains(last) || last == " " { t.removeLast() }
        return lines.contains(t)
    }
}
