import Foundation
import SelarasAlign
import SelarasCore
import SelarasFormats
import SelarasGlossary
import SelarasJSONLines
import SelarasOutput
import SelarasSegmentation
import SelarasTM
import SelarasText

/// What `selaras align` does around the aligner: builds it from a dictionary, glossaries and a TM,
/// segments raw texts, and writes the pairs (TMX, TSV, or XLIFF for review) and JSON-lines records.
public enum AlignmentJob {
    /// Where the aligner's lexical evidence comes from.
    public struct Resources: Sendable {
        /// A FreeDict dictionary (`nil`: none). Default: Debian's English–Indonesian one, when installed.
        public var dictionary: URL? = FileManager.default.fileExists(atPath: FreeDictReader.debianEnglishIndonesian.path)
            ? FreeDictReader.debianEnglishIndonesian : nil
        public var glossaries: [URL] = []
        /// TMX files or a TM store whose pairs train the word model.
        public var tmx: [URL] = []
        public var store: URL?

        public init() {}

        /// The command line's: `dictionary` replaces Debian's, `noDictionary` drops it.
        public init(dictionary: URL?, noDictionary: Bool, glossaries: [URL], tmx: [URL], store: URL?) {
            if noDictionary { self.dictionary = nil } else if let dictionary { self.dictionary = dictionary }
            (self.glossaries, self.tmx, self.store) = (glossaries, tmx, store)
        }
    }

    /// The most TM pairs the word model learns from.
    public static let maxMemoryPairs = 30_000

    /// The aligner and the TM pairs it learns from. Problems that do not stop it go to `warn`.
    public static func aligner(_ resources: Resources, options: SentenceAligner.Options = .init(),
                               warn: (String) -> Void) throws -> (SentenceAligner, memory: [(String, String)]) {
        var lexicon = TranslationLexicon()
        if let d = resources.dictionary { lexicon.addDictionary(try FreeDictReader.read(d)) }
        for url in resources.glossaries {
            let (g, issues) = try Glossary.load(contentsOf: url)
            for i in Glossary.located(issues, in: url.path) { warn(i.description) }
            lexicon.addGlossaries([g])
        }
        var memory: [(String, String)] = []
        for url in resources.tmx {
            let issues = try TMXReader().read(url) { memory.append(($0.source, $0.target)) }
            if !issues.isEmpty { warn("\(url.path): \(issues.count) unit\(issues.count == 1 ? "" : "s") skipped") }
        }
        if let s = resources.store {
            try TMStore(url: s, create: false).forEachUnit { memory.append(($0.source, $0.target)) }
        }
        // Model 1 learns enough from tens of thousands of pairs; more only costs time.
        if memory.count > maxMemoryPairs {
            warn("the word model learns from the first \(maxMemoryPairs) of the \(memory.count) TM pairs")
            memory.removeLast(memory.count - maxMemoryPairs)
        }
        return (SentenceAligner(lexicon: lexicon, options: options), memory)
    }

    /// The sentences of a raw text: paragraphs at blank lines, then Selaras's rules for the language
    /// (`IndonesianSegmenter`, or `EnglishSegmenter` for `en`); news furniture is kept (it has a
    /// counterpart in the other edition as often as not).
    public static func sentences(_ text: String, language: String) -> [String] {
        let normal = text.replacingOccurrences(of: "\r\n", with: "\n")
        let raw = language.lowercased().hasPrefix("en") ? EnglishSegmenter().sentences(normal) : IndonesianSegmenter().sentences(normal)
        // A hard-wrapped sentence is one line of text.
        return raw.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.filter { !$0.isEmpty }
    }

    /// The `--jsonl` record of one document: `{"id", "alignment": [[[source indices], [target
    /// indices]], ...], "confidence": [...]}`.
    public static func record(id: JSONID, beads: [AlignmentBead]) -> [UInt8] {
        var w = JSONWriter()
        w.beginRecord(id: id)
        w.key("alignment")
        w.beginArray()
        for b in beads {
            w.beginArray()
            w.beginArray(); for i in b.source { w.int(i) }; w.endArray()
            w.beginArray(); for j in b.target { w.int(j) }; w.endArray()
            w.endArray()
        }
        w.endArray()
        w.key("confidence")
        w.beginArray(); for b in beads { w.number((b.confidence * 1000).rounded() / 1000) }; w.endArray()
        w.endRecord()
        return w.bytes
    }

    /// A bead's two sides as text (sentences joined by a space).
    public static func texts(_ b: AlignmentBead, source: [String], target: [String]) -> (String, String) {
        (source[b.source].joined(separator: " "), target[b.target].joined(separator: " "))
    }

    /// Writes the beads with both sides whose confidence is at least `minConfidence` to `url`: TMX
    /// (`.tmx`, with the confidence as the prop `x-selaras-alignment-confidence`), XLIFF 1.2
    /// (`.xlf`, `.xliff`: targets `needs-review-translation`, for the review loop) or, for any other
    /// name, TSV (`tsv(...)`). Atomic.
    public static func write(_ beads: [AlignmentBead], source: [String], target: [String], to url: URL, minConfidence: Double,
                             origin: String) throws {
        let ext = url.pathExtension.lowercased()
        guard ext == "tmx" || ext == "xlf" || ext == "xliff" else {
            return try AtomicFile.write(tsv(beads, source: source, target: target, minConfidence: minConfidence), to: url)
        }
        let pairs = beads.filter { $0.confidence >= minConfidence && !$0.source.isEmpty && !$0.target.isEmpty }
            .map { (bead: $0, text: texts($0, source: source, target: target)) }
        if ext == "tmx" {
            let units = pairs.enumerated().map { k, p -> TMUnit in
                var u = TMUnit(tuid: "\(origin)/\(k + 1)", source: p.text.0, target: p.text.1, origin: origin)
                u.props = [.init(type: "x-selaras-alignment-confidence", value: String(format: "%.3f", p.bead.confidence)),
                           .init(type: "x-selaras-origin", value: origin)]
                return u
            }
            return try TMXWriter().write(units: units, to: url)
        }
        var doc = Document(article: Article(id: origin, paragraphs: pairs.map { Paragraph($0.text.0) }))
        doc.segments = pairs.enumerated().map { k, p in
            Segment(id: "b\(k + 1)", text: p.text.0, paragraph: k, range: 0..<p.text.0.unicodeScalars.count)
        }
        doc.targets = pairs.map { p in
            Target(text: p.text.1, provenance: .fuzzyTM, score: (p.bead.confidence * 100).rounded(),
                   origin: "alignment (confidence \(String(format: "%.2f", p.bead.confidence)))")
        }
        try AtomicFile.write(try XLIFF12Writer().render(doc, context: WriterContext()), to: url)
    }

    /// The beads as TSV (`confidence`, `source`, `target`, a header first): those at `minConfidence`
    /// or more with both sides; with `minConfidence` 0, every bead, the sentences without a
    /// counterpart too.
    public static func tsv(_ beads: [AlignmentBead], source: [String], target: [String], minConfidence: Double) -> String {
        var out = "confidence\tsource\ttarget\n"
        for b in beads where b.confidence >= minConfidence && (minConfidence == 0 || (!b.source.isEmpty && !b.target.isEmpty)) {
            let (s, t) = texts(b, source: source, target: target)
            out += "\(String(format: "%.3f", b.confidence))\t\(Markup.flattenTSV(s))\t\(Markup.flattenTSV(t))\n"
        }
        return out
    }

    /// `--jsonl`: the records of `bytes` (`{"id", "source": [...], "target": [...]}`) aligned, as
    /// output records in input order; bad lines go to `bad`.
    public static func alignRecords(_ bytes: [UInt8], source: String, aligner: SentenceAligner, memory: [(String, String)],
                                    bad: (Diagnostic) -> Void) -> [UInt8] {
        var ids: [JSONID] = [], documents: [(source: [String], target: [String])] = []
        JSONLines.forEach(in: bytes, schema: JSONRecordSchema(strings: [], stringLists: ["source", "target"], required: ["source", "target"]),
                          source: source) { r in
            ids.append(r.id)
            documents.append((r.strings(0) ?? [], r.strings(1) ?? []))
        } bad: { bad($0) }
        var out: [UInt8] = []
        for (k, beads) in aligner.align(documents: documents, memory: memory).enumerated() { out += record(id: ids[k], beads: beads) }
        return out
    }

    /// Raw texts: segments both, aligns them, writes the pairs at `minConfidence` or more to `output`
    /// (TSV to `standardOutput` without it) and the others to `review`. Returns the one-line summary.
    public static func alignTexts(source: URL, target: URL, aligner: SentenceAligner, memory: [(String, String)], output: URL?,
                                  review: URL?, minConfidence: Double, standardOutput: ([UInt8]) -> Void) throws -> String {
        var sides: [[String]] = []
        for (url, language) in [(source, "id"), (target, "en")] {
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw Diagnostic.error(.alignInput, at: SourceLocation(file: url.path), "cannot read the file")
            }
            sides.append(sentences(String(decoding: data, as: UTF8.self), language: language))
        }
        let beads = aligner.align(documents: [(sides[0], sides[1])], memory: memory)[0]
        let origin = source.deletingPathExtension().lastPathComponent
        if let output {
            try write(beads, source: sides[0], target: sides[1], to: output, minConfidence: minConfidence, origin: origin)
        } else {
            standardOutput(Array(tsv(beads, source: sides[0], target: sides[1], minConfidence: minConfidence).utf8))
        }
        if let review {
            try write(beads.filter { $0.confidence < minConfidence }, source: sides[0], target: sides[1], to: review, minConfidence: 0, origin: origin)
        }
        let sure = beads.filter { $0.confidence >= minConfidence && !$0.source.isEmpty && !$0.target.isEmpty }.count
        return "\(sides[0].count) + \(sides[1].count) sentences, \(beads.count) beads, \(sure) pairs at confidence ≥ \(minConfidence)"
            + (review.map { ", \(beads.count - sure) to review in \($0.lastPathComponent)" } ?? "")
    }
}
