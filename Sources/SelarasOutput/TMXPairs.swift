import Foundation
import SelarasCore
import SelarasFormats

/// The translation pairs of a document worth keeping in a TM: segments whose English is an exact TM
/// match or was reviewed. Fuzzy and repaired fills are left out (nobody has confirmed them yet: they
/// come back through the review loop once a translator has), and so are machine translation and
/// untranslated segments (MT only when `includeMachine`, for a separate MT memory).
///
/// Each pair is a `TMUnit` with `tuid` `ARTICLE/SEGMENT`, the props `x-selaras-provenance`,
/// `x-selaras-score` (TM targets), `x-selaras-origin` (the TMX unit or reviewer it came from) and
/// `x-selaras-article`, and the context date as creation date.
public enum TMXPairs {
    public static func units(of document: Document, context: WriterContext, includeMachine: Bool = false) -> [TMUnit] {
        let view = BilingualView(document, fillThreshold: context.fillThreshold)
        let date = WriterDates.tmx(context.date)
        var out: [TMUnit] = []
        for row in view.rows {
            guard let english = row.target.text, row.isTranslated else { continue }
            switch row.target.provenance {
            case .exactTM, .reviewed: break
            case .fuzzyTM, .repairedTM: continue
            case .machine: if !includeMachine { continue }
            case .untranslated: continue
            }
            let source = Markup.xmlSafe(row.segment.text).trimmingCharacters(in: .whitespacesAndNewlines)
            let target = Markup.xmlSafe(english).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !source.isEmpty, !target.isEmpty else { continue }
            var props = [TMUnit.Prop(type: "x-selaras-provenance", value: row.target.provenance.rawValue)]
            if let s = row.target.score { props.append(.init(type: "x-selaras-score", value: Markup.score(s))) }
            if let o = row.target.origin { props.append(.init(type: "x-selaras-origin", value: Markup.xmlSafe(o))) }
            props.append(.init(type: "x-selaras-article", value: Markup.xmlSafe(document.article.id)))
            out.append(TMUnit(tuid: Markup.xmlSafe("\(document.article.id)/\(row.segment.id)"), source: source, target: target,
                              sourceLanguage: context.sourceLanguage, targetLanguage: context.targetLanguage,
                              props: props, origin: document.article.id, creationDate: date))
        }
        return out + aligned(document, context: context, date: date)
    }

    /// The pairs the `align` stage found with its English edition, at its `min_confidence` or more
    /// (segments of a bead joined by a space; news furniture left out).
    static func aligned(_ document: Document, context: WriterContext, date: String) -> [TMUnit] {
        guard let alignment = document[AlignmentLayer.self], let segments = document.segments else { return [] }
        var out: [TMUnit] = []
        for p in alignment.pairs where p.confidence >= alignment.minConfidence && !p.segments.isEmpty && !p.english.isEmpty {
            let members = p.segments.filter { $0 < segments.count }.map { segments[$0] }
            guard !members.contains(where: { $0.role == .furniture }), let first = members.first else { continue }
            let source = Markup.xmlSafe(members.map(\.text).joined(separator: " ")).trimmingCharacters(in: .whitespacesAndNewlines)
            let target = Markup.xmlSafe(p.english.joined(separator: " ")).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !source.isEmpty, !target.isEmpty else { continue }
            let props = [TMUnit.Prop(type: "x-selaras-provenance", value: "aligned"),
                         .init(type: "x-selaras-alignment-confidence", value: String(format: "%.3f", p.confidence)),
                         .init(type: "x-selaras-article", value: Markup.xmlSafe(document.article.id))]
            out.append(TMUnit(tuid: Markup.xmlSafe("\(document.article.id)/\(first.id)-en"), source: source, target: target,
                              sourceLanguage: context.sourceLanguage, targetLanguage: context.targetLanguage,
                              props: props, origin: document.article.id, creationDate: date))
        }
        return out
    }
}

/// Collects the TM pairs of every article of a run, for one TMX at the end (`run.tmx`).
///
/// The pipeline feeds it one document at a time, from any thread (`add` is serialised by a lock);
/// `render` sorts by article id and segment order, so the file does not depend on which thread
/// finished first, and keeps one unit per distinct source/target pair (the first in that order).
/// Articles skipped as unchanged contribute through `addTMX(at:)`, from their per-article TMX.
public final class RunTMXCollector: Sendable {
    public static let fileName = "run.tmx"

    private struct Keyed: Sendable {
        var key: String
        var index: Int
        var unit: TMUnit
    }
    private let units = Locked<[Keyed]>([])
    public let context: WriterContext
    public let includeMachine: Bool

    public init(context: WriterContext, includeMachine: Bool = false) {
        self.context = context
        self.includeMachine = includeMachine
    }

    /// Adds a processed document's pairs.
    public func add(_ document: Document) {
        let new = TMXPairs.units(of: document, context: context, includeMachine: includeMachine)
        let id = document.article.id
        units.withLock { list in for (i, u) in new.enumerated() { list.append(Keyed(key: id, index: i, unit: u)) } }
    }

    /// Adds units read elsewhere (for example from an earlier run), under `key` for ordering.
    public func add(units new: [TMUnit], key: String) {
        units.withLock { list in for (i, u) in new.enumerated() { list.append(Keyed(key: key, index: i, unit: u)) } }
    }

    /// Adds the units of a TMX file Selaras wrote earlier (a skipped article's `ID.tmx`).
    /// Returns the reader's issues; throws when the file cannot be read at all.
    @discardableResult
    public func addTMX(at url: URL, key: String? = nil) throws -> [Diagnostic] {
        var read: [TMUnit] = []
        let issues = try TMXReader(sourceLanguage: context.sourceLanguage, targetLanguage: context.targetLanguage)
            .read(url) { read.append($0) }
        add(units: read, key: key ?? url.deletingPathExtension().lastPathComponent)
        return issues
    }

    /// The distinct pairs, in article then segment order.
    public var pairs: [TMUnit] {
        let snapshot = units.value
        var seen = Set<String>()
        return snapshot.sorted { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
            .map(\.unit)
            .filter { seen.insert($0.source + "\u{0}" + $0.target).inserted }
    }

    public var count: Int { pairs.count }
}
