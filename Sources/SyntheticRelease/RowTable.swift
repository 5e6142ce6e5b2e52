import RF2

/// How one RF2 column is stored and written.
enum ColumnKind: Sendable, Equatable {
    /// A decimal integer (SCTID, date, boolean, group ...), stored in `ints`.
    case int
    /// A member key from which the UUID is derived at write time, stored in `ints`.
    case uuid
    /// UTF-8 text, stored in `strings`.
    case string
    /// The same value on every row (characteristic type, modifier); not stored.
    case constant(Int64)
    /// Language code index (0 = `en`, 1 = `no`), stored in `ints`.
    case language
}

/// The columns of one RF2 table.
struct TableSchema: Sendable {
    let columns: [String]
    let kinds: [ColumnKind]

    init(_ columns: [String], _ kinds: [ColumnKind]) {
        precondition(columns.count == kinds.count)
        self.columns = columns
        self.kinds = kinds
    }

    static let languageCodes = ["en", "no"]

    static let concept = TableSchema(RF2Columns.concept, [.int, .int, .int, .int, .int])
    static let description = TableSchema(
        RF2Columns.description, [.int, .int, .int, .int, .int, .language, .int, .string, .int])
    static let inferred = TableSchema(
        RF2Columns.relationship,
        [
            .int, .int, .int, .int, .int, .int, .int, .int, .constant(WellKnown.inferredRelationship),
            .constant(WellKnown.existentialRestriction),
        ])
    static let stated = TableSchema(
        RF2Columns.relationship,
        [
            .int, .int, .int, .int, .int, .int, .int, .int, .constant(WellKnown.statedRelationship),
            .constant(WellKnown.existentialRestriction),
        ])
    static let concrete = TableSchema(
        RF2Columns.concreteValues,
        [
            .int, .int, .int, .int, .int, .string, .int, .int, .constant(WellKnown.inferredRelationship),
            .constant(WellKnown.existentialRestriction),
        ])

    /// A refset schema from its header: base columns then one column per pattern letter.
    static func refset(_ columns: [String], pattern: String) -> TableSchema {
        var kinds: [ColumnKind] = [.uuid, .int, .int, .int, .int, .int]
        for letter in pattern { kinds.append(letter == "s" ? .string : .int) }
        return TableSchema(columns, kinds)
    }
}

/// Column indices shared by all tables.
enum Col {
    static let id = 0, effectiveTime = 1, active = 2, module = 3
    // concept
    static let definitionStatus = 4
    // description
    static let conceptId = 4, language = 5, typeId = 6, term = 7, caseSignificance = 8
    // relationship / concrete value
    static let source = 4, destination = 5, value = 5, group = 6, relType = 7
    // refset member
    static let refset = 4, referenced = 5, extra = 6
}

/// Rows of one RF2 table stored column by column (`Int64` or byte-arena strings).
struct RowTable: Sendable {
    let schema: TableSchema
    var ints: [[Int64]]
    var strings: [ByteColumn]
    private(set) var count = 0

    init(_ schema: TableSchema, reserve: Int = 0) {
        self.schema = schema
        ints = schema.kinds.map { kind in
            var column: [Int64] = []
            switch kind {
            case .int, .uuid, .language: column.reserveCapacity(reserve)
            default: break
            }
            return column
        }
        strings = schema.kinds.map { kind in
            var column = ByteColumn()
            if kind == .string { column.reserve(rows: reserve, bytes: reserve * 24) }
            return column
        }
    }

    /// Appends a row. `values` holds one entry per column; string and constant entries are ignored
    /// (strings come from `text`, in column order).
    mutating func append(_ values: [Int64], text: [ArraySlice<UInt8>] = []) {
        var t = 0
        for (c, kind) in schema.kinds.enumerated() {
            switch kind {
            case .int, .uuid, .language: ints[c].append(values[c])
            case .string:
                strings[c].append(text[t])
                t += 1
            case .constant: break
            }
        }
        count += 1
    }

    /// Appends a copy of `row` of `other` (same schema).
    mutating func appendCopy(of row: Int, from other: RowTable) {
        for (c, kind) in schema.kinds.enumerated() {
            switch kind {
            case .int, .uuid, .language: ints[c].append(other.ints[c][row])
            case .string: strings[c].appendCopy(of: row, from: other.strings[c])
            case .constant: break
            }
        }
        count += 1
    }

    @inline(__always)
    subscript(row: Int, column: Int) -> Int64 {
        get { ints[column][row] }
        set { ints[column][row] = newValue }
    }

    func isActive(_ row: Int) -> Bool { ints[Col.active][row] != 0 }
}

/// A table's current state (the Snapshot) plus every superseded row (Full = history + current).
struct VersionedTable: Sendable {
    var current: RowTable
    var history: RowTable

    init(_ schema: TableSchema, reserve: Int = 0) {
        current = RowTable(schema, reserve: reserve)
        history = RowTable(schema)
    }

    var schema: TableSchema { current.schema }
    var count: Int { current.count }

    /// Appends a new component or member; returns its row.
    @discardableResult
    mutating func append(_ values: [Int64], text: [ArraySlice<UInt8>] = []) -> Int {
        current.append(values, text: text)
        return current.count - 1
    }

    /// Changes `row` as of `date`: the previous version moves to history unless it is already dated `date`.
    mutating func update(_ row: Int, date: Int64, _ change: (inout RowTable) -> Void) {
        if current[row, Col.effectiveTime] != date {
            history.appendCopy(of: row, from: current)
            current[row, Col.effectiveTime] = date
        }
        change(&current)
    }

    /// Scans `column` once and returns the rows whose value is in `keys`.
    func rows(where column: Int, in keys: Set<Int64>) -> [Int64: [Int]] {
        var result: [Int64: [Int]] = [:]
        guard !keys.isEmpty else { return result }
        let values = current.ints[column]
        for row in values.indices where keys.contains(values[row]) {
            result[values[row], default: []].append(row)
        }
        return result
    }
}
