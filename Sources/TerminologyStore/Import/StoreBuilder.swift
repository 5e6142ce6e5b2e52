import Foundation
import GRDB

/// The connection used while a store is being built: no journal and no syncs, because the file is not
/// visible to anyone until it is complete, synced and renamed into place.
struct StoreBuilder {
    private let queue: DatabaseQueue
    private let path: String

    init(path: String, fresh: Bool) throws {
        self.path = path
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            if fresh { try db.execute(sql: "PRAGMA page_size = 8192") }
            try db.execute(
                sql: """
                    PRAGMA journal_mode = OFF;
                    PRAGMA synchronous = OFF;
                    PRAGMA locking_mode = EXCLUSIVE;
                    PRAGMA temp_store = MEMORY;
                    PRAGMA cache_size = -400000;
                    """)
        }
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    @discardableResult
    func build<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.writeWithoutTransaction(body)
    }

    func close() throws {
        try queue.close()
    }

    /// Flushes the finished file to disk and renames it into place in one atomic step.
    static func publish(_ temporary: URL, as destination: URL) throws {
        let handle = try FileHandle(forUpdating: temporary)
        try handle.synchronize()
        try handle.close()
        guard rename(temporary.path, destination.path) == 0 else {
            throw StoreError(.database, "cannot move the finished store to \(destination.path): \(String(cString: strerror(errno)))")
        }
    }
}
