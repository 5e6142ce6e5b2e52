import Foundation
import Hummingbird
import RF2
import TerminologyStore
import Workspace

/// `/api/v1/refsets/{id}/export` (one refset as an RF2 package, an RF2 member file, CSV, TSV, a FHIR
/// ValueSet or its `RefSets/` file) and `/api/v1/refsets/files` (every refset as `RefSets/` files, and
/// loading such files into the workspace). Exports are built on the blocking thread pool in a temporary
/// folder the server names, which is removed afterwards.
struct RefsetExportRoutes: Sendable {
    let services: ServerServices

    enum Format: String, Sendable, CaseIterable {
        case zip, rf2, csv, tsv, fhir, file
    }

    func register(on api: RouterGroup<StewardRequestContext>) {
        api.add(.get, "refsets/{id}/export", .read) { request, context in
            let id = try WorkspacePath.refsetId(context)
            guard let format = try request.queryEnum("format", Format.self) else {
                throw APIError.badRequest("parameter 'format' is required: one of \(Format.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let refset = try services.workspace.refset(id)
            switch format {
            case .zip, .rf2: return try await rf2(request, refset, format: format)
            case .csv, .tsv, .fhir: return try await table(request, refset, format: format)
            case .file:
                let language = try request.languagePreference()
                let store = try services.boundRelease(refset.release, of: "refset \(id)")
                let file = try Self.file(services.workspace, refset, store, language)
                return WorkspaceResponse.file(Array(try file.text().utf8), contentType: JSONResponse.contentType, fileName: file.fileName)
            }
        }

        api.add(.get, "refsets/files", .read) { request, _ in
            let language = try request.languagePreference()
            let store = try services.releases.release(request.query("release")).engines.store
            let workspace = services.workspace
            let files = try workspace.refsets().map { refset in
                let file = try Self.file(workspace, refset, store, language)
                return RefsetFileItem(name: file.fileName, content: file)
            }
            return try WorkspaceResponse.json(ItemList(files))
        }

        api.add(.post, "refsets/files", .role(.author)) { request, context in
            let user = try context.user()
            let body = try await request.decodeJSON(SyncBody.self, context: context)
            guard !body.files.isEmpty else { throw APIError.badRequest("field 'files' is empty: give at least one refset file") }
            let release = try services.releases.release(body.release ?? request.query("release")).engines.store
            let workspace = services.workspace
            guard let namespace = try checkedNamespace(body.namespace) ?? workspace.settings().namespace else {
                throw APIError.badRequest("no namespace for new refsets: give \"namespace\" or set the workspace's with PUT /api/v1/workspace/settings")
            }
            let files = body.files.enumerated().map { index, item in (name: item.name ?? "files[\(index)]", file: item.content) }
            let results = try workspace.syncRefsets(files, release: release, namespace: namespace, by: user)
            return try WorkspaceResponse.json(ItemList(results))
        }
    }

    /// A refset's `RefSets/` file with terms from `store`.
    static func file(_ workspace: Workspace, _ refset: LocalRefset, _ store: ReleaseStore, _ language: LanguagePreference) throws -> RefsetFile {
        let entries = try workspace.entries(of: refset.id)
        let terms = try store.preferredTerms(for: entries.map(\.conceptId), preference: language)
        return RefsetFile(refset: refset, entries: entries, terms: terms)
    }

    /// The published history as RF2 (up to `version`, else the latest): the whole package as a zip, or one
    /// simple refset file (`type`: snapshot, full or delta). File names need the country code and namespace
    /// (query, else the settings).
    private func rf2(_ request: Request, _ refset: LocalRefset, format: Format) async throws -> Response {
        let settings = try services.workspace.settings()
        guard let country = request.query("country") ?? settings.countryCode else {
            throw APIError.badRequest("RF2 file names need a country code: give 'country' or set the workspace's with PUT /api/v1/workspace/settings")
        }
        guard
            let namespace = try request.query("namespace").map({ _ in try request.queryInt("namespace", default: 0, range: 1_000_000...9_999_999) })
                ?? settings.namespace
        else {
            throw APIError.badRequest("RF2 file names need a namespace: give 'namespace' or set the workspace's with PUT /api/v1/workspace/settings")
        }
        let type: ReleaseType
        switch request.query("type")?.lowercased() {
        case nil, "snapshot": type = .snapshot
        case "full": type = .full
        case "delta": type = .delta
        case let other?: throw APIError.badRequest("parameter 'type' must be snapshot, full or delta, got '\(other)'")
        }
        let workspace = services.workspace
        var versions = try workspace.versions(of: refset.id)
        if let number = try request.queryInt("version") {
            // The history as it was released with that version.
            versions = versions.filter { $0.number <= number }
            guard versions.last?.number == number else { throw APIError.notFound("refset \(refset.id) has no published version \(number)") }
        }
        guard !versions.isEmpty else {
            throw APIError(
                .conflict, "refset \(refset.id) has no published version: publish it (POST /api/v1/refsets/\(refset.id)/versions) before exporting RF2")
        }
        var times: [String: Int] = [:]
        for release in try services.releases.all() { times[release.info.name] = release.info.effectiveTime }
        let history = RefsetRelease(refset: refset, versions: try versions.map { ($0, try workspace.members(of: refset.id, version: $0.number)) })
        let writer = RefsetRF2Writer(release: history, country: country, namespace: namespace, dependencyTimes: times)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("steward-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        if format == .zip {
            let zip = folder.appendingPathComponent("package.zip")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try writer.writePackage(zipTo: zip)
            return WorkspaceResponse.file(try Data(contentsOf: zip), contentType: "application/zip", fileName: try writer.packageName + ".zip")
        }
        let files = try writer.writeMemberFiles(to: folder, types: [type])
        return WorkspaceResponse.file(
            try Data(contentsOf: files[0]), contentType: "text/tab-separated-values; charset=utf-8", fileName: files[0].lastPathComponent)
    }

    /// The draft's (or a published version's) members with terms: CSV, TSV or a FHIR ValueSet.
    private func table(_ request: Request, _ refset: LocalRefset, format: Format) async throws -> Response {
        let language = try request.languagePreference()
        let workspace = services.workspace
        let published = try request.queryInt("version").map { try RefsetRoutes.version(workspace, refset.id, $0) }
        let store = try services.boundRelease(
            published?.release ?? refset.release, of: published.map { "version \($0.number) of refset \(refset.id)" } ?? "refset \(refset.id)")
        let base = published.map { "refset-\(refset.id)-v\($0.number)" } ?? "refset-\(refset.id)-draft"
        let members =
            try published.map { try workspace.members(of: refset.id, version: $0.number) } ?? workspace.draftMembers(of: refset.id, release: store)
        let table = try RefsetTable(members: members, release: store, language: language)
        switch format {
        case .csv: return WorkspaceResponse.file(Array(table.text(separator: ",").utf8), contentType: "text/csv; charset=utf-8", fileName: base + ".csv")
        case .tsv:
            return WorkspaceResponse.file(
                Array(table.text(separator: "\t").utf8), contentType: "text/tab-separated-values; charset=utf-8", fileName: base + ".tsv")
        default:
            let valueSet = RefsetValueSet(
                refset: refset, version: published, entries: try workspace.entries(of: refset.id), members: table, releaseURI: store.info.versionURI)
            return WorkspaceResponse.file(try valueSet.json(), contentType: JSONResponse.fhirContentType, fileName: base + ".json")
        }
    }
}

/// One `RefSets/` file: its name and its content.
struct RefsetFileItem: Codable, Sendable {
    /// The file name (a label in results and errors; never used as a path).
    var name: String?
    var content: RefsetFile
}

/// `POST /api/v1/refsets/files`: files to load, as `GET /api/v1/refsets/files` lists them.
struct SyncBody: Decodable, Sendable {
    var files: [RefsetFileItem]
    var release: String?
    var namespace: LenientInt?
}
