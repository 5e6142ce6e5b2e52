import Foundation
import GRDB
import Hummingbird
import TerminologyStore
import Workspace

/// `/health` (the process answers), `/ready` (releases and workspace usable), `/metrics` (Prometheus)
/// and the OpenAPI document.
struct OperationsRoutes: Sendable {
    let services: ServerServices

    func register(on router: Router<StewardRequestContext>) {
        router.add(.get, "health", .open) { _, _ in
            try JSONResponse.make(["status": "ok"])
        }
        router.add(.get, "ready", .open) { _, _ in
            var problems: [String] = []
            let releases = (try? services.releases.all()) ?? []
            if releases.isEmpty { problems.append("no releases imported") }
            do {
                _ = try services.workspace.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
            } catch {
                problems.append("workspace unreadable: \(error)")
            }
            let body = ReadinessView(
                status: problems.isEmpty ? "ready" : "not ready", releases: releases.map(\.info.name), problems: problems,
                unreadableStores: services.releases.unreadableStores)
            return try JSONResponse.make(body, status: problems.isEmpty ? .ok : .serviceUnavailable)
        }
        router.add(.get, "metrics", .open) { _, _ in
            updateStoreGauges()
            return JSONResponse.bytes(services.metrics.exposition(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.add(.get, "api/v1/openapi.json", .open) { _, _ in
            JSONResponse.bytes(OpenAPIDocument.data, contentType: "application/json; charset=utf-8")
        }
    }

    private func updateStoreGauges() {
        for release in (try? services.releases.all()) ?? [] {
            let bytes = Self.fileSize(release.info.path)
            let concepts = release.info.counts.first { $0.component == "concepts" }?.total
            services.metrics.setStoreSize(kind: "release", name: release.info.name, bytes: bytes, concepts: concepts)
        }
        let cache = services.responses.statistics
        services.metrics.setResponseCache(entries: cache.entries, bytes: cache.bytes, hits: cache.hits, misses: cache.misses)
        let workspace = services.workspace.url.path
        services.metrics.setStoreSize(kind: "workspace", name: "workspace", bytes: Self.fileSize(workspace) + Self.fileSize(workspace + "-wal"), concepts: nil)
    }

    private static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }
}

struct ReadinessView: Encodable, Sendable {
    var status: String
    var releases: [String]
    var problems: [String]
    /// Store files skipped because they cannot be read; the other releases are served.
    var unreadableStores: [String]
}
