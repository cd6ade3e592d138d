import Foundation
import SelarasCore

/// A self-contained HTML report for one article: inline CSS, no scripts, no external resources.
///
/// From top to bottom: the Indonesian headline with its English, figures and a bar of where the
/// English came from; the English summary (each sentence with its provenance badge and the
/// Indonesian beneath; sentences without English shown in Indonesian and flagged); the glossary
/// terms found; then the article as a bilingual table — source and target side by side, paragraph
/// breaks ruled, the match score coloured by band, glossary terms highlighted in the source with
/// their translations (a tooltip and a visible list), the expected English of each term marked in
/// the target (forbidden renderings in red, missing ones listed), TM matches in a `<details>`
/// element, rows without English tinted and labelled.
public struct HTMLReportWriter: DocumentWriter {
    public init() {}

    public func render(_ document: Document, context: WriterContext) throws -> Data {
        let view = BilingualView(document, fillThreshold: context.fillThreshold)
        let h = HTMLStyle.h, a = HTMLStyle.a
        let article = document.article
        let c = view.counts
        var o = HTMLStyle.head(title: view.title)
        o += "<body>\n<main>\n<header>\n"
        o += "<p class=\"crumbs\"><a href=\"index.html\">All articles</a> · <span>\(h(article.id))</span>"
        if let path = article.sourcePath { o += " · <span>\(h(path))</span>" }
        o += "</p>\n"
        o += "<h1 lang=\"\(a(context.sourceLanguage))\">\(h(view.title))</h1>\n"
        if article.title != nil, let en = view.englishTitle {
            o += "<p class=\"en-title\" lang=\"\(a(context.targetLanguage))\">\(h(en))</p>\n"
        }
        o += "<ul class=\"facts\">"
        o += "<li>\(c.segments) segments</li>"
        o += "<li>English for \(c.translated)</li>"
        o += "<li>TM \(c.fromTM) (exact \(c.exactTM))</li>"
        o += "<li>MT \(c.machine)</li>"
        if c.reviewed > 0 { o += "<li>reviewed \(c.reviewed)</li>" }
        o += "<li\(c.untranslated > 0 ? " class=\"warn\"" : "")>\(c.untranslated) without English</li>"
        o += "<li>\(c.termHits) glossary hits</li>"
        o += "</ul>\n"
        o += HTMLStyle.bar(c) + "\n"
        o += HTMLStyle.legend(terms: true) + "\n"
        o += "</header>\n"

        // The English summary first.
        o += "<section class=\"summary\" id=\"summary\">\n<h2>English summary"
        if let s = document.summary { o += "<small>\(s.sentences.count) sentences · \(h(s.method))</small>" }
        o += "</h2>\n"
        if document.summary == nil {
            o += "<p class=\"empty\">No summary in this run (the pipeline has no summarize stage).</p>\n"
        } else if view.summaryRows.isEmpty {
            o += "<p class=\"empty\">The summary is empty.</p>\n"
        } else {
            o += "<ol>\n"
            for row in view.summaryRows {
                let cls = HTMLStyle.scoreClass(row.target)
                o += "<li class=\"\(cls)\">"
                if row.isTranslated, let en = row.target.text {
                    o += "<p class=\"en\" lang=\"\(a(context.targetLanguage))\">\(h(en))</p>"
                } else {
                    o += "<p class=\"en none\">No English yet — Indonesian shown</p>"
                }
                o += "<p class=\"src\" lang=\"\(a(context.sourceLanguage))\">\(h(row.segment.text))</p>"
                o += "<p class=\"meta\">\(Self.badge(row.target)) \(h(Self.provenanceDetail(row, context: context)))"
                o += " · <a href=\"#\(a(Markup.nmtoken(row.segment.id)))\">\(h(row.segment.id))</a></p>"
                o += Self.flags(row)
                o += "</li>\n"
            }
            o += "</ol>\n"
        }
        o += "</section>\n"

        // Glossary terms found, once each.
        var termCounts: [String: Int] = [:]
        var termOrder: [TermHit] = []
        for hit in view.rows.flatMap(\.terms) {
            if termCounts[hit.term] == nil { termOrder.append(hit) }
            termCounts[hit.term, default: 0] += 1
        }
        if !termOrder.isEmpty {
            o += "<section id=\"terms\">\n<h2>Glossary terms<small>\(termOrder.count) terms, \(c.termHits) hits</small></h2>\n"
            o += "<ul class=\"glossary\">"
            for t in termOrder {
                let tr = t.translations.isEmpty ? "(no translation)" : t.translations.joined(separator: " / ")
                o += "<li title=\"\(a(t.gloss))\"><b lang=\"\(a(context.sourceLanguage))\">\(h(t.term))</b> → "
                o += "<span lang=\"\(a(context.targetLanguage))\">\(h(tr))</span>"
                o += "<span class=\"n\">×\(termCounts[t.term] ?? 1)</span></li>"
            }
            o += "</ul>\n</section>\n"
        }

        // The bilingual text.
        o += "<section id=\"text\">\n<h2>Bilingual text<small>\(c.segments) segments</small></h2>\n"
        o += "<table class=\"bitext\">\n<colgroup><col class=\"c-n\"/><col class=\"c-s\"/><col class=\"c-t\"/><col class=\"c-m\"/></colgroup>\n"
        o += "<thead><tr><th>#</th><th>Indonesian</th><th>English</th><th>Match</th></tr></thead>\n<tbody>\n"
        var previousParagraph: Int? = nil
        var rowIDs = Set<String>()
        for row in view.rows {
            var classes = ["r-\(XLIFF2Writer.typeName(row.segment.role))", HTMLStyle.scoreClass(row.target)]
            if previousParagraph != nil && row.segment.paragraph != previousParagraph { classes.append("para") }
            previousParagraph = row.segment.paragraph
            if row.isInSummary { classes.append("sum") }
            let rid = WriterIDs.unique(row.segment.id, in: &rowIDs, nmtoken: true)
            o += "<tr id=\"\(a(rid))\" class=\"\(classes.joined(separator: " "))\">"
            o += "<td class=\"n\">\(h(row.segment.id))"
            if row.isInSummary { o += " <span class=\"star\" title=\"summary sentence\">★</span>" }
            if row.segment.role != .body { o += "<span class=\"role\">\(XLIFF2Writer.typeName(row.segment.role))</span>" }
            o += "</td>"

            let termSpans = Self.nonOverlapping(row.terms)
            o += "<td class=\"src\" lang=\"\(a(context.sourceLanguage))\">"
            o += Self.markSource(row.segment.text, hits: termSpans)
            var check: TermCheck? = nil
            if let en = row.target.text, row.isTranslated {
                check = TermCheck(target: en, hits: row.terms)
            }
            if !row.terms.isEmpty {
                o += "<ul class=\"gl\">"
                for (i, hit) in row.terms.enumerated() {
                    let cls: String
                    if let check, check.forbiddenFound.contains(i) { cls = " class=\"forb\"" }
                    else if let check, !check.found.contains(i) { cls = " class=\"miss\"" }
                    else { cls = "" }
                    let tr = hit.translations.first ?? "(no translation)"
                    o += "<li\(cls) title=\"\(a(hit.gloss))\">\(h(hit.text)) = <span lang=\"\(a(context.targetLanguage))\">\(h(tr))</span>"
                    if let check, check.forbiddenFound.contains(i) { o += " · forbidden English used" }
                    else if let check, !check.found.contains(i) { o += " · not in English" }
                    o += "</li>"
                }
                o += "</ul>"
            }
            o += "</td>"

            if row.isTranslated, let check {
                o += "<td class=\"tgt\" lang=\"\(a(context.targetLanguage))\">\(check.markedTarget)"
            } else {
                o += "<td class=\"tgt none\"><span class=\"missing\">No English yet</span>"
            }
            if !row.matches.isEmpty {
                o += "<details><summary>\(row.matches.count) TM match\(row.matches.count == 1 ? "" : "es")"
                o += " · best \(Markup.score(row.matches[0].score))</summary><ol>"
                for m in row.matches {
                    o += "<li><span class=\"badge \(HTMLStyle.scoreClass(m.score))\">\(Markup.score(m.score))</span> "
                    o += "\(h(m.kind.rawValue)) · \(h(m.origin))<br/>"
                    o += "<span lang=\"\(a(context.sourceLanguage))\">\(h(m.source))</span><br/>"
                    o += "<span class=\"ms\" lang=\"\(a(context.targetLanguage))\">\(h(m.bestTarget))</span>"
                    if !m.repairs.isEmpty { o += "<br/>repairs: \(h(m.repairs.joined(separator: "; ")))" }
                    if !m.penalties.isEmpty {
                        o += "<br/>penalties: " + h(m.penalties.map { "\($0.reason) −\(Markup.score($0.points))" }.joined(separator: "; "))
                    }
                    o += "</li>"
                }
                o += "</ol></details>"
            }
            o += "</td>"

            o += "<td class=\"m\">\(Self.badge(row.target))"
            if let origin = row.target.origin { o += "<br/><span>\(h(origin))</span>" }
            o += Self.flags(row)
            o += "</td></tr>\n"
        }
        o += "</tbody>\n</table>\n</section>\n"
        o += "<footer>Generated by \(h(context.toolName)) \(h(context.toolVersion)) on \(h(WriterDates.iso8601(context.date))). "
        o += "TM fill threshold \(Markup.score(context.fillThreshold)).</footer>\n"
        o += "</main>\n</body>\n</html>\n"
        return Data(o.utf8)
    }

    /// The checks' findings as a visible flag ("⚠ check: number: ..."), or nothing.
    static func flags(_ row: BilingualRow) -> String {
        guard row.isTranslated, let qa = row.target.qa, !qa.isEmpty else { return "" }
        return "<p class=\"qa\">⚠ Check: " + qa.map { HTMLStyle.h($0.description) }.joined(separator: "; ") + "</p>"
    }

    /// The coloured badge for a target: "TM 87", "TM exact 100", "MT", "reviewed", "no English".
    static func badge(_ t: Target) -> String {
        let text: String
        switch t.provenance {
        case .exactTM, .fuzzyTM, .repairedTM:
            text = "\(t.provenance.label)" + (t.score.map { " \(Markup.score($0))" } ?? "")
        default:
            text = t.provenance.label
        }
        return "<span class=\"badge \(HTMLStyle.scoreClass(t))\">\(HTMLStyle.h(text))</span>"
    }

    static func provenanceDetail(_ row: BilingualRow, context: WriterContext) -> String {
        var parts: [String] = []
        if let o = row.target.origin { parts.append(o) }
        if row.target.provenance == .untranslated {
            if let best = row.matches.first {
                parts.append("best TM match \(Markup.score(best.score)) is below \(Markup.score(context.fillThreshold))")
            } else {
                parts.append("no TM match")
            }
        }
        return parts.joined(separator: " · ")
    }

    /// Hits that do not overlap an earlier (or longer, at the same start) hit, in order.
    static func nonOverlapping(_ hits: [TermHit]) -> [TermHit] {
        var out: [TermHit] = []
        var end = 0
        for hit in hits.sorted(by: { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end })
        where hit.start >= end && hit.end > hit.start {
            out.append(hit)
            end = hit.end
        }
        return out
    }

    /// The source text, escaped, with each hit wrapped in `<mark class="term" title="...">`.
    /// Offsets are code points; hits outside the text are ignored.
    static func markSource(_ text: String, hits: [TermHit]) -> String {
        let scalars = Array(text.unicodeScalars)
        var o = ""
        var pos = 0
        func slice(_ r: Range<Int>) -> String {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[r])
            return String(v)
        }
        for hit in hits where hit.start >= pos && hit.end <= scalars.count {
            o += HTMLStyle.h(slice(pos..<hit.start))
            o += "<mark class=\"term\" title=\"\(HTMLStyle.a(hit.gloss))\">\(HTMLStyle.h(slice(hit.start..<hit.end)))</mark>"
            pos = hit.end
        }
        o += HTMLStyle.h(slice(pos..<scalars.count))
        return o
    }
}

/// Which glossary translations appear in an English target, and the target marked up accordingly.
///
/// A translation is found when it occurs case-insensitively at word boundaries; expected
/// translations are marked `ok`, forbidden ones `bad`.
struct TermCheck {
    /// Indices (into the hits) whose translation occurs in the target.
    var found = Set<Int>()
    /// Indices whose forbidden translation occurs in the target.
    var forbiddenFound = Set<Int>()
    var markedTarget: String

    init(target: String, hits: [TermHit]) {
        var spans: [(Range<String.Index>, Bool, String)] = []
        for (i, hit) in hits.enumerated() {
            for t in hit.translations where !t.isEmpty {
                let r = Self.occurrences(of: t, in: target)
                if !r.isEmpty { found.insert(i) }
                spans += r.map { ($0, true, hit.gloss) }
            }
            for f in hit.forbidden where !f.isEmpty {
                let r = Self.occurrences(of: f, in: target)
                if !r.isEmpty { forbiddenFound.insert(i) }
                spans += r.map { ($0, false, "forbidden for \(hit.term): use " + hit.translations.joined(separator: " / ")) }
            }
        }
        // Longest first at each start, then drop overlaps.
        spans.sort { $0.0.lowerBound != $1.0.lowerBound ? $0.0.lowerBound < $1.0.lowerBound : $0.0.upperBound > $1.0.upperBound }
        var o = ""
        var pos = target.startIndex
        for (range, ok, title) in spans where range.lowerBound >= pos {
            o += HTMLStyle.h(String(target[pos..<range.lowerBound]))
            o += "<mark class=\"\(ok ? "ok" : "bad")\" title=\"\(HTMLStyle.a(title))\">\(HTMLStyle.h(String(target[range])))</mark>"
            pos = range.upperBound
        }
        o += HTMLStyle.h(String(target[pos...]))
        markedTarget = o
    }

    /// Case-insensitive occurrences of `needle` in `haystack` that start and end at word boundaries.
    static func occurrences(of needle: String, in haystack: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        var from = haystack.startIndex
        while from < haystack.endIndex,
              let r = haystack.range(of: needle, options: [.caseInsensitive], range: from..<haystack.endIndex) {
            let beforeOK = r.lowerBound == haystack.startIndex || !isWordCharacter(haystack[haystack.index(before: r.lowerBound)])
            let afterOK = r.upperBound == haystack.endIndex || !isWordCharacter(haystack[r.upperBound])
            if beforeOK && afterOK { out.append(r) }
            from = r.upperBound > r.lowerBound ? haystack.index(after: r.lowerBound) : haystack.index(after: from)
        }
        return out
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
}
