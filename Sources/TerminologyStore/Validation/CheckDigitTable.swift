import RF2

/// A Verhoeff check with the dihedral and permutation tables folded into one 800-byte lookup table.
///
/// ``RF2/Verhoeff`` is written for clarity; validation checks every SCTID of an International release (tens
/// of millions), where one flat table lookup per digit keeps the parsing thread ahead of SQLite.
enum CheckDigitTable {
    /// `table[(position % 8) * 100 + check * 10 + digit] = D[check][P[position % 8][digit]]`.
    nonisolated(unsafe) private static let table: UnsafeMutablePointer<UInt8> = {
        let d: [[UInt8]] = [
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
            [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
            [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
            [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
        ]
        let p: [[UInt8]] = [
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
            [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
            [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
        ]
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 800)
        for position in 0..<8 {
            for check in 0..<10 {
                for digit in 0..<10 {
                    table[position * 100 + check * 10 + digit] = d[check][Int(p[position][digit])]
                }
            }
        }
        return table
    }()

    /// True when the last digit of `value` is the correct Verhoeff check digit for the rest.
    @inline(__always)
    static func isValid(_ value: Int64) -> Bool {
        let table = self.table
        var check = 0
        var rest = value
        var position = 0
        repeat {
            check = Int(table[(position & 7) &* 100 &+ check &* 10 &+ Int(rest % 10)])
            rest /= 10
            position &+= 1
        } while rest > 0
        return check == 0
    }
}
