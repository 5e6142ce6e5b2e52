import Foundation
import GRDB
import RF2

/// Read access to one immutable release store: the one type through which the CLI, search, ECL, diff, the
/// workspace and the server reach a release.
///
/// A store owns a pool of read-only connections (GRDB `DatabasePool`; a release file never changes, so reads
/// need no transaction). ``read(_:)`` blocks the calling thread, so async code reads only inside
/// ``StoreAccess/run(_:)``, which moves the work off the threads that serve requests.
public final class ReleaseStore: Sendable {
    let pool: DatabasePool
    public let info: ReleaseInfo

    /// Opens a store file read-only and reads its metadata. `readers` is how many reads can run at once
    /// (a server serving many requests wants several); `cacheKilobytes` is SQLite's page cache per connection.
    public init(path: String, readers: Int = 2, cacheKilobytes: Int = 65536) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.unknownRelease, "no release store at \(path)")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.maximumReaderCount = max(1, readers)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -\(cacheKilobytes); PRAGMA temp_store = MEMORY")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            info = try pool.unsafeRead { db in try Self.readInfo(db, path: path) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.incompatibleStore, "\(path) is not a readable release store: \(error)")
        }
    }

    /// Runs a read on one of the store's connections, blocking the calling thread: for the CLI and for the
    /// libraries built on the store (search, ECL, diff). A read inside another read of the same store reuses
    /// its connection.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try StoreAccess.checkBlockingAllowed("read of release \(info.name)")
        return try pool.unsafeReentrantRead(body)
    }

    private static func readInfo(_ db: Database, path: String) throws -> ReleaseInfo {
        guard try db.tableExists("release_info") else {
            throw StoreError(.incompatibleStore, "\(path) is not a Steward release store")
        }
        let values = Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM release_info").map { ($0[0] as String, $0[1] as String) })
        guard values["schema_version"] == String(ReleaseSchema.version) else {
            throw StoreError(
                .incompatibleStore,
                "\(path) has store schema version \(values["schema_version"] ?? "?"), this steward reads version \(ReleaseSchema.version): re-import the release"
            )
        }
        let counts = try Row.fetchAll(db, sql: "SELECT component, total, active FROM component_count ORDER BY position").map {
            ComponentCount(component: $0[0], total: $0[1], active: $0[2])
        }
        let packages = try Row.fetchAll(
            db, sql: "SELECT name, path, effective_time, country_namespace, release_type, file_count FROM package ORDER BY position"
        ).map {
            ReleaseInfo.Package(name: $0[0], path: $0[1], effectiveTime: $0[2], countryNamespace: $0[3], releaseType: $0[4], fileCount: $0[5])
        }
        let warnings = try String.fetchAll(db, sql: "SELECT message FROM import_warning ORDER BY position")
        let stages = try Row.fetchAll(db, sql: "SELECT name, seconds FROM import_stage ORDER BY position").map {
            ReleaseInfo.Stage(name: $0[0], seconds: $0[1])
        }
        return ReleaseInfo(
            name: values["name"] ?? "",
            versionURI: values["version_uri"] ?? "",
            published: values["published"] != "false",
            effectiveTime: Int(values["effective_time"] ?? "") ?? 0,
            editionModule: Int64(values["edition_module"] ?? "") ?? 0,
            modules: (values["modules"] ?? "").split(separator: ",").compactMap { Int64($0) },
            source: values["source"] ?? "",
            importedAt: values["imported_at"] ?? "",
            importSeconds: Double(values["import_seconds"] ?? ""),
            counts: counts, packages: packages, warnings: warnings, stages: stages, metadata: values, path: path)
    }
}
