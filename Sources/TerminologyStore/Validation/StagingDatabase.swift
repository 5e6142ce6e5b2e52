import Foundation
import GRDB
import GRDBSQLite

/// A throw-away SQLite file holding the staged rows of the packages being validated.
///
/// Cross-file rules over an International release touch tens of millions of rows; as indexed tables and SQL
/// they run in bounded memory, where dictionaries of that size would not. The file lives in the temporary
/// directory and is deleted when validation ends, whatever the outcome.
struct StagingDatabase {
    let url: URL
    private let queue: DatabaseQueue

    init(directory: URL) throws {
        url = directory.appendingPathComponent("steward-validate-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).sqlite")
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(
                sql: """
                    PRAGMA page_size = 8192;
                    PRAGMA journal_mode = OFF;
                    PRAGMA synchronous = OFF;
                    PRAGMA locking_mode = EXCLUSIVE;
                    PRAGMA temp_store = FILE;
                    PRAGMA cache_size = -200000;
                    """)
        }
        queue = try DatabaseQueue(path: url.path, configuration: configuration)
    }

    /// Runs `body` on the connection, outside any transaction (the loader manages its own).
    func run<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.writeWithoutTransaction(body)
    }

    /// Closes the connection and deletes the file.
    func remove() {
        try? queue.close()
        for suffix in ["", "-journal", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: url.path + suffix)
        }
    }

    static func createTables(_ db: Database) throws {
        for table in StagingPlan.Table.allCases {
            try db.execute(sql: "CREATE TABLE \(table.rawValue)(\(table.allColumns.map { "\($0) INTEGER" }.joined(separator: ", ")))")
        }
    }

    /// Rows per multi-row `INSERT`: one statement step per 32 rows instead of per row roughly halves the
    /// insert cost, which is what bounds the structural pass on two cores.
    static let rowsPerInsert = 32

    static func insertSQL(_ table: StagingPlan.Table, rows: Int) -> String {
        let columns = table.allColumns
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        return "INSERT INTO \(table.rawValue)(\(columns.joined(separator: ","))) VALUES " + Array(repeating: tuple, count: rows).joined(separator: ",")
    }

    /// Prepared statements for one table: a multi-row one and a single-row one for the remainder.
    struct Inserter {
        let stride: Int
        let multi: Statement
        let single: Statement

        init(_ table: StagingPlan.Table, db: Database) throws {
            stride = table.allColumns.count
            multi = try db.makeStatement(sql: StagingDatabase.insertSQL(table, rows: StagingDatabase.rowsPerInsert))
            single = try db.makeStatement(sql: StagingDatabase.insertSQL(table, rows: 1))
        }

        /// Inserts flat rows of `stride` values, binding integers directly (``ValidationValues/null`` as NULL).
        func insert(_ values: [Int64], db: Database) throws {
            let rows = values.count / stride
            let chunk = StagingDatabase.rowsPerInsert
            try values.withUnsafeBufferPointer { buffer in
                var row = 0
                while row < rows {
                    let count = rows - row >= chunk ? chunk : 1
                    let handle = (count == chunk ? multi : single).sqliteStatement
                    let base = row * stride
                    for position in 0..<(count * stride) {
                        let value = buffer[base + position]
                        if value == ValidationValues.null {
                            sqlite3_bind_null(handle, Int32(position + 1))
                        } else {
                            sqlite3_bind_int64(handle, Int32(position + 1), value)
                        }
                    }
                    let result = sqlite3_step(handle)
                    sqlite3_reset(handle)
                    guard result == SQLITE_DONE else {
                        throw DatabaseError(resultCode: ResultCode(rawValue: result), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                    }
                    row += count
                }
            }
        }
    }

    /// Indexes for the id-uniqueness rule and for id lookups by the cross-file rules.
    static func createKeyIndexes(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE INDEX concept_key ON concept(id, et);
                CREATE INDEX description_key ON description(id, et);
                CREATE INDEX relationship_key ON relationship(id, et);
                CREATE INDEX concrete_key ON concrete(id, et);
                CREATE INDEX member_key ON member(uhi, ulo, et);
                """)
    }

    /// The state the cross-file rules see: the newest row of every id across all packages (tables `c_*`).
    ///
    /// A single Snapshot package already is that state, so views suffice; several packages or Full files
    /// need the newest row per id chosen first (SQLite takes the bare columns from the row holding `max(et)`).
    static func createCurrentState(_ db: Database, materialize: Bool) throws {
        for table in [StagingPlan.Table.concept, .description, .relationship, .concrete, .member] {
            let name = "c_\(table.rawValue)"
            guard materialize else {
                try db.execute(sql: "CREATE TEMP VIEW \(name) AS SELECT * FROM \(table.rawValue)")
                continue
            }
            let key = table == .member ? "uhi, ulo" : "id"
            let columns = table.allColumns.filter { $0 != "et" }
            try db.execute(
                sql: """
                    CREATE TABLE \(name) AS SELECT \(columns.joined(separator: ", ")), max(et) AS et FROM \(table.rawValue) GROUP BY \(key);
                    """)
            if table != .member {
                try db.execute(sql: "CREATE INDEX \(name)_id ON \(name)(id)")
            }
        }
        try db.execute(
            sql: """
                CREATE TABLE c_mdrs AS SELECT file, line, uhi, ulo, active, module, target, source_time, target_time, max(et) AS et
                FROM mdrs GROUP BY uhi, ulo;
                """)
    }

    /// Indexes the language rules look things up by; on the base tables when the current state is views.
    static func createRuleIndexes(_ db: Database, materialized: Bool) throws {
        let description = materialized ? "c_description" : "description"
        let member = materialized ? "c_member" : "member"
        try db.execute(
            sql: """
                CREATE INDEX \(description)_concept ON \(description)(concept_id, type_id, active);
                CREATE INDEX \(member)_language ON \(member)(rcid, active) WHERE kind = 1;
                """)
    }
}
