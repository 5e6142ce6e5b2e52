import GRDB
import GRDBSQLite

/// One row of a statement stepped directly on SQLite, read column by column.
///
/// ECL evaluation reads hundreds of thousands of rows per expression (the relationships of one attribute type,
/// the members of one refset, concept rows); there GRDB's per-row decoding costs more than SQLite's own
/// stepping. A `RawRow` is only valid inside the closure of ``forEach(_:arguments:_:)``.
public struct RawRow {
    let handle: SQLiteStatement

    public func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    public func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    /// The column as text (SQLite's conversion for numbers; empty for NULL).
    public func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// The UTF-8 bytes of a TEXT value, read in place; nil for other storage classes (no conversion, so the
    /// column still reads as what it is afterwards).
    public func withText<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T? {
        guard sqlite3_column_type(handle, column) == SQLITE_TEXT else { return nil }
        let pointer = sqlite3_column_text(handle, column)
        return try body(UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column))))
    }

    public func databaseValue(_ column: Int32) -> DatabaseValue {
        DatabaseValue(sqliteStatement: handle, index: column)
    }

    /// Steps `statement` with `arguments`, calling `body` for every row; resets the statement afterwards.
    public static func forEach(_ statement: Statement, arguments: StatementArguments = [], _ body: (RawRow) throws -> Void) throws {
        try statement.setArguments(arguments)
        try step(statement, body)
    }

    /// Steps `statement` with `arguments` while `body` returns true; resets the statement afterwards.
    public static func scan(_ statement: Statement, arguments: StatementArguments = [], _ body: (RawRow) throws -> Bool) throws {
        try statement.setArguments(arguments)
        try step(statement, body)
    }

    /// Steps `statement` with its single parameter bound to `id`: lookups repeated thousands of times, where
    /// building GRDB arguments per call costs more than the lookup.
    public static func forEach(_ statement: Statement, id: Int64, _ body: (RawRow) throws -> Void) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_bind_int64(handle, 1, id)
        try step(statement, body)
    }

    private static func step(_ statement: Statement, _ body: (RawRow) throws -> Void) throws {
        try step(statement) { row in
            try body(row)
            return true
        }
    }

    /// The one loop that steps a statement on SQLite directly: every row to `body` until it returns false.
    private static func step(_ statement: Statement, _ body: (RawRow) throws -> Bool) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        let row = RawRow(handle: handle)
        while true {
            let result = sqlite3_step(handle)
            if result == SQLITE_DONE { return }
            guard result == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: result), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: statement.sql)
            }
            if try !body(row) { return }
        }
    }
}
