/// A block of parsed rows travelling from the parsing thread to the SQLite writer.
///
/// Columnar and allocation-light: integers in one array, text as bytes with end offsets, so millions of
/// rows cross threads without a `String` per field.
struct RowBatch: Sendable {
    static let capacity = 8192

    var ints: [Int64] = []
    var text: [UInt8] = []
    var textEnds: [Int] = []
    /// Source line of each row, for error messages from the writer (duplicate ids).
    var lines: [Int32] = []

    var count: Int { lines.count }

    init(layout: TableLayout) {
        ints.reserveCapacity(Self.capacity * layout.intStride)
        textEnds.reserveCapacity(Self.capacity * layout.textStride)
        lines.reserveCapacity(Self.capacity)
    }

    mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        text.append(contentsOf: bytes)
        textEnds.append(text.count)
    }
}
