import Foundation
import Hummingbird
import TerminologyStore
import Workspace

/// `/api/v1/workspace/...`: the workspace settings (namespace, country, module, language), its integrity
/// check and an online backup download.
struct WorkspaceSettingsRoutes: Sendable {
    let services: ServerServices

    func register(on api: RouterGroup<StewardRequestContext>) {
        api.add(.get, "workspace/settings", .read) { request, _ in
            let settings = try services.workspace.settings()
            return try WorkspaceResponse.conditional(request, settings, version: settings.version)
        }

        api.add(.put, "workspace/settings", .role(.admin)) { request, context in
            let admin = try context.user()
            let expected = try request.requiredIfMatch(for: "updating the workspace settings")
            let body = try await request.decodeJSON(SettingsBody.self, context: context)
            let proposed = WorkspaceSettings(
                namespace: body.namespace?.value, countryCode: body.countryCode, moduleId: body.moduleId?.value, language: body.language)
            let updated = try Preconditions.check { try services.workspace.updateSettings(proposed, expectedVersion: expected, by: admin) }
            return try WorkspaceResponse.versioned(updated, version: updated.version)
        }

        api.add(.get, "workspace/check", .role(.admin)) { _, _ in
            let workspace = services.workspace
            let problems = try workspace.integrityProblems()
            return try WorkspaceResponse.json(IntegrityView(status: problems.isEmpty ? "ok" : "problems", problems: problems))
        }

        api.add(.post, "workspace/backup", .role(.admin)) { _, context in
            let admin = try context.user()
            let workspace = services.workspace
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("steward-backup-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("workspace.sqlite")
            try workspace.backup(to: file, by: admin)
            return WorkspaceResponse.file(
                try Data(contentsOf: file), contentType: "application/vnd.sqlite3",
                fileName: "workspace-\(Timestamp.text(Date()).filter { $0.isNumber }.prefix(14)).sqlite")
        }
    }
}

/// `PUT /api/v1/workspace/settings`: the whole record (a field left out is unset; `language` is required).
struct SettingsBody: Decodable, Sendable {
    var namespace: LenientInt?
    var countryCode: String?
    var moduleId: ComponentID?
    var language: String
}

struct IntegrityView: Encodable, Sendable {
    var status: String
    var problems: [String]
}
