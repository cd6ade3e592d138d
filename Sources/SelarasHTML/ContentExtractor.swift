import SelarasCore

/// Finds a page's article body and gives it as blocks with roles.
///
/// The algorithm is Arc90's Readability as Mozilla's Readability.js implements it (2010–2024):
/// 1. Furniture is removed first: tags that never hold the story (`nav`, `aside`, `footer`, forms'
///    controls, …), hidden elements, ARIA furniture roles, and elements whose class/id words mark
///    furniture (`PageFurniture`) unless they hold half of the page's paragraph text (a wrapper).
/// 2. Each paragraph (`p`, `pre`, `td`, `h2`–`h6`, and a `div` without block children) of 25
///    characters or more scores 1 + its commas + one per 100 characters (at most 3); the score goes
///    to its ancestors, divided by 1, 2, then 3 × the level, up to five levels. Ancestors start from
///    a tag weight and the class weight (±25), and end multiplied by 1 − their link density.
/// 3. The best-scoring element, moved up to a shared ancestor of the near-best when three of them
///    share one, or to a parent that scores better, is the article; its siblings that score within
///    20 % of it (or are link-free paragraphs) join it.
/// 4. Inside it, tables, lists, divs and sections are removed "conditionally" (Readability's test:
///    negative weight, too many links for their text, more images or list items than paragraphs).
/// As trafilatura does (Barbaresi 2021), the result is then compared with the page's own structured
/// data: when the JSON-LD `articleBody` is several times longer than what was found, it is used.
///
/// Blocks carry the role of their element: `h1`–`h6` headings, `li` list items, `blockquote`
/// quotes, `figcaption` and figure text captions, credits inside figures (class `credit`,
/// `copyright`, `source`); everything else body. Blocks that are only a link (link density over
/// 0.65) or a furniture line (`Advertisement`, `Read more`, …) are dropped.
public struct ContentExtractor: Sendable {
    /// One block of the article.
    public struct Block: Sendable, Hashable {
        public var role: Paragraph.Role
        public var text: String
        public init(_ role: Paragraph.Role, _ text: String) {
            self.role = role
            self.text = text
        }
    }

    /// What the extractor found.
    public struct Result: Sendable, Hashable {
        /// The headline (the page's `h1` that agrees with its metadata title, else that title).
        public var headline: String?
        /// The article's blocks in reading order, without the headline.
        public var blocks: [Block]
        /// Whether the blocks came from the page's JSON-LD `articleBody` rather than its markup.
        public var fromStructuredData: Bool
    }

    public init() {}

    public func extract(_ tree: HTMLTree, metadata: PageMetadata) -> Result {
        // Readability's retries: when a pass finds under 250 characters, the next pass keeps the
        // elements marked as furniture by their class or id, then skips the conditional clean too.
        var headline: String?
        var blocks: [Block] = []
        let classes = ClassWords(tree)
        for pass in 0..<3 {
            var run = Extraction(tree, classes: classes)
            run.removeFurniture(byClass: pass == 0)
            run.computeStats()
            let roots = run.article()
            if pass < 2 { run.cleanConditionally(roots) }
            headline = run.headline(metadata.title)
            let found = run.blocks(roots, headline: headline)
            if found.reduce(0, { $0 + $1.text.count }) > blocks.reduce(0, { $0 + $1.text.count }) { blocks = found }
            if blocks.reduce(0, { $0 + $1.text.count }) >= 250 { break }
        }
        var structured = false
        if let body = metadata.structuredBody.map({ HTMLTree.collapseLines($0) }), body.count >= 400 {
            let found = blocks.reduce(0) { $0 + $1.text.count }
            if found * 3 < body.count {
                blocks = body.split(separator: "\n").map { Block(.body, String($0)) }.filter { !$0.text.isEmpty }
                structured = true
            }
        }
        return Result(headline: headline, blocks: blocks, fromStructuredData: structured)
    }
}

/// What each element's tag, attributes and class/id words say, read once per page (every pass
/// uses them); elements under a never-read tag are not looked at.
struct ClassWords {
    /// Never read: a furniture tag, hidden, a furniture ARIA role, or under one of those.
    var hardDropped: [Bool]
    /// Marked as furniture (`PageFurniture.isFurniture`).
    var furniture: [Bool]
    /// Readability's class weight (`PageFurniture.classWeight`), plus 25 for `itemprop="articleBody"`.
    var weight: [Double]
    /// A picture credit (`credit…`, `copyright…`, `source`, `photographer…`).
    var credit: [Bool]

    /// What one class/id value pair says.
    private struct Said {
        var furniture: Bool
        var weight: Double
        var credit: Bool
    }

    init(_ tree: HTMLTree) {
        var seen: [String: Said] = [:]
        let n = tree.nodes.count
        furniture = Array(repeating: false, count: n)
        weight = Array(repeating: 0, count: n)
        credit = Array(repeating: false, count: n)
        hardDropped = Array(repeating: false, count: n)
        for (i, node) in tree.nodes.enumerated() where i > 0 {
            if node.parent >= 0, hardDropped[node.parent] { hardDropped[i] = true; continue }
            if node.isText { continue }
            if PageFurniture.droppedTags.contains(node.tag) || PageFurniture.isHidden(node)
                || node["role"].map({ PageFurniture.droppedRoles.contains($0.lowercased()) }) == true {
                hardDropped[i] = true
                continue
            }
            if node["itemprop"]?.lowercased() == "articlebody" { weight[i] += 25 }
            let classAttribute = node["class"], idAttribute = node["id"]
            guard classAttribute != nil || idAttribute != nil else { continue }
            // Pages repeat a few hundred class/id values over thousands of elements: each value
            // pair is read once.
            let key = (classAttribute ?? "") + "\u{1}" + (idAttribute ?? "")
            let said: Said
            if let known = seen[key] {
                said = known
            } else {
                let words = PageFurniture.words(node)
                let isFurniture = PageFurniture.isFurniture(words)
                said = Said(furniture: isFurniture, weight: PageFurniture.classWeight(words, furniture: isFurniture),
                            credit: words.contains { $0.hasPrefix("credit") || $0.hasPrefix("copyright") || $0 == "source" || $0.hasPrefix("photographer") })
                seen[key] = said
            }
            furniture[i] = said.furniture
            weight[i] += said.weight
            credit[i] = said.credit
        }
    }
}

/// The working state of one extraction: per-node flags and figures over the tree's arrays.
struct Extraction {
    let tree: HTMLTree
    let classes: ClassWords
    /// The body element (else the document).
    let body: Int
    /// Removed as furniture (the node and everything under it).
    var dropped: [Bool]
    /// Removed by the conditional clean inside the article.
    var cleaned: [Bool]
    var textLength: [Int]
    var linkLength: [Int]
    var commas: [Int]
    var paragraphLength: [Int]
    var counts: [Counts]
    var score: [Double?]
    var hasBlock: [Bool]

    struct Counts {
        var p = 0, img = 0, li = 0, input = 0, embed = 0, headingChars = 0
        static func + (a: Counts, b: Counts) -> Counts {
            Counts(p: a.p + b.p, img: a.img + b.img, li: a.li + b.li, input: a.input + b.input, embed: a.embed + b.embed,
                   headingChars: a.headingChars + b.headingChars)
        }
    }

    init(_ tree: HTMLTree, classes: ClassWords) {
        self.tree = tree
        self.classes = classes
        body = tree.nodes.firstIndex { $0.tag == "body" } ?? 0
        let n = tree.nodes.count
        dropped = Array(repeating: false, count: n)
        cleaned = Array(repeating: false, count: n)
        textLength = Array(repeating: 0, count: n)
        linkLength = Array(repeating: 0, count: n)
        commas = Array(repeating: 0, count: n)
        paragraphLength = Array(repeating: 0, count: n)
        counts = Array(repeating: Counts(), count: n)
        score = Array(repeating: nil, count: n)
        hasBlock = Array(repeating: false, count: n)
    }

    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "center", "body", "html", "caption", "summary",
    ]
    static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    // MARK: 1. Furniture

    mutating func removeFurniture(byClass: Bool = true) {
        let nodes = tree.nodes
        dropped = classes.hardDropped
        var marked = Array(repeating: false, count: nodes.count)
        if byClass {
            for i in nodes.indices where !dropped[i] && nodes[i].tag != "body" && nodes[i].tag != "html" { marked[i] = classes.furniture[i] }
        }
        // Marked elements go unless they hold half of the page's paragraph text (a page wrapper).
        // Pages written without <p> (text and <br> in divs) are measured by all their text instead.
        computeStats()
        let byParagraphs = paragraphLength[body] >= 500
        let measure = byParagraphs ? paragraphLength : textLength
        let total = max(1, measure[body])
        for i in nodes.indices where i > 0 {
            let parent = nodes[i].parent
            if parent >= 0, dropped[parent] { dropped[i] = true; continue }
            if marked[i], measure[i] * 2 < total { dropped[i] = true }
        }
    }

    // MARK: 2. Figures

    /// Text, link text, commas, paragraph text and element counts of every subtree (dropped nodes
    /// count nothing); children come after their parents in the arrays, so one backward pass does it.
    mutating func computeStats() {
        let nodes = tree.nodes
        for i in nodes.indices.reversed() {
            textLength[i] = 0; linkLength[i] = 0; commas[i] = 0; paragraphLength[i] = 0; counts[i] = Counts(); hasBlock[i] = false
            if dropped[i] || cleaned[i] { continue }
            let node = nodes[i]
            if node.isText {
                let (length, c) = Self.measure(node.text)
                textLength[i] = length
                commas[i] = c
                continue
            }
            var t = 0, l = 0, c = 0, p = 0
            var k = Counts()
            var block = false
            for child in node.children {
                t += textLength[child]; l += linkLength[child]; c += commas[child]; p += paragraphLength[child]
                k = k + counts[child]
                let n = nodes[child]
                if !block, !n.isText, !dropped[child], !cleaned[child] {
                    block = Self.blockTags.contains(n.tag) || hasBlock[child] && n.tag != "a"
                }
            }
            hasBlock[i] = block
            switch node.tag {
            case "a": l = t
            case "p": p = t; k.p += 1
            case "img": k.img += 1
            case "li": k.li += 1
            case "input": k.input += 1
            case "embed", "object", "iframe": k.embed += 1
            case "h1", "h2", "h3", "h4", "h5", "h6": k.headingChars += t
            default: break
            }
            textLength[i] = t; linkLength[i] = l; commas[i] = c; paragraphLength[i] = p; counts[i] = k
        }
    }

    /// Characters of text with whitespace runs counted once, and its commas, on the UTF-8.
    static func measure(_ s: String) -> (Int, Int) {
        var length = 0, commas = 0
        var space = true
        for b in s.utf8 {
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                if !space { length += 1; space = true }
            } else if b & 0xC0 != 0x80 {
                length += 1
                space = false
                if b == 0x2C { commas += 1 }
            }
        }
        return (length, commas)
    }

    func linkDensity(_ i: Int) -> Double {
        textLength[i] == 0 ? 0 : Double(linkLength[i]) / Double(textLength[i])
    }

    /// Whether an element has a block-level element under it (not through a link); from `computeStats`.
    func hasBlockChild(_ i: Int) -> Bool { hasBlock[i] }

    // MARK: 3. The article

    mutating func initScore(_ i: Int) {
        guard score[i] == nil else { return }
        let node = tree.nodes[i]
        var s: Double
        switch node.tag {
        case "div", "article": s = 5
        case "pre", "td", "blockquote": s = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": s = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": s = -5
        default: s = 0
        }
        score[i] = s + classes.weight[i]
    }

    /// The elements that make the article: the top candidate and the siblings that join it.
    mutating func article() -> [Int] {
        let nodes = tree.nodes
        let body = self.body
        var scored: [Int] = []
        for i in nodes.indices where !dropped[i] && !nodes[i].isText {
            let node = nodes[i]
            var paragraphLike = ["p", "pre", "td", "h2", "h3", "h4", "h5", "h6"].contains(node.tag)
            var length = textLength[i], comma = commas[i]
            var firstAncestor = node.parent
            if !paragraphLike, ["div", "section", "article", "main", "span", "font", "center"].contains(node.tag) {
                if !hasBlockChild(i) {
                    paragraphLike = node.tag != "span" && node.tag != "font"
                } else {
                    // Text directly inside a div with block children counts as a paragraph of the div.
                    var direct = 0, directCommas = 0
                    for c in node.children where nodes[c].isText || (!Self.blockTags.contains(nodes[c].tag) && !dropped[c]) {
                        direct += textLength[c]; directCommas += commas[c]
                    }
                    if direct >= 25 {
                        paragraphLike = true
                        length = direct; comma = directCommas
                        firstAncestor = i
                    }
                }
            }
            guard paragraphLike, length >= 25 else { continue }
            let content = 1 + Double(comma) + Double(min(length / 100, 3))
            var ancestor = firstAncestor, level = 0
            while ancestor > 0, level < 5, nodes[ancestor].tag != "html" {
                if score[ancestor] == nil { initScore(ancestor); scored.append(ancestor) }
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level) * 3
                score[ancestor]! += content / divider
                ancestor = nodes[ancestor].parent
                level += 1
            }
        }
        for i in scored { score[i]! *= 1 - linkDensity(i) }
        let ranked = scored.sorted { score[$0]! > score[$1]! }
        guard var top = ranked.first, nodes[top].tag != "body" else { return [body] }
        let topScore = score[top]!

        // Three near-best candidates under one ancestor: that ancestor is the article.
        let alternatives = ranked.dropFirst().prefix(4).filter { score[$0]! / topScore >= 0.75 }.map(ancestors)
        if alternatives.count >= 3 {
            var parent = nodes[top].parent
            while parent > 0, nodes[parent].tag != "body" {
                if alternatives.filter({ $0.contains(parent) }).count >= 3 { top = parent; break }
                parent = nodes[parent].parent
            }
        }
        initScore(top)
        // A parent that scores better than the candidate (Readability's walk up).
        var lastScore = score[top]!
        let threshold = lastScore / 3
        var parent = nodes[top].parent
        while parent > 0, nodes[parent].tag != "body" {
            guard let s = score[parent] else { parent = nodes[parent].parent; continue }
            if s < threshold { break }
            if s > lastScore { top = parent; break }
            lastScore = s
            parent = nodes[parent].parent
        }
        // An only child stands for its parent.
        parent = nodes[top].parent
        while parent > 0, nodes[parent].tag != "body",
              nodes[parent].children.filter({ !nodes[$0].isText && !dropped[$0] }).count == 1 {
            top = parent
            initScore(top)
            parent = nodes[top].parent
        }
        guard parent >= 0 else { return [top] }
        // Siblings that belong with it.
        let best = score[top]!
        let siblingThreshold = max(10, best * 0.2)
        var roots: [Int] = []
        for s in nodes[parent].children where !dropped[s] {
            if s == top { roots.append(s); continue }
            if nodes[s].isText { continue }
            var bonus = 0.0
            if let cls = nodes[top]["class"], !cls.isEmpty, nodes[s]["class"] == cls { bonus = best * 0.2 }
            if let sc = score[s], sc + bonus >= siblingThreshold {
                roots.append(s)
            } else if nodes[s].tag == "figure" {
                // A picture beside the story: its caption and credit are kept (as furniture).
                roots.append(s)
            } else if nodes[s].tag == "p" {
                let ld = linkDensity(s), length = textLength[s]
                if length > 80 && ld < 0.25 {
                    roots.append(s)
                } else if length > 0, length < 80, ld == 0, endsLikeSentence(tree.text(of: s)) {
                    roots.append(s)
                }
            }
        }
        return roots
    }

    func ancestors(_ i: Int) -> Set<Int> {
        var out = Set<Int>()
        var p = tree.nodes[i].parent
        while p > 0 { out.insert(p); p = tree.nodes[p].parent }
        return out
    }

    func endsLikeSentence(_ text: String) -> Bool {
        text.hasSuffix(".") || text.contains(". ")
    }

    // MARK: 4. Conditional clean

    /// Readability's `_cleanConditionally` over the tables, lists, divs, sections and forms inside
    /// the article (figures and the roots themselves are kept).
    mutating func cleanConditionally(_ roots: [Int]) {
        let nodes = tree.nodes
        var inside = Array(repeating: false, count: nodes.count)
        for r in roots { inside[r] = true }
        for i in nodes.indices where !inside[i] {
            let p = nodes[i].parent
            if p >= 0, inside[p] { inside[i] = true }
        }
        let rootSet = Set(roots)
        let tags: Set<String> = ["table", "ul", "ol", "div", "section", "form", "fieldset", "dl"]
        for i in nodes.indices where inside[i] && !rootSet.contains(i) && !dropped[i] && tags.contains(nodes[i].tag) {
            if cleaned[nodes[i].parent] { cleaned[i] = true; continue }
            if hasAncestor(i, tag: "figure") || hasAncestor(i, tag: "blockquote") { continue }
            let node = nodes[i]
            let weight = classes.weight[i]
            if weight + (score[i] ?? 0) < 0 { cleaned[i] = true; continue }
            guard commas[i] < 10 else { continue }
            let isList = node.tag == "ul" || node.tag == "ol"
            let k = counts[i]
            let length = textLength[i]
            let ld = linkDensity(i)
            let li = k.li - 100
            let headingDensity = length == 0 ? 0 : Double(k.headingChars) / Double(length)
            var remove = false
            if k.img > 1 && Double(k.p) / Double(k.img) < 0.5 { remove = true }
            if !isList && li > k.p { remove = true }
            if Double(k.input) > Double(k.p) / 3 { remove = true }
            if !isList && headingDensity < 0.9 && length < 25 && (k.img == 0 || k.img > 2) && ld > 0 { remove = true }
            if !isList && weight < 25 && ld > 0.2 { remove = true }
            if weight >= 25 && ld > 0.5 { remove = true }
            if isList && ld > 0.5 { remove = true }
            if (k.embed == 1 && length < 75) || k.embed > 1 { remove = true }
            if remove { cleaned[i] = true }
        }
        computeStats()
    }

    func hasAncestor(_ i: Int, tag: String) -> Bool {
        var p = tree.nodes[i].parent
        var depth = 0
        while p > 0, depth < 8 {
            if tree.nodes[p].tag == tag { return true }
            p = tree.nodes[p].parent
            depth += 1
        }
        return false
    }

    // MARK: Headline

    /// The `h1` (outside navigation) that agrees best with the metadata title, else that title.
    func headline(_ title: String?) -> String? {
        let h1s = tree.nodes.indices.filter { tree.nodes[$0].tag == "h1" && !inNavigation($0) }.map { tree.text(of: $0) }.filter { !$0.isEmpty }
        guard let title, !title.isEmpty else { return h1s.first }
        let titleWords = Set(Self.words(title))
        let best = h1s.map { h -> (String, Double) in
            let w = Set(Self.words(h))
            let overlap = Double(w.intersection(titleWords).count) / Double(max(1, min(w.count, titleWords.count)))
            return (h, overlap)
        }.max { $0.1 < $1.1 }
        if let best, best.1 >= 0.6 { return best.0 }
        return title
    }

    func inNavigation(_ i: Int) -> Bool {
        var p = i
        while p > 0 {
            let t = tree.nodes[p].tag
            if t == "nav" || t == "aside" || t == "footer" { return true }
            p = tree.nodes[p].parent
        }
        return false
    }

    static func words(_ s: String) -> [String] {
        s.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    // MARK: Blocks

    /// The article's blocks in reading order.
    func blocks(_ roots: [Int], headline: String?) -> [ContentExtractor.Block] {
        var emitter = BlockEmitter(extraction: self)
        for r in roots { emitter.walk(r, role: .body) }
        emitter.flush()
        let head = headline.map(HTMLTree.collapse)
        var out: [ContentExtractor.Block] = []
        for b in emitter.blocks {
            if let head, b.role == .heading || out.isEmpty, b.text == head { continue }
            if out.last == b { continue }
            out.append(b)
        }
        return out
    }
}

/// Walks the article's elements and cuts their text into blocks at block-level elements and at
/// double line breaks.
struct BlockEmitter {
    let extraction: Extraction
    var blocks: [ContentExtractor.Block] = []
    var buffer = ""
    var linkChars = 0
    var bufferRole: Paragraph.Role = .body
    var bufferHasText = false
    var lastWasBreak = false

    init(extraction: Extraction) { self.extraction = extraction }

    mutating func walk(_ i: Int, role: Paragraph.Role, inLink: Bool = false) {
        if extraction.dropped[i] || extraction.cleaned[i] { return }
        let node = extraction.tree.nodes[i]
        if node.isText {
            let length = Extraction.measure(node.text).0
            let hasText = length > 1 || length == 1 && !node.text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }
            if !bufferHasText { bufferRole = role }
            buffer += node.text
            if inLink { linkChars += length }
            if hasText { bufferHasText = true; lastWasBreak = false }
            return
        }
        switch node.tag {
        case "br":
            if lastWasBreak { flush() } else { buffer += "\n"; lastWasBreak = true }
            return
        case "img", "script", "hr":
            return
        default: break
        }
        let block = Extraction.blockTags.contains(node.tag)
        var inner = role
        switch node.tag {
        case "h1", "h2", "h3", "h4", "h5", "h6": inner = .heading
        case "li", "dt", "dd": inner = role == .quote ? .quote : .listItem
        case "blockquote": inner = .quote
        case "figcaption", "figure": inner = role == .credit ? .credit : .caption
        case "caption": inner = .caption
        default:
            if extraction.classes.credit[i], role == .caption || extraction.hasAncestor(i, tag: "figure") { inner = .credit }
        }
        if block || inner != role { flush() }
        for c in node.children { walk(c, role: inner, inLink: inLink || node.tag == "a") }
        if block || inner != role { flush() }
    }

    mutating func flush() {
        defer { buffer = ""; linkChars = 0; lastWasBreak = false; bufferHasText = false }
        let lines = buffer.split(separator: "\n", omittingEmptySubsequences: true)
            .map { HTMLTree.collapse(String($0)) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return }
        let text = lines.joined(separator: "\n")
        let length = text.count
        if PageFurniture.isFurnitureLine(text) { return }
        if length < 300, Double(linkChars) / Double(max(1, length)) > 0.65, bufferRole != .heading { return }
        blocks.append(ContentExtractor.Block(bufferRole, text))
    }
}
