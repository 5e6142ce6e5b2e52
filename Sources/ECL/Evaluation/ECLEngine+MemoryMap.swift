import GRDB

extension ECLEngine {
    /// Bytes of the store file SQLite may map while an evaluation runs (its compile-time ceiling, about
    /// 2 GB on Linux, applies as well).
    static let mapSize: Int64 = 1 << 32

    /// Runs `body` with the store file memory-mapped, then restores the connection's setting.
    ///
    /// An evaluation over a large hierarchy touches tens of megabytes of index and table pages once each
    /// (the relationships of an attribute type, a refset's members, the descriptions index). Read through
    /// the page cache, every page is a `pread` copy into freshly allocated cache memory: half of the time of
    /// such an evaluation was kernel time. Mapped, SQLite reads the pages in place. The store is read-only
    /// and never rewritten in place, which is what makes mapping safe; the setting is restored so that the
    /// rest of the store's users keep their configuration.
    static func memoryMapped<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let previous = try Int64.fetchOne(db, sql: "PRAGMA mmap_size") ?? 0
        guard previous < mapSize else { return try body() }
        try db.execute(sql: "PRAGMA mmap_size = \(mapSize)")
        defer { try? db.execute(sql: "PRAGMA mmap_size = \(previous)") }
        return try body()
    }
}
