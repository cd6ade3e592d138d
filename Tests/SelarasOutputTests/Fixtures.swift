import Foundation
import SelarasCore
@testable import SelarasOutput

/// Documents the output tests render, written here (no external data).
enum Fixtures {
    static let date = Date(timeIntervalSince1970: 1_710_000_000)  // 2024-03-09T16:00:00Z
    static let context = WriterContext(date: date, fillThreshold: 95)

    static let paragraphs: [Paragraph] = [
        Paragraph("DPR Sahkan RUU Pemilu Menjadi Undang-Undang", role: .headline),
        Paragraph("JAKARTA, KOMPAS.com — Dewan Perwakilan Rakyat (DPR) mengesahkan Rancangan Undang-Undang (RUU) Pemilu dalam rapat paripurna, Selasa (12/3). Keputusan itu diambil setelah delapan fraksi menyatakan setuju."),
        Paragraph("Baca juga: KPU Tetapkan Jadwal Pilkada 2024"),
        Paragraph("Ketua DPR mengatakan aturan baru itu memperkuat Bawaslu & KPU <dalam> pengawasan \"dana kampanye\"\u{0001} serta\tpelaporan."),
        Paragraph("Menteri Dalam Negeri menyambut baik keputusan tersebut. Pemerintah akan segera menyusun peraturan pelaksanaannya."),
    ]

    /// A segment cut from paragraph `p` at the first occurrence of `text`.
    static func segment(_ id: String, _ p: Int, _ text: String, role: Segment.Role = .body) -> Segment {
        let para = paragraphs[p].text
        let r = para.range(of: text)!
        let start = para.codePointOffset(of: r.lowerBound)
        return Segment(id: id, text: text, paragraph: p, range: start..<(start + text.codePointCount), role: role)
    }

    /// A glossary hit on the first occurrence of `text` in `segment`.
    static func hit(_ segment: Segment, _ text: String, term: String? = nil, _ translations: [String],
                    forbidden: [String] = [], kind: TermHit.Kind = .exact) -> TermHit {
        let r = segment.text.range(of: text)!
        let start = segment.text.codePointOffset(of: r.lowerBound)
        return TermHit(term: term ?? text, start: start, end: start + text.codePointCount, text: text,
                       translations: translations, forbidden: forbidden, kind: kind, origin: "politik.tsv")
    }

    static var segments: [Segment] {
        [
            segment("s1", 0, "DPR Sahkan RUU Pemilu Menjadi Undang-Undang", role: .headline),
            segment("s2", 1, "JAKARTA, KOMPAS.com — Dewan Perwakilan Rakyat (DPR) mengesahkan Rancangan Undang-Undang (RUU) Pemilu dalam rapat paripurna, Selasa (12/3)."),
            segment("s3", 1, "Keputusan itu diambil setelah delapan fraksi menyatakan setuju."),
            segment("s4", 2, "Baca juga: KPU Tetapkan Jadwal Pilkada 2024", role: .furniture),
            segment("s5", 3, paragraphs[3].text),
            segment("s6", 4, "Menteri Dalam Negeri menyambut baik keputusan tersebut."),
            segment("s7", 4, "Pemerintah akan segera menyusun peraturan pelaksanaannya."),
        ]
    }

    /// Every layer present, every provenance used, text full of characters to escape.
    static var full: Document {
        let segs = segments
        var doc = Document(article: Article(id: "01-dpr-ruu-pemilu", paragraphs: paragraphs,
                                            sourcePath: "Samples/articles/01-dpr-ruu-pemilu.txt"))
        doc.segments = segs
        doc.matches = [
            [TMMatch(score: 100, kind: .exact, source: segs[0].text, target: "House Passes Election Bill into Law",
                     origin: "news.tmx#tu-17")],
            [TMMatch(score: 87, kind: .fuzzy,
                     source: "JAKARTA — Dewan Perwakilan Rakyat (DPR) mengesahkan RUU Pemilu dalam rapat paripurna, Kamis (7/3).",
                     target: "JAKARTA — The House of Representatives (DPR) passed the Election Bill at a plenary session on Thursday (7/3).",
                     penalties: [MatchPenalty(reason: "different date", points: 5)], origin: "news.tmx#tu-3"),
             TMMatch(score: 76, kind: .fuzzy, source: "DPR mengesahkan RUU.", target: "The House passed the bill.",
                     origin: "other.tmx")],
            [TMMatch(score: 96, kind: .repairedFuzzy, source: "Keputusan itu diambil setelah tujuh fraksi menyatakan setuju.",
                     target: "The decision was taken after seven factions agreed.",
                     repairedTarget: "The decision was taken after eight factions agreed.",
                     repairs: ["tujuh → delapan: seven → eight"], origin: "news.tmx#tu-4")],
            [],
            [],
            [TMMatch(score: 100, kind: .exactWithContext, source: segs[5].text,
                     target: "The Minister of Home Affairs welcomed the decision.", origin: "reviewed.tmx#r1")],
            [TMMatch(score: 70, kind: .fuzzy, source: "Pemerintah akan menyusun peraturan.",
                     target: "The government will draft regulations.", origin: "news.tmx#tu-9")],
        ]
        doc.terms = [
            [hit(segs[0], "DPR", ["House of Representatives", "DPR"], kind: .acronym),
             hit(segs[0], "RUU", ["bill"], kind: .acronym)],
            [hit(segs[1], "Dewan Perwakilan Rakyat", ["House of Representatives"]),
             hit(segs[1], "DPR", ["House of Representatives", "DPR"], kind: .acronym),
             hit(segs[1], "Rancangan Undang-Undang", ["bill"]),
             hit(segs[1], "rapat paripurna", ["plenary session"])],
            [hit(segs[2], "fraksi", ["faction"])],
            [hit(segs[3], "KPU", ["General Elections Commission"], kind: .acronym)],
            [hit(segs[4], "Bawaslu", ["Elections Supervisory Agency"], kind: .acronym),
             hit(segs[4], "dana kampanye", ["campaign funds"], forbidden: ["campaign money"])],
            [hit(segs[5], "Menteri Dalam Negeri", ["Minister of Home Affairs"])],
            [hit(segs[6], "peraturan", ["regulation"], kind: .inflected)],
        ]
        doc.summary = Summary(method: "lexrank", sentences: [
            .init(segment: 1, score: 0.91), .init(segment: 4, score: 0.55), .init(segment: 6, score: 0.42),
        ])
        doc.targets = [
            Target(text: "House Passes Election Bill into Law", provenance: .exactTM, score: 100, origin: "news.tmx#tu-17"),
            Target(text: "JAKARTA — The House of Representatives (DPR) passed the Election Bill at a plenary session on Tuesday (12/3).",
                   provenance: .machine, origin: "libretranslate"),
            Target(text: "The decision was taken after eight factions agreed.", provenance: .repairedTM, score: 96,
                   origin: "news.tmx#tu-4"),
            Target.untranslated,
            Target(text: "The Speaker said the new rule strengthens Bawaslu & KPU <in> overseeing \"campaign money\"\u{0002} and\treporting.",
                   provenance: .machine, origin: "command:opus-mt"),
            Target(text: "The Minister of Home Affairs welcomed the decision.", provenance: .reviewed, origin: "reviewed.tmx#r1"),
            Target.untranslated,
        ]
        return doc
    }

    /// Only the article: no stage has run.
    static var articleOnly: Document {
        Document(article: Article(id: "bare", paragraphs: paragraphs))
    }

    /// Segments but no other layer, and an article without a headline.
    static var segmentsOnly: Document {
        var doc = Document(article: Article(id: "seg only", paragraphs: Array(paragraphs.dropFirst())))
        doc.segments = Array(segments.dropFirst()).map { s in
            var s = s
            s.paragraph -= 1
            return s
        }
        return doc
    }

    /// Layers shorter than the segments, a summary pointing past the end, hits outside the text,
    /// duplicate segment ids and an empty article: nothing may crash.
    static var inconsistent: Document {
        var doc = full
        doc.matches = Array(doc.matches!.prefix(2))
        doc.targets = Array(doc.targets!.prefix(1))
        doc.terms = [[TermHit(term: "x", start: 500, end: 510, text: "x", translations: ["y"], kind: .exact, origin: "g")]]
        doc.summary = Summary(method: "lead", sentences: [.init(segment: 99, score: 1), .init(segment: -1, score: 1)])
        doc.segments![2].id = "s2"
        return doc
    }

    static var empty: Document {
        Document(article: Article(id: "empty", paragraphs: []))
    }

    static var all: [(String, Document)] {
        [("full", full), ("articleOnly", articleOnly), ("segmentsOnly", segmentsOnly),
         ("inconsistent", inconsistent), ("empty", empty)]
    }
}
