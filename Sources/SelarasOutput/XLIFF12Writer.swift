import Foundation
import SelarasCore

/// XLIFF 1.2 (OASIS, 2008), valid against the strict schema: one `<file>` per article, a `<group>`
/// per paragraph and a `<trans-unit>` per segment.
///
/// What each unit carries (with `xml:space="preserve"`, so tools keep the text's spacing exactly and
/// exact TM matches survive the round trip):
/// - `<source>`; `<target>` only when the segment has English, with `state="needs-review-translation"`
///   and a `state-qualifier` (`exact-match`, `fuzzy-match`, `leveraged-tm` for a repaired match,
///   `leveraged-mt` for machine translation), or `state="final"` for reviewed English. A unit
///   without English has no `<target>`, which every CAT tool reads as untranslated. Selaras never
///   writes `translated`/`signed-off`, so the review loop (`XLIFFReader`) only picks up what a
///   translator confirmed.
/// - `restype`: `x-headline`, `heading`, `x-furniture` (news furniture: datelines, "Baca juga"
///   links, captions, bylines), none for body sentences; furniture also gets an explanatory note.
/// - one `<alt-trans>` per TM match with `match-quality` (0–100), `origin` (TMX file and tuid) and a
///   note with the match kind, repairs and penalties;
/// - `<note from="glossary" annotates="source">` per glossary hit (`term → translations`), a note
///   on where the English came from, and one when the segment is in the summary.
public struct XLIFF12Writer: DocumentWriter {
    public static let namespace = "urn:oasis:names:tc:xliff:document:1.2"

    public init() {}

    public func render(_ document: Document, context: WriterContext) throws -> Data {
        let view = BilingualView(document, fillThreshold: context.fillThreshold)
        var x = XMLBuilder()
        x.start("xliff", [("version", "1.2"), ("xmlns", Self.namespace)])
        let article = document.article
        x.start("file", [
            ("original", article.sourcePath ?? article.id),
            ("source-language", context.sourceLanguage),
            ("target-language", context.targetLanguage),
            ("datatype", "plaintext"),
            ("tool-id", "selaras"),
            ("date", WriterDates.iso8601(context.date)),
        ])
        x.start("header")
        x.leaf("tool", [("tool-id", "selaras"), ("tool-name", context.toolName), ("tool-version", context.toolVersion)],
               text: nil)
        x.leaf("note", [("from", "selaras")], text: Self.headerNote(view, context: context))
        x.end()  // header
        x.start("body")

        var usedIDs = Set<String>()
        var groupIDs = Set<String>()
        var currentParagraph: Int? = nil
        for row in view.rows {
            if row.segment.paragraph != currentParagraph {
                if currentParagraph != nil { x.end() }
                currentParagraph = row.segment.paragraph
                let gid = WriterIDs.unique("p\(row.segment.paragraph + 1)", in: &groupIDs)
                x.start("group", [("id", gid), ("restype", "x-paragraph")])
            }
            writeUnit(row, into: &x, usedIDs: &usedIDs, context: context)
        }
        if currentParagraph != nil { x.end() }
        x.end()  // body
        x.end()  // file
        x.end()  // xliff
        return x.finish()
    }

    private func writeUnit(_ row: BilingualRow, into x: inout XMLBuilder, usedIDs: inout Set<String>,
                           context: WriterContext) {
        let id = WriterIDs.unique(row.segment.id.isEmpty ? "s\(row.index + 1)" : row.segment.id, in: &usedIDs)
        x.start("trans-unit", [("id", id), ("xml:space", "preserve"), ("restype", Self.restype(row.segment.role)),
                               ("approved", row.target.provenance == .reviewed && row.isTranslated ? "yes" : nil)])
        x.leaf("source", [("xml:lang", context.sourceLanguage)], text: row.segment.text)
        if let text = row.target.text, row.isTranslated {
            let (state, qualifier) = Self.state(for: row)
            x.leaf("target", [("xml:lang", context.targetLanguage), ("state", state), ("state-qualifier", qualifier)],
                   text: text)
        }
        x.leaf("note", [("from", "selaras"), ("annotates", "target")], text: Self.provenanceNote(row, context: context))
        for finding in row.isTranslated ? row.target.qa ?? [] : [] {
            x.leaf("note", [("from", "selaras-qa"), ("annotates", "target"), ("priority", "1")], text: "Check: \(finding)")
        }
        if row.segment.role == .furniture {
            x.leaf("note", [("from", "selaras"), ("annotates", "source")],
                   text: "News furniture (dateline, byline, caption or link line): kept out of the summary.")
        }
        if let score = row.summaryScore {
            x.leaf("note", [("from", "selaras"), ("annotates", "general"), ("priority", "2")],
                   text: "Summary sentence (score \(String(format: "%.3f", score))).")
        }
        for hit in row.terms {
            x.leaf("note", [("from", "glossary"), ("annotates", "source")], text: Self.termNote(hit))
        }
        for match in row.matches {
            x.start("alt-trans", [("match-quality", Markup.score(match.score)), ("origin", match.origin),
                                  ("tool-id", "selaras")])
            x.leaf("source", [("xml:lang", context.sourceLanguage)], text: match.source)
            x.leaf("target", [("xml:lang", context.targetLanguage)], text: match.bestTarget)
            x.leaf("note", [("from", "selaras")], text: Self.matchNote(match))
            x.end()
        }
        x.end()
    }

    /// `state` and `state-qualifier` for a unit with English.
    static func state(for row: BilingualRow) -> (String, String?) {
        switch row.target.provenance {
        case .exactTM: return ("needs-review-translation", "exact-match")
        case .fuzzyTM: return ("needs-review-translation", "fuzzy-match")
        case .repairedTM: return ("needs-review-translation", "leveraged-tm")
        case .machine: return ("needs-review-translation", "leveraged-mt")
        case .reviewed: return ("final", nil)
        case .untranslated: return ("needs-translation", nil)
        }
    }

    static func restype(_ role: Segment.Role) -> String? {
        switch role {
        case .headline: return "x-headline"
        case .heading: return "heading"
        case .furniture: return "x-furniture"
        case .body: return nil
        }
    }

    static func headerNote(_ view: BilingualView, context: WriterContext) -> String {
        let c = view.counts
        var s = "Article \(view.document.article.id): \(view.title). "
        s += "\(c.segments) segments; English for \(c.translated) (TM \(c.fromTM), MT \(c.machine), reviewed \(c.reviewed)); "
        s += "\(c.untranslated) without English; \(c.termHits) glossary hits."
        if let summary = view.document.summary {
            s += " Summary: \(summary.sentences.count) sentences (\(summary.method))."
        }
        return s
    }

    static func provenanceNote(_ row: BilingualRow, context: WriterContext) -> String {
        let t = row.target
        let origin = t.origin.map { " from \($0)" } ?? ""
        switch t.provenance {
        case .exactTM, .fuzzyTM, .repairedTM:
            let score = t.score.map { " (\(Markup.score($0)))" } ?? ""
            return "English: \(t.provenance.label) match\(score)\(origin)."
        case .machine:
            return "English: machine translation\(origin). Review before use."
        case .reviewed:
            return "English: reviewed\(origin)."
        case .untranslated:
            let best = row.matches.first.map { "; best TM match \(Markup.score($0.score)) is below \(Markup.score(context.fillThreshold))" } ?? ""
            let reason = t.origin.map { "; \($0)" } ?? ""
            return "No English yet\(best)\(reason)."
        }
    }

    static func termNote(_ hit: TermHit) -> String {
        var s = hit.gloss
        if hit.text != hit.term { s += " (as “\(hit.text)”)" }
        s += " [\(hit.kind.rawValue), \(hit.origin)]"
        return s
    }

    static func matchNote(_ m: TMMatch) -> String {
        var parts = ["\(m.kind.rawValue) match, \(Markup.score(m.score))"]
        if m.repairedTarget != nil { parts.append("TM target before repair: \(m.target)") }
        if !m.repairs.isEmpty { parts.append("repairs: " + m.repairs.joined(separator: "; ")) }
        if !m.penalties.isEmpty {
            parts.append("penalties: " + m.penalties.map { "\($0.reason) −\(Markup.score($0.points))" }.joined(separator: "; "))
        }
        return parts.joined(separator: ". ")
    }
}

/// Dates as the XML formats want them.
enum WriterDates {
    /// `2024-05-01T12:00:00Z` (xsd:dateTime, UTC).
    static func iso8601(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }

    /// `20240501T120000Z` (TMX 1.4b).
    static func tmx(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f.string(from: date)
    }
}

/// Unit identifiers.
enum WriterIDs {
    /// `base` (made an NMTOKEN when `nmtoken`), suffixed `-2`, `-3`, ... when already used.
    static func unique(_ base: String, in used: inout Set<String>, nmtoken: Bool = false) -> String {
        let b = nmtoken ? Markup.nmtoken(base) : base
        var id = b
        var n = 2
        while used.contains(id) {
            id = "\(b)-\(n)"
            n += 1
        }
        used.insert(id)
        return id
    }
}
