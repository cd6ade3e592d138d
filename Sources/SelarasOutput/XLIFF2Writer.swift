import Foundation
import SelarasCore

/// XLIFF 2.0 (OASIS, 2014) with the Translation Candidates (`mtc`), Glossary (`gls`) and Metadata
/// (`mda`) modules; valid against the core schema plus those modules.
///
/// One `<file>` per article, a `<group>` per paragraph (`type="selaras:paragraph"`), a `<unit>` per
/// segment whose `type` is `selaras:headline`, `selaras:heading`, `selaras:furniture` or
/// `selaras:body`, holding one `<segment>`:
/// - a segment with English has a `<target>` and `state="initial"` with `subState`
///   `selaras:tm-exact|tm-fuzzy|tm-repaired|mt` (pre-filled, not yet confirmed), or
///   `state="reviewed"` for reviewed English; a segment without English has no `<target>`;
/// - every TM match is an `<mtc:match type="tm">` with `matchQuality`, `origin` and `subType`
///   `selaras:<match kind>`, pointing at the segment (`ref="#<segment id>"`);
/// - glossary hits are `<gls:glossEntry>`s (term, translations; matched text, kind and forbidden
///   translations in `mda` metadata);
/// - provenance, score, origin and summary membership are `mda:meta` entries and a note.
public struct XLIFF2Writer: DocumentWriter {
    public static let namespace = "urn:oasis:names:tc:xliff:document:2.0"
    public static let matchesNamespace = "urn:oasis:names:tc:xliff:matches:2.0"
    public static let glossaryNamespace = "urn:oasis:names:tc:xliff:glossary:2.0"
    public static let metadataNamespace = "urn:oasis:names:tc:xliff:metadata:2.0"

    public init() {}

    public func render(_ document: Document, context: WriterContext) throws -> Data {
        let view = BilingualView(document, fillThreshold: context.fillThreshold)
        let article = document.article
        var x = XMLBuilder()
        x.start("xliff", [
            ("xmlns", Self.namespace), ("xmlns:mtc", Self.matchesNamespace), ("xmlns:gls", Self.glossaryNamespace),
            ("xmlns:mda", Self.metadataNamespace), ("version", "2.0"),
            ("srcLang", context.sourceLanguage), ("trgLang", context.targetLanguage),
        ])
        x.start("file", [("id", Markup.nmtoken("f-" + article.id)), ("original", article.sourcePath ?? article.id)])
        x.start("mda:metadata")
        x.start("mda:metaGroup", [("category", "selaras")])
        x.leaf("mda:meta", [("type", "article")], text: article.id)
        x.leaf("mda:meta", [("type", "title")], text: view.title)
        x.leaf("mda:meta", [("type", "tool")], text: "\(context.toolName) \(context.toolVersion)")
        x.leaf("mda:meta", [("type", "date")], text: WriterDates.iso8601(context.date))
        if let summary = document.summary {
            x.leaf("mda:meta", [("type", "summary-method")], text: summary.method)
        }
        x.end()
        x.end()
        x.start("notes")
        x.leaf("note", [("category", "selaras")], text: XLIFF12Writer.headerNote(view, context: context))
        x.end()

        var unitIDs = Set<String>()
        var currentParagraph: Int? = nil
        for row in view.rows {
            if row.segment.paragraph != currentParagraph {
                if currentParagraph != nil { x.end() }
                currentParagraph = row.segment.paragraph
                let gid = WriterIDs.unique("p\(row.segment.paragraph + 1)", in: &unitIDs, nmtoken: true)
                x.start("group", [("id", gid), ("type", "selaras:paragraph")])
            }
            writeUnit(row, into: &x, unitIDs: &unitIDs, context: context)
        }
        if currentParagraph != nil { x.end() }
        if view.rows.isEmpty {
            // A file needs at least one unit or group; an empty article gets an empty group.
            x.leaf("group", [("id", "empty"), ("type", "selaras:paragraph")], text: nil)
        }
        x.end()  // file
        x.end()  // xliff
        return x.finish()
    }

    private func writeUnit(_ row: BilingualRow, into x: inout XMLBuilder, unitIDs: inout Set<String>,
                           context: WriterContext) {
        let base = row.segment.id.isEmpty ? "s\(row.index + 1)" : row.segment.id
        let unitID = WriterIDs.unique(base, in: &unitIDs, nmtoken: true)
        let segmentID = Markup.nmtoken(base)
        x.start("unit", [("id", unitID), ("xml:space", "preserve"), ("type", "selaras:\(Self.typeName(row.segment.role))")])

        if !row.matches.isEmpty {
            x.start("mtc:matches")
            for (i, m) in row.matches.enumerated() {
                x.start("mtc:match", [
                    ("id", "m\(i + 1)"), ("ref", "#\(segmentID)"), ("type", "tm"),
                    ("matchQuality", Markup.score(min(100, max(0, m.score)))), ("origin", m.origin),
                    ("subType", "selaras:\(m.kind.rawValue)"),
                ])
                if m.repairedTarget != nil || !m.repairs.isEmpty || !m.penalties.isEmpty {
                    x.start("mda:metadata")
                    x.start("mda:metaGroup", [("category", "selaras")])
                    if m.repairedTarget != nil { x.leaf("mda:meta", [("type", "tm-target")], text: m.target) }
                    for r in m.repairs { x.leaf("mda:meta", [("type", "repair")], text: r) }
                    for p in m.penalties {
                        x.leaf("mda:meta", [("type", "penalty")], text: "\(p.reason) −\(Markup.score(p.points))")
                    }
                    x.end()
                    x.end()
                }
                x.leaf("source", text: m.source)
                x.leaf("target", text: m.bestTarget)
                x.end()
            }
            x.end()
        }

        if !row.terms.isEmpty {
            x.start("gls:glossary")
            for (i, hit) in row.terms.enumerated() {
                x.start("gls:glossEntry", [("id", "g\(i + 1)")])
                x.leaf("gls:term", [("source", hit.origin)], text: hit.term)
                for t in hit.translations { x.leaf("gls:translation", [("source", hit.origin)], text: t) }
                x.start("mda:metadata")
                x.start("mda:metaGroup", [("category", "selaras")])
                x.leaf("mda:meta", [("type", "matched-text")], text: hit.text)
                x.leaf("mda:meta", [("type", "span")], text: "\(hit.start)-\(hit.end)")
                x.leaf("mda:meta", [("type", "match-kind")], text: hit.kind.rawValue)
                for f in hit.forbidden { x.leaf("mda:meta", [("type", "forbidden-translation")], text: f) }
                x.end()
                x.end()
                x.end()
            }
            x.end()
        }

        x.start("mda:metadata")
        x.start("mda:metaGroup", [("category", "selaras")])
        x.leaf("mda:meta", [("type", "provenance")], text: row.target.provenance.rawValue)
        if let s = row.target.score { x.leaf("mda:meta", [("type", "score")], text: Markup.score(s)) }
        if let o = row.target.origin { x.leaf("mda:meta", [("type", "origin")], text: o) }
        x.leaf("mda:meta", [("type", "paragraph")], text: String(row.segment.paragraph + 1))
        x.leaf("mda:meta", [("type", "range")], text: "\(row.segment.range.lowerBound)-\(row.segment.range.upperBound)")
        if let s = row.summaryScore {
            x.leaf("mda:meta", [("type", "summary-score")], text: String(format: "%.3f", s))
        }
        x.end()
        x.end()

        x.start("notes")
        x.leaf("note", [("category", "provenance"), ("appliesTo", "target")],
               text: XLIFF12Writer.provenanceNote(row, context: context))
        for finding in row.isTranslated ? row.target.qa ?? [] : [] {
            x.leaf("note", [("category", "qa"), ("appliesTo", "target"), ("priority", "1")], text: "Check: \(finding)")
        }
        if row.segment.role == .furniture {
            x.leaf("note", [("category", "furniture"), ("appliesTo", "source")],
                   text: "News furniture (dateline, byline, caption or link line): kept out of the summary.")
        }
        x.end()

        var segmentAttributes: [(String, String?)] = [("id", segmentID)]
        if row.isTranslated {
            if row.target.provenance == .reviewed {
                segmentAttributes.append(("state", "reviewed"))
            } else {
                segmentAttributes.append(("state", "initial"))
                segmentAttributes.append(("subState", "selaras:\(row.target.provenance.rawValue)"))
            }
        }
        x.start("segment", segmentAttributes)
        x.leaf("source", text: row.segment.text)
        if row.isTranslated, let t = row.target.text { x.leaf("target", text: t) }
        x.end()
        x.end()  // unit
    }

    static func typeName(_ role: Segment.Role) -> String {
        switch role {
        case .headline: return "headline"
        case .heading: return "heading"
        case .furniture: return "furniture"
        case .body: return "body"
        }
    }
}
