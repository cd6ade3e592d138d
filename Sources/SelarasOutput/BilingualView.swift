import SelarasCore

/// One row of bilingual output: a segment with whatever layers the document has for it.
///
/// Writers read documents only through `BilingualView`, so each of them copes the same way with
/// missing layers (no matches, no terms, no summary, no targets) and with layers shorter than the
/// segment list (a layer element that is missing counts as empty).
public struct BilingualRow: Sendable, Hashable {
    /// Position in the document (0-based), also the index into `Document.segments`.
    public var index: Int
    public var segment: Segment
    /// The paragraph's role, when the segment points at an existing paragraph.
    public var paragraphRole: Paragraph.Role?
    /// TM matches, best first (score, then match kind).
    public var matches: [TMMatch]
    /// Glossary hits, in order of their start offset.
    public var terms: [TermHit]
    /// The English for the segment: from the targets layer, else the best TM match at or above the
    /// fill threshold, else `Target.untranslated`.
    public var target: Target
    /// Whether `target` came from the targets layer (false: derived from matches, or untranslated).
    public var targetFromLayer: Bool
    /// The summary score when the segment is one of the summary's sentences.
    public var summaryScore: Double?

    public var isInSummary: Bool { summaryScore != nil }

    /// The score shown beside the English: the TM score of TM English; for a segment without English,
    /// the best match's score (why it was not used); nil for MT and reviewed English.
    public var displayScore: Double? {
        switch target.provenance {
        case .exactTM, .fuzzyTM, .repairedTM: return target.score ?? matches.first?.score
        case .untranslated: return matches.first?.score
        case .machine, .reviewed: return nil
        }
    }
    public var isTranslated: Bool { target.text != nil && target.provenance != .untranslated }

    /// Whether the English came from a translation memory (exact, fuzzy or repaired match).
    public var isFromTM: Bool {
        switch target.provenance {
        case .exactTM, .fuzzyTM, .repairedTM: return true
        default: return false
        }
    }
}

extension Target.Provenance {
    /// A short human label: "TM exact", "TM fuzzy", "TM repaired", "MT", "reviewed", "no English".
    public var label: String {
        switch self {
        case .exactTM: return "TM exact"
        case .fuzzyTM: return "TM fuzzy"
        case .repairedTM: return "TM repaired"
        case .machine: return "MT"
        case .reviewed: return "reviewed"
        case .untranslated: return "no English"
        }
    }
}

extension TermHit {
    /// `term → translation / translation` (and the forbidden ones), for notes and tooltips.
    public var gloss: String {
        var s = term + " → " + (translations.isEmpty ? "(no translation)" : translations.joined(separator: " / "))
        if !forbidden.isEmpty { s += "; not: " + forbidden.joined(separator: " / ") }
        return s
    }
}

/// A document seen as rows, whatever layers it has.
public struct BilingualView: Sendable {
    /// The lowest TM score whose target fills a segment when nothing else is said (the `translate`
    /// stage's `fill_threshold` default).
    public static let defaultFillThreshold: Double = 95

    public var document: Document
    public var rows: [BilingualRow]
    /// Whether the segments came from the segments layer (false: one row per paragraph).
    public var hasSegmentLayer: Bool

    /// Builds the rows. Without a segments layer, each paragraph becomes one row (ids `p1`, `p2`,
    /// ...), so a document that only has its article still produces useful output.
    public init(_ document: Document, fillThreshold: Double) {
        self.document = document
        let paragraphs = document.article.paragraphs
        let segments: [Segment]
        if let s = document.segments {
            segments = s
            hasSegmentLayer = true
        } else {
            segments = paragraphs.enumerated().map { i, p in
                Segment(id: "p\(i + 1)", text: p.text, paragraph: i, range: 0..<p.text.codePointCount,
                        role: Self.segmentRole(for: p.role))
            }
            hasSegmentLayer = false
        }
        var summaryScores: [Int: Double] = [:]
        if hasSegmentLayer, let summary = document.summary {
            for s in summary.sentences where s.segment >= 0 && s.segment < segments.count {
                summaryScores[s.segment] = s.score
            }
        }
        var rows: [BilingualRow] = []
        rows.reserveCapacity(segments.count)
        for (i, seg) in segments.enumerated() {
            let layered = hasSegmentLayer
            let matches = layered ? (document.matches.flatMap { i < $0.count ? $0[i] : nil } ?? []) : []
            let sortedMatches = matches.sorted { a, b in
                a.score != b.score ? a.score > b.score : a.kind < b.kind
            }
            let terms = (layered ? (document.terms.flatMap { i < $0.count ? $0[i] : nil } ?? []) : [])
                .sorted { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
            var target = Target.untranslated
            var fromLayer = false
            if layered, let targets = document.targets, i < targets.count {
                target = targets[i]
                fromLayer = true
                if target.text?.isEmpty ?? true || target.provenance == .untranslated {
                    target = Target(text: nil, provenance: .untranslated, origin: target.origin)
                }
            } else if let best = sortedMatches.first, best.score >= fillThreshold {
                target = Self.target(from: best)
            }
            let role = paragraphs.indices.contains(seg.paragraph) ? paragraphs[seg.paragraph].role : nil
            rows.append(BilingualRow(index: i, segment: seg, paragraphRole: role, matches: sortedMatches,
                                     terms: terms, target: target, targetFromLayer: fromLayer,
                                     summaryScore: summaryScores[i]))
        }
        self.rows = rows
    }

    /// The summary's rows in document order (empty without a summary or segments).
    public var summaryRows: [BilingualRow] { rows.filter(\.isInSummary) }

    /// The article's title: its headline, else its id.
    public var title: String { document.article.title ?? document.article.id }

    /// The English of the headline, when the headline segment has one.
    public var englishTitle: String? {
        rows.first(where: { $0.segment.role == .headline })?.target.text
    }

    public var counts: ArticleCounts { ArticleCounts(rows: rows) }

    /// The target a TM match gives when it fills a segment.
    public static func target(from match: TMMatch) -> Target {
        let provenance: Target.Provenance
        if match.repairedTarget != nil || match.kind == .repairedFuzzy {
            provenance = .repairedTM
        } else if match.kind == .fuzzy {
            provenance = .fuzzyTM
        } else {
            provenance = .exactTM
        }
        return Target(text: match.bestTarget, provenance: provenance, score: match.score, origin: match.origin)
    }

    static func segmentRole(for role: Paragraph.Role) -> Segment.Role {
        switch role {
        case .headline: return .headline
        case .heading, .listItem: return .heading
        case .body, .quote: return .body
        case .caption, .credit: return .furniture
        }
    }
}

/// Per-article figures for reports and the batch index.
public struct ArticleCounts: Sendable, Hashable, Codable {
    public var segments: Int = 0
    /// Segments with English from a TM (exact, fuzzy or repaired).
    public var fromTM: Int = 0
    public var exactTM: Int = 0
    public var machine: Int = 0
    public var reviewed: Int = 0
    public var untranslated: Int = 0
    /// Glossary hits over all segments.
    public var termHits: Int = 0
    public var summarySentences: Int = 0
    /// Segments whose English a quality check flagged for review.
    public var flagged: Int = 0

    public init() {}

    enum CodingKeys: String, CodingKey { case segments, fromTM, exactTM, machine, reviewed, untranslated, termHits, summarySentences, flagged }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func int(_ k: CodingKeys) throws -> Int { try c.decodeIfPresent(Int.self, forKey: k) ?? 0 }
        segments = try int(.segments); fromTM = try int(.fromTM); exactTM = try int(.exactTM); machine = try int(.machine)
        reviewed = try int(.reviewed); untranslated = try int(.untranslated); termHits = try int(.termHits)
        summarySentences = try int(.summarySentences); flagged = try int(.flagged)
    }

    public init(rows: [BilingualRow]) {
        segments = rows.count
        for r in rows {
            switch r.target.provenance {
            case .exactTM: fromTM += 1; exactTM += 1
            case .fuzzyTM, .repairedTM: fromTM += 1
            case .machine: machine += 1
            case .reviewed: reviewed += 1
            case .untranslated: untranslated += 1
            }
            termHits += r.terms.count
            if r.isInSummary { summarySentences += 1 }
            if r.target.needsReview { flagged += 1 }
        }
    }

    /// Counts for a document, computed as the writers see it.
    public init(document: Document, fillThreshold: Double) {
        self.init(rows: BilingualView(document, fillThreshold: fillThreshold).rows)
    }

    public var translated: Int { segments - untranslated }
}
