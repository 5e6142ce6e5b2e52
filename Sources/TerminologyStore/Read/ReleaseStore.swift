import Foundation
import GRDB
import RF2

/// Read access to one immutable release store: the API that the CLI, search, ECL, diff and the server share.
public final class ReleaseStore: Sendable {
    let queue: DatabaseQueue
    public let info: ReleaseInfo

    /// Opens a store file read-only and reads its metadata. `cacheKilobytes` is SQLite's page cache for this
    /// connection (a server holding several connections per release uses less each).
    public init(path: String, cacheKilobytes: Int = 65536) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.unknownRelease, "no release store at \(path)")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -\(cacheKilobytes); PRAGMA temp_store = MEMORY")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            info = try queue.read { db in try Self.readInfo(db, path: path) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.incompatibleStore, "\(path) is not a readable release store: \(error)")
        }
    }

    /// Runs a read on the store's connection. For libraries built on the store (search, ECL, diff).
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.read(body)
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
            effectiveTime: Int(values["effective_time"] ?? "") ?? 0,
            editionModule: Int64(values["edition_module"] ?? "") ?? 0,
            modules: (values["modules"] ?? "").split(separator: ",").compactMap { Int64($0) },
            source: values["source"] ?? "",
            importedAt: values["imported_at"] ?? "",
            importSeconds: Double(values["import_seconds"] ?? ""),
            counts: counts, packages: packages, warnings: warnings, stages: stages, metadata: values, path: path)
    }
}
