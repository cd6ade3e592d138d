/// Helpers for code-point (Unicode scalar) offsets, the unit of every range in the document model.
extension String {
    /// The number of Unicode scalars.
    @inlinable public var codePointCount: Int { unicodeScalars.count }

    /// The substring between two code-point offsets (clamped to the string).
    public func codePointSlice(_ range: Range<Int>) -> String {
        let scalars = unicodeScalars
        let lo = scalars.index(scalars.startIndex, offsetBy: max(0, range.lowerBound), limitedBy: scalars.endIndex) ?? scalars.endIndex
        let hi = scalars.index(lo, offsetBy: max(0, range.count), limitedBy: scalars.endIndex) ?? scalars.endIndex
        return String(scalars[lo..<hi])
    }

    /// The substrings for ordered, non-overlapping code-point ranges, in one pass over the string
    /// (slicing each range on its own would walk from the start every time).
    public func codePointSlices(_ ranges: [Range<Int>]) -> [String] {
        let scalars = unicodeScalars
        var out: [String] = []
        out.reserveCapacity(ranges.count)
        var index = scalars.startIndex
        var offset = 0
        for r in ranges {
            guard r.lowerBound >= offset else { out.append(codePointSlice(r)); continue }
            index = scalars.index(index, offsetBy: r.lowerBound - offset, limitedBy: scalars.endIndex) ?? scalars.endIndex
            let end = scalars.index(index, offsetBy: r.count, limitedBy: scalars.endIndex) ?? scalars.endIndex
            out.append(String(scalars[index..<end]))
            index = end
            offset = r.upperBound
        }
        return out
    }

    /// The code-point offset of a String.Index.
    public func codePointOffset(of index: String.Index) -> Int {
        unicodeScalars.distance(from: unicodeScalars.startIndex, to: index)
    }
}
