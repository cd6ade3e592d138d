import Foundation
import SelarasCore

/// One article's line in the batch's `index.html`.
public struct BatchIndexEntry: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, Codable {
        /// Processed in this run; its files were written.
        case ok
        /// Failed; `reason` says why. Files from an earlier run may still be linked.
        case failed
        /// Unchanged since the last run; its files were kept.
        case skipped
        /// Written, but some sentences have no English because machine translation failed; the
        /// next run tries again.
        case partial
    }

    /// A file written for the article, linked relative to the index.
    public struct Link: Sendable, Hashable {
        /// Short label shown on the link (`xlf`, `md`, `html`, ...).
        public var label: String
        /// Path relative to the folder of `index.html`.
        public var path: String
        public init(label: String, path: String) {
            self.label = label
            self.path = path
        }
    }

    public var id: String
    /// The headline, when known.
    public var title: String?
    /// The English headline, when known.
    public var englishTitle: String?
    public var status: Status
    /// Figures, when the article was processed (see `ArticleCounts(document:fillThreshold:)`).
    public var counts: ArticleCounts?
    public var links: [Link]
    /// Why it failed (or was skipped), as shown to the user.
    public var reason: String?
    /// Where the article came from.
    public var sourcePath: String?

    public init(id: String, title: String? = nil, englishTitle: String? = nil, status: Status,
                counts: ArticleCounts? = nil, links: [Link] = [], reason: String? = nil, sourcePath: String? = nil) {
        self.id = id
        self.title = title
        self.englishTitle = englishTitle
        self.status = status
        self.counts = counts
        self.links = links
        self.reason = reason
        self.sourcePath = sourcePath
    }

    /// An entry for a processed document: title, English title and counts as the writers see them,
    /// and one link per format written (`OutputFormat.fileName(forArticle:)`).
    public init(document: Document, formats: [OutputFormat], status: Status = .ok, reason: String? = nil,
                fillThreshold: Double) {
        let view = BilingualView(document, fillThreshold: fillThreshold)
        self.init(id: document.article.id, title: document.article.title,
                  englishTitle: document.article.title != nil ? view.englishTitle : nil, status: status,
                  counts: view.counts,
                  links: formats.map { Link(label: $0.rawValue, path: $0.fileName(forArticle: document.article.id)) },
                  reason: reason, sourcePath: document.article.sourcePath)
    }
}

/// The batch's `index.html`: totals, then one row per article with its status, figures, links to
/// its files and, for failures, the reason. Self-contained like the article reports. Entries are
/// shown in the order given (callers sort; the pipeline passes input order).
public struct BatchIndexWriter: Sendable {
    public static let fileName = "index.html"

    public init() {}

    public func render(entries: [BatchIndexEntry], context: WriterContext, title: String = "Selaras run") -> Data {
        let h = HTMLStyle.h, a = HTMLStyle.a
        let ok = entries.filter { $0.status == .ok }.count
        let failed = entries.filter { $0.status == .failed }.count
        let skipped = entries.filter { $0.status == .skipped }.count
        let partial = entries.filter { $0.status == .partial }.count
        var total = ArticleCounts()
        for c in entries.compactMap(\.counts) {
            total.segments += c.segments
            total.fromTM += c.fromTM
            total.exactTM += c.exactTM
            total.machine += c.machine
            total.reviewed += c.reviewed
            total.untranslated += c.untranslated
            total.termHits += c.termHits
            total.flagged += c.flagged
            total.summarySentences += c.summarySentences
        }
        var o = HTMLStyle.head(title: title)
        o += "<body>\n<main>\n<header>\n<h1>\(h(title))</h1>\n"
        o += "<p class=\"crumbs\">\(h(context.toolName)) \(h(context.toolVersion)) · \(h(WriterDates.iso8601(context.date)))</p>\n"
        o += "<ul class=\"facts\"><li>\(entries.count) articles</li><li>\(ok) ok</li>"
        o += "<li\(failed > 0 ? " class=\"warn\"" : "")>\(failed) failed</li><li>\(skipped) unchanged</li>"
        if partial > 0 { o += "<li class=\"warn\">\(partial) incomplete</li>" }
        if total.flagged > 0 { o += "<li class=\"warn\">\(total.flagged) to review</li>" }
        o += "<li>\(total.segments) segments</li><li>English for \(total.translated)</li><li>TM \(total.fromTM)</li>"
        o += "<li>MT \(total.machine)</li><li>\(total.untranslated) without English</li><li>\(total.termHits) glossary hits</li></ul>\n"
        o += HTMLStyle.bar(total) + "\n" + HTMLStyle.legend(terms: false) + "\n</header>\n"

        o += "<section id=\"articles\">\n<h2>Articles</h2>\n"
        if entries.isEmpty {
            o += "<p class=\"empty\">No articles in this run.</p>\n"
        } else {
            o += "<table class=\"runs\">\n<thead><tr><th>Article</th><th>Status</th><th class=\"num\">Segments</th>"
            o += "<th class=\"num\">English</th><th class=\"num\">TM</th><th class=\"num\">MT</th>"
            o += "<th class=\"num\">None</th><th class=\"num\">Terms</th><th>Files</th></tr></thead>\n<tbody>\n"
            for e in entries {
                o += "<tr class=\"st-\(e.status.rawValue)\" id=\"\(a(Markup.nmtoken("a-" + e.id)))\"><td>"
                let report = e.links.first { $0.label == OutputFormat.html.rawValue }
                let title = e.title ?? e.id
                if let report, e.status != .failed {
                    o += "<a class=\"title\" href=\"\(a(HTMLStyle.href(report.path)))\" lang=\"\(a(context.sourceLanguage))\">\(h(title))</a>"
                } else {
                    o += "<span class=\"title\" lang=\"\(a(context.sourceLanguage))\">\(h(title))</span>"
                }
                if let en = e.englishTitle { o += "<span class=\"id\" lang=\"\(a(context.targetLanguage))\"><i>\(h(en))</i></span>" }
                o += "<span class=\"id\">\(h(e.id))\(e.sourcePath.map { " · " + h($0) } ?? "")</span>"
                if let reason = e.reason { o += "<span class=\"reason\">\(h(reason))</span>" }
                o += "</td><td><span class=\"st \(e.status.rawValue)\">\(e.status == .skipped ? "unchanged" : e.status == .partial ? "incomplete" : e.status.rawValue)</span></td>"
                if let c = e.counts {
                    let pct = c.segments > 0 ? Int((Double(c.translated) * 100 / Double(c.segments)).rounded()) : 0
                    o += "<td class=\"num\">\(c.segments)</td><td class=\"num\">\(pct)%\(HTMLStyle.bar(c))</td>"
                    o += "<td class=\"num\">\(c.fromTM)</td><td class=\"num\">\(c.machine)</td>"
                    o += "<td class=\"num\">\(c.untranslated)</td><td class=\"num\">\(c.termHits)</td>"
                } else {
                    o += "<td class=\"num\">–</td><td class=\"num\">–</td><td class=\"num\">–</td><td class=\"num\">–</td>"
                    o += "<td class=\"num\">–</td><td class=\"num\">–</td>"
                }
                o += "<td class=\"files\">"
                for l in e.links { o += "<a href=\"\(a(HTMLStyle.href(l.path)))\">\(h(l.label))</a>" }
                o += "</td></tr>\n"
            }
            o += "</tbody>\n</table>\n"
        }
        o += "</section>\n<footer>Generated by \(h(context.toolName)) \(h(context.toolVersion)).</footer>\n"
        o += "</main>\n</body>\n</html>\n"
        return Data(o.utf8)
    }
}
