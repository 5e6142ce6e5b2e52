import RF2

/// Turns parsed RF2 rows into batch values, checking every field (ids, partitions, dates, flags, text).
struct RowConverter: Sendable {
    let kind: RF2FileKind
    /// Rows outside the window are skipped (Full as of a date, Full since a base release).
    let window: TimeWindow
    /// The date a row with an empty effectiveTime takes (see ``ImportSelection/Entry/releaseDate``).
    let releaseDate: Int
    /// Rows read so far whose effectiveTime was empty, whether or not the window kept them.
    private(set) var undatedRows = 0

    init(kind: RF2FileKind, window: TimeWindow, releaseDate: Int) {
        self.kind = kind
        self.window = window
        self.releaseDate = releaseDate
    }

    /// Appends the row; returns false when the row was filtered out by the time window.
    mutating func append(_ row: RF2Row, to batch: inout RowBatch) throws(RF2Error) -> Bool {
        switch kind {
        case .concept:
            guard try appendComponentStart(row, idKind: .concept, to: &batch) else { return false }
            batch.ints.append(try row.sctid(4, kind: .concept))
        case .description, .textDefinition:
            guard try appendComponentStart(row, idKind: .description, to: &batch) else { return false }
            batch.ints.append(try row.sctid(4, kind: .concept))
            try appendText(row, 5, to: &batch, allowEmpty: false)
            batch.ints.append(try row.sctid(6, kind: .concept))
            try appendText(row, 7, to: &batch, allowEmpty: false)
            batch.ints.append(try row.sctid(8, kind: .concept))
        case .relationship, .statedRelationship:
            guard try appendComponentStart(row, idKind: .relationship, to: &batch) else { return false }
            batch.ints.append(try row.sctid(4, kind: .concept))
            batch.ints.append(try row.sctid(5, kind: .concept))
            batch.ints.append(try group(row, 6))
            batch.ints.append(try row.sctid(7, kind: .concept))
            batch.ints.append(try row.sctid(8, kind: .concept))
            batch.ints.append(try row.sctid(9, kind: .concept))
        case .concreteValues:
            guard try appendComponentStart(row, idKind: .relationship, to: &batch) else { return false }
            batch.ints.append(try row.sctid(4, kind: .concept))
            try appendText(row, 5, to: &batch, allowEmpty: false)
            batch.ints.append(try group(row, 6))
            batch.ints.append(try row.sctid(7, kind: .concept))
            batch.ints.append(try row.sctid(8, kind: .concept))
            batch.ints.append(try row.sctid(9, kind: .concept))
        case .identifier:
            let scheme = try row.sctid(0, kind: .concept)
            let time = try effectiveTime(row, 2)
            guard window.contains(time) else { return false }
            batch.ints.append(scheme)
            try appendText(row, 1, to: &batch, allowEmpty: false)
            batch.ints.append(Int64(time))
            batch.ints.append(try row.bool(3) ? 1 : 0)
            batch.ints.append(try row.sctid(4, kind: .concept))
            batch.ints.append(try row.sctid(5))
        case .refset(let pattern):
            let uuid = try row.uuid(0)
            let time = try effectiveTime(row, 1)
            guard window.contains(time) else { return false }
            batch.ints.append(Int64(bitPattern: uuid.high))
            batch.ints.append(Int64(bitPattern: uuid.low))
            batch.ints.append(Int64(time))
            batch.ints.append(try row.bool(2) ? 1 : 0)
            batch.ints.append(try row.sctid(3, kind: .concept))
            batch.ints.append(try row.sctid(4, kind: .concept))
            batch.ints.append(try row.sctid(5))
            var column = 6
            for letter in pattern.utf8 {
                switch letter {
                case UInt8(ascii: "c"): batch.ints.append(try row.sctid(column))
                case UInt8(ascii: "i"): batch.ints.append(try row.int(column))
                default: try appendText(row, column, to: &batch, allowEmpty: true)
                }
                column += 1
            }
        }
        batch.lines.append(Int32(truncatingIfNeeded: row.line))
        return true
    }

    /// The four columns every component file starts with: id, effectiveTime, active, moduleId. Returns
    /// false (and appends nothing) when the row falls outside the time window.
    private mutating func appendComponentStart(_ row: RF2Row, idKind: SCTID.ComponentKind, to batch: inout RowBatch) throws(RF2Error) -> Bool {
        let id = try row.sctid(0, kind: idKind)
        let time = try effectiveTime(row, 1)
        guard window.contains(time) else { return false }
        batch.ints.append(id)
        batch.ints.append(Int64(time))
        batch.ints.append(try row.bool(2) ? 1 : 0)
        batch.ints.append(try row.sctid(3, kind: .concept))
        return true
    }

    /// The row's effectiveTime. Subset-extraction and authoring tools leave it empty on content not yet
    /// published; such a row belongs to the release being imported, so it takes the release date.
    private mutating func effectiveTime(_ row: RF2Row, _ index: Int) throws(RF2Error) -> Int {
        if let time = try row.optionalDate(index) { return time }
        guard RF2Date.isValid(releaseDate) else {
            throw row.error(
                .badDate, index, "empty, and the package's date \(releaseDate) is no real date to take instead: give --version-date YYYYMMDD")
        }
        undatedRows += 1
        return releaseDate
    }

    private func group(_ row: RF2Row, _ index: Int) throws(RF2Error) -> Int64 {
        let value = try row.int(index)
        guard value >= 0 else { throw row.error(.badInteger, index, "relationship group must not be negative") }
        return value
    }

    private func appendText(_ row: RF2Row, _ index: Int, to batch: inout RowBatch, allowEmpty: Bool) throws(RF2Error) {
        let bytes = row.bytes(index)
        if !allowEmpty, bytes.isEmpty { throw row.error(.emptyValue, index, "must not be empty") }
        try row.checkText(index)
        batch.appendText(bytes)
    }
}
