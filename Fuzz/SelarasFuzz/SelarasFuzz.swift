// libFuzzer driver for Selaras's parsers (`make fuzz`, scripts/fuzz.sh). Built only when the
// package is resolved with SELARAS_FUZZ=1, by scripts/fuzz.sh, which compiles every Selaras module
// (and Yams) with libFuzzer coverage and AddressSanitizer.
//
// One binary, one target per run: SELARAS_FUZZ_TARGET names it (see `FuzzTarget`). Each target
// feeds the bytes libFuzzer generates to one reader, the way the tool reads that kind of file, and
// ignores the reader's errors: a crash, a sanitizer report, a leak or a hang is the finding.
import Foundation
import SelarasCore
import SelarasFormats
import SelarasGlossary
import SelarasHTML
import SelarasJSONLines
import SelarasPipeline
import SelarasSegmentation
import SelarasText

/// The parsers under fuzzing, by the name scripts/fuzz.sh and docs/reliability.md use.
enum FuzzTarget: String, CaseIterable {
    case tmx, xliff, tbx, srx, regex, glossary, yaml, jsonl, html, placeable, xmlguard

    /// Runs one input through the target's reader.
    func run(_ data: Data) {
        switch self {
        case .tmx:
            _ = try? TMXReader().read(data: data, name: "fuzz.tmx") { _ in }
        case .xliff:
            _ = try? XLIFFReader.units(data: data, name: "fuzz.xlf")
        case .tbx:
            if let file = try? GlossaryFile.read(data: data, url: URL(fileURLWithPath: "/fuzz/fuzz.tbx"), format: nil) {
                _ = file.entries()
            }
        case .srx:
            // A whole SRX document: parsed, its rules compiled, then used on a fixed text.
            if let document = try? SRXDocument(data: data, source: "fuzz.srx"),
               let segmenter = try? SRXSegmenter(document: document, language: "id") {
                _ = segmenter.segment(Self.sampleText)
            }
        case .regex:
            Self.runRegex(data)
        case .glossary:
            // The first byte picks the delimited format; the rest is the file.
            guard let first = data.first else { return }
            let formats: [GlossaryFormat] = [.omegaT, .tsv, .csv]
            let format = formats[Int(first) % formats.count]
            let name = format == .csv ? "fuzz.csv" : "fuzz.tsv"
            if let file = try? GlossaryFile.read(data: Data(data.dropFirst()), url: URL(fileURLWithPath: "/fuzz/" + name), format: format) {
                _ = file.entries()
            }
        case .yaml:
            _ = try? ConfigLoader(checkInputs: false).load(data: data, url: URL(fileURLWithPath: "/fuzz/pipeline.yaml"))
        case .jsonl:
            // One JSON line as `--jsonl` commands read it: the record, then each string field decoded.
            var parser = JSONRecordParser(schema: .text)
            data.withUnsafeBytes { raw in
                let line = raw.bindMemory(to: UInt8.self)
                if (try? parser.parse(line)) != nil { _ = parser.string(0, in: line) }
            }
        case .html:
            _ = try? HTMLArticleReader().read(data: data, id: "fuzz", path: "fuzz.html")
        case .placeable:
            // Both finders, and the oracle: each Indonesian placeable's English rendering reads
            // back as one placeable of a compatible value (`PlaceableRoundTrip`).
            let text = String(decoding: data, as: UTF8.self)
            _ = PlaceableFinder.english(in: text)
            if let problem = PlaceableRoundTrip.disagreement(in: text) {
                fatalError("placeable round trip on \(text.debugDescription): \(problem)")
            }
        case .xmlguard:
            _ = try? XMLGuard.check(data)
        }
    }

    static let sampleText = "Ketua DPR Dr. H. Ahmad S. Siregar, M.Si. tiba pukul 10.30 WIB... Rapat dimulai. "
        + "“Kami menolak. Itu final,” ujar Brigjen. TNI (Purn.) Budi. 1. Membatalkan revisi UU KPK. (Foto: Antara)"

    /// The regex compiler and machine through the SRX path the tool uses: the input's first line
    /// is a rule's before-break pattern, its second the after-break pattern, the rest the text to
    /// segment (the fixed sample when empty). Characters XML cannot carry are dropped. Then each
    /// pattern is compiled with and without the optimiser, and a disagreement on the text is a
    /// finding (`RegexDifferential`).
    static func runRegex(_ data: Data) {
        let parts = String(decoding: data, as: UTF8.self).split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        let before = Markup.escapeText(parts.count > 0 ? String(parts[0]) : "")
        let after = Markup.escapeText(parts.count > 1 ? String(parts[1]) : "")
        let text = parts.count > 2 && !parts[2].isEmpty ? String(parts[2]) : sampleText
        let srx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <srx xmlns="http://www.lisa.org/srx20" version="2.0"><header segmentsubflows="yes" cascade="no"/><body>
            <languagerules><languagerule languagerulename="fuzz">
            <rule break="no"><beforebreak>\(before)</beforebreak><afterbreak>\(after)</afterbreak></rule>
            <rule break="yes"><beforebreak>[.?!]+</beforebreak><afterbreak>\\s</afterbreak></rule>
            </languagerule></languagerules>
            <maprules><languagemap languagepattern=".*" languagerulename="fuzz"/></maprules>
            </body></srx>
            """
        if let document = try? SRXDocument(data: Data(srx.utf8), source: "fuzz.srx"),
           let segmenter = try? SRXSegmenter(document: document, language: "id") {
            _ = segmenter.segment(text)
        }
        // The oracle: the optimised programs answer as the plain ones do, at every boundary.
        for pattern in parts.prefix(2) {
            if let problem = RegexDifferential.disagreement(pattern: String(pattern), text: text, positions: 64) {
                fatalError("regex /\(pattern)/ on \(text.debugDescription): \(problem)")
            }
        }
    }
}

nonisolated(unsafe) var selectedTarget = FuzzTarget.tmx

/// libFuzzer calls this once before the first input: the target is chosen here.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    let name = ProcessInfo.processInfo.environment["SELARAS_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: " ")
        FileHandle.standardError.write(Data("SELARAS_FUZZ_TARGET must name one of: \(names)\n".utf8))
        exit(2)
    }
    selectedTarget = target
    return 0
}

/// libFuzzer's entry (its `main` drives the run): one input to the chosen target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    selectedTarget.run(size == 0 ? Data() : Data(bytes: bytes!, count: size))
    return 0
}
