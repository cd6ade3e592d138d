/// A square matrix of similarities between the rankable sentences of an article, stored row by row
/// in one array (one allocation, rows contiguous for the rankers' inner loops).
struct SimilarityMatrix: Sendable {
    /// The number of rows (and columns).
    let count: Int
    /// Row `i` is `values[i * count ..< (i + 1) * count]`.
    private(set) var values: [Double]

    /// An all-zero `count` × `count` matrix.
    init(count: Int) {
        self.count = count
        values = [Double](repeating: 0, count: count * count)
    }

    /// Builds a matrix from rows (each of length `rows.count`).
    init(rows: [[Double]]) {
        self.init(count: rows.count)
        for (i, row) in rows.enumerated() {
            precondition(row.count == count, "SimilarityMatrix rows must have one value per row")
            for (j, x) in row.enumerated() { values[i * count + j] = x }
        }
    }

    @inline(__always)
    subscript(i: Int, j: Int) -> Double {
        get { values[i * count + j] }
        set { values[i * count + j] = newValue }
    }

    /// Row `i` as an array.
    func row(_ i: Int) -> [Double] { Array(values[(i * count)..<((i + 1) * count)]) }

    /// The sum of each row, adding the columns in order from 0.
    func rowSums() -> [Double] {
        (0..<count).map { i in
            var s = 0.0
            for j in 0..<count { s += values[i * count + j] }
            return s
        }
    }
}
