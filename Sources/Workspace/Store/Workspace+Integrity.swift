import Foundation
import GRDB

extension Workspace {
    /// What is wrong with the workspace file: SQLite's `integrity_check` findings and rows whose foreign key
    /// points at nothing. Empty when the workspace is sound.
    public func integrityProblems() throws -> [String] {
        do {
            return try read { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
                let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row -> String in
                    let table: String = row[0]
                    let rowid: Int64? = row[1]
                    let parent: String = row[2]
                    return "\(table) row \(rowid.map(String.init) ?? "?") refers to a missing \(parent) row"
                }
                return integrity + foreignKeys
            }
        } catch let error as DatabaseError {
            return ["cannot check \(url.path): \(error.message ?? error.description)"]
        }
    }
}
