import Foundation

/// The file formats a glossary can be read from and written to.
public enum GlossaryFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// OmegaT's tab-separated glossary: source, target, comment; `#` comment lines; optional BOM.
    /// Several lines with one source are several translations of one term.
    case omegaT = "omegat"
    /// Tab-separated with the header row `term variants translations forbidden pos status domain note
    /// source date`; lists inside a field are separated by `|`.
    case tsv
    /// Comma-separated (RFC 4180 quoting): with the extended header row, or OmegaT's three columns.
    case csv
    /// TBX-Basic v2: `martif`, `termEntry/langSet/tig` (`ntig/termGrp` read too).
    case tbx2 = "tbx"
    /// TBX v3 (ISO 30042:2019, DCA style): `tbx`, `conceptEntry/langSec/termSec`.
    case tbx3

    public var description: String {
        switch self {
        case .omegaT: return "OmegaT TSV"
        case .tsv: return "extended TSV"
        case .csv: return "CSV"
        case .tbx2: return "TBX-Basic v2 (martif)"
        case .tbx3: return "TBX v3"
        }
    }

    /// The columns of the extended formats, in order.
    public static let extendedColumns = ["term", "variants", "translations", "forbidden", "pos", "status", "domain",
                                         "note", "source", "date", "exceptions"]

    /// The format to write for a file name: `.tsv` extended TSV, `.txt`/`.utf8`/`.tab` OmegaT,
    /// `.csv` CSV, `.tbx` TBX v2, `.tbx3` TBX v3. Nil for other extensions.
    public static func forWriting(_ url: URL) -> GlossaryFormat? {
        switch url.pathExtension.lowercased() {
        case "tsv": return .tsv
        case "txt", "utf8", "tab": return .omegaT
        case "csv": return .csv
        case "tbx", "xml": return .tbx2
        case "tbx3": return .tbx3
        default: return nil
        }
    }

    /// The format of existing content: XML by its root element (`martif` or `tbx`), CSV by the
    /// `.csv` extension, tab-separated text by its first line (the extended header or OmegaT).
    public static func detect(_ url: URL, data: Data) -> GlossaryFormat {
        var bytes = data.prefix(4096)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let head = String(decoding: bytes, as: UTF8.self)
        let trimmed = head.drop { $0.isWhitespace }
        if trimmed.hasPrefix("<") {
            if head.range(of: "<tbx[\\s>]", options: .regularExpression) != nil,
               head.range(of: "<martif[\\s>]", options: .regularExpression) == nil {
                return .tbx3
            }
            return .tbx2
        }
        let ext = url.pathExtension.lowercased()
        if ext == "csv" { return .csv }
        for line in head.split(whereSeparator: \.isNewline) {
            let l = line.trimmingCharacters(in: .whitespaces)
            if l.isEmpty || l.hasPrefix("#") { continue }
            if l.lowercased().hasPrefix("term\t") || l.lowercased() == "term" { return .tsv }
            if !l.contains("\t") && l.contains(",") && ext != "tsv" && ext != "txt" && ext != "utf8" && ext != "tab" {
                return .csv
            }
            return .omegaT
        }
        return ext == "tsv" ? .tsv : .omegaT
    }
}
