/// How a quotation of several sentences is segmented (the `quotes` option of the segment stage and
/// of `selaras segment`).
///
/// - `keep`: a quotation that opens and closes on one line is one segment with the words around it
///   (`“Kami siap. Semua sudah dipersiapkan,” ujar Budi.` is one segment), as the UD Indonesian
///   treebanks segment and as a translator reads it: the attribution belongs to the whole quote.
/// - `split`: the sentences inside a quotation are segments of their own (`“Kami siap.` |
///   `Semua sudah dipersiapkan,” ujar Budi.`), as IndoSum segments news.
///
/// The default, `keep`, was chosen by measurement (README, "Segmentation"): it scores higher on
/// the treebank sets and on the news-with-furniture set, `split` on IndoSum.
public enum QuoteMode: String, Sendable, CaseIterable {
    case keep
    case split

    /// The mode used when none is configured.
    public static let `default`: QuoteMode = .keep
}

/// Finds quotations in UTF-8 text and removes the sentence breaks that fall inside one.
///
/// A quotation opens at `“` or `«`, or at a straight `"` that follows the start of a line, white
/// space or an opening bracket and precedes a non-space; it closes at the next `”`, `»` or `"`
/// on the same line. A quotation that is not closed on its line, or runs over `maxBytes`
/// (a stray quote mark rather than a quotation), is not one: its breaks stay. Single quotes are not
/// tracked (they double as apostrophes: `Ka'ban`, `'Ada Apa'`).
enum QuotationSpans {
    /// Longest quotation whose inner breaks are removed, in bytes (about eight sentences).
    static let maxBytes = 1_200

    /// `breaks` (sorted byte offsets) without those strictly inside a quotation of `text`.
    static func removingBreaksInside(_ breaks: [Int], in text: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard !breaks.isEmpty, let p = text.baseAddress else { return breaks }
        let spans = spans(p, text.count)
        guard !spans.isEmpty else { return breaks }
        var out: [Int] = []
        out.reserveCapacity(breaks.count)
        var s = 0
        for b in breaks {
            while s < spans.count, spans[s].upperBound <= b { s += 1 }
            if s < spans.count, spans[s].lowerBound < b { continue }  // inside spans[s]
            out.append(b)
        }
        return out
    }

    /// The quotations of the text as byte ranges from the opening mark to the closing one
    /// (exclusive of what follows), sorted and disjoint.
    static func spans(_ p: UnsafePointer<UInt8>, _ n: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var open: Int? = nil
        var i = 0
        while i < n {
            let b = p[i]
            switch b {
            case 0x0A, 0x0D:
                open = nil
            case 0x22:  // "
                if let o = open {
                    if i - o <= maxBytes { out.append(o..<(i + 1)) }
                    open = nil
                } else {
                    let before: UInt8 = i == 0 ? 0x20 : p[i - 1]
                    let after: UInt8 = i + 1 < n ? p[i + 1] : 0x20
                    let opensAfter = before == 0x20 || before == 0x09 || before == 0x0A || before == 0x28 || before == 0x5B
                    if opensAfter && after != 0x20 && after != 0x09 && after != 0x0A && after != 0x0D { open = i }
                }
            case 0xE2 where i + 2 < n && p[i + 1] == 0x80:
                if p[i + 2] == 0x9C { open = i }  // “ (a second one restarts the quotation)
                else if p[i + 2] == 0x9D, let o = open {  // ”
                    if i - o <= maxBytes { out.append(o..<(i + 3)) }
                    open = nil
                }
            case 0xC2 where i + 1 < n:
                if p[i + 1] == 0xAB { open = i }  // «
                else if p[i + 1] == 0xBB, let o = open {  // »
                    if i - o <= maxBytes { out.append(o..<(i + 2)) }
                    open = nil
                }
            default:
                break
            }
            i += 1
        }
        return out
    }
}
