/// A column of UTF-8 strings kept in one byte arena, so millions of terms cost no `String` objects.
///
/// Replacing a value appends the new bytes and repoints the row; the old bytes stay (they may still be
/// referenced by a history row copied from this one).
struct ByteColumn: Sendable {
    var arena: [UInt8] = []
    var start: [UInt32] = []
    var length: [UInt32] = []

    var count: Int { start.count }

    mutating func reserve(rows: Int, bytes: Int) {
        start.reserveCapacity(rows)
        length.reserveCapacity(rows)
        arena.reserveCapacity(bytes)
    }

    mutating func append(_ bytes: some Collection<UInt8>) {
        start.append(UInt32(arena.count))
        length.append(UInt32(bytes.count))
        arena.append(contentsOf: bytes)
    }

    /// Appends a row that points at the same bytes as `row` of `other`'s arena (copied into ours).
    mutating func appendCopy(of row: Int, from other: ByteColumn) {
        let s = Int(other.start[row]), n = Int(other.length[row])
        append(other.arena[s..<(s + n)])
    }

    mutating func set(_ row: Int, _ bytes: some Collection<UInt8>) {
        start[row] = UInt32(arena.count)
        length[row] = UInt32(bytes.count)
        arena.append(contentsOf: bytes)
    }

    func bytes(_ row: Int) -> ArraySlice<UInt8> {
        let s = Int(start[row])
        return arena[s..<(s + Int(length[row]))]
    }

    func string(_ row: Int) -> String { String(decoding: bytes(row), as: UTF8.self) }
}
