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

    /// The code-point offset of a String.Index.
    public func codePointOffset(of index: String.Index) -> Int {
        unicodeScalars.distance(from: unicodeScalars.startIndex, to: index)
    }
}
