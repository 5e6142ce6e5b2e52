import Foundation
import Hummingbird
import TerminologyStore
import Workspace

/// `/api/v1/refsets/{id}/versions...` and `/migration`: publishing the draft as an immutable version, the
/// published versions, and moving a refset to a new release.
struct RefsetVersionRoutes: Sendable {
    let services: ServerServices

    func register(on api: RouterGroup<StewardRequestContext>) {
        api.add(.get, "refsets/{id}/versions", .read) { _, context in
            try WorkspaceResponse.json(ItemList(try services.workspace.versions(of: try WorkspacePath.refsetId(context))))
        }

        api.add(.get, "refsets/{id}/versions/{number}", .read) { _, context in
            let id = try WorkspacePath.refsetId(context)
            let number = try WorkspacePath.number(context, "number", what: "version number")
            guard let number = Int(exactly: number) else { throw APIError.notFound("refset \(id) has no published version \(number)") }
            return try WorkspaceResponse.json(try RefsetRoutes.version(services.workspace, id, number))
        }

        api.add(.post, "refsets/{id}/versions", .role(.reviewer)) { request, context in
            let user = try context.user()
            let id = try WorkspacePath.refsetId(context)
            let body = try await request.decodeJSON(PublishBody.self, context: context)
            let workspace = services.workspace
            let refset = try workspace.refset(id)
            let store = try services.boundRelease(refset.release, of: "refset \(id)")
            let version = try Preconditions.optional(request, current: { refset.version }) { expected in
                try workspace.publish(id, effectiveTime: body.effectiveTime.value, expectedVersion: expected, release: store, note: body.note ?? "", by: user)
            }
            return try WorkspaceResponse.json(version, status: .created, location: WorkspaceLocation.version(id, version.number))
        }

        api.add(.get, "refsets/{id}/migration", .read) { request, context in
            let id = try WorkspacePath.refsetId(context)
            let plan = try await plan(request, id: id, to: request.query("to"))
            return try WorkspaceResponse.json(plan)
        }

        api.add(.post, "refsets/{id}/migration", .role(.author)) { request, context in
            let user = try context.user()
            let id = try WorkspacePath.refsetId(context)
            let expected = try request.requiredIfMatch(for: "migrating refset \(id)")
            let body = try await request.decodeJSON(MigrationBody.self, context: context)
            let decisions = try Dictionary(
                (body.decisions ?? [:]).map { key, decision in
                    guard let conceptId = Int64(key) else { throw APIError.badRequest("field 'decisions': key '\(key)' is not a concept id") }
                    return (conceptId, decision)
                }, uniquingKeysWith: { first, _ in first })
            let plan = try await plan(request, id: id, to: body.to)
            let target = try services.releases.release(body.to).engines.store
            let workspace = services.workspace
            let migrated = try Preconditions.check {
                try workspace.applyMigration(plan, to: target, decisions: decisions, expectedVersion: expected, by: user)
            }
            return try WorkspaceResponse.versioned(migrated, version: migrated.version)
        }
    }

    /// The impact of moving refset `id` from its bound release to `to`.
    private func plan(_ request: Request, id: Int64, to: String?) async throws -> RefsetMigrationPlan {
        guard let to, !to.isEmpty else { throw APIError.badRequest("'to' (the release to move to: a name or version URI) is required") }
        let language = try request.languagePreference()
        let workspace = services.workspace
        let refset = try workspace.refset(id)
        let from = try services.boundRelease(refset.release, of: "refset \(id)")
        let target = try services.releases.release(to).engines.store
        return try workspace.migrationPlan(id, from: from, to: target, language: language)
    }
}

/// `POST /api/v1/refsets/{id}/versions`.
struct PublishBody: Decodable, Sendable {
    /// RF2 effective time, YYYYMMDD (a string or a number).
    var effectiveTime: LenientInt
    var note: String?
}

/// `POST /api/v1/refsets/{id}/migration`: the release to move to and a decision per affected member
/// (`keep`, `remove` or `replace:ID[+ID]`); members without one get the plan's suggestion.
struct MigrationBody: Decodable, Sendable {
    var to: String
    var decisions: [String: MigrationDecision]?
}
