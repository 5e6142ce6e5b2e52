import Foundation
import Hummingbird
import RF2
import TerminologyStore
import Workspace
import StewardViews

/// `/api/v1/refsets...`: the organisation's own refsets — metadata, draft members, entries, the refsets
/// that contain a concept. Publishing, versions and migration are in `RefsetVersionRoutes`, exports and
/// `RefSets/` files in `RefsetExportRoutes`.
struct RefsetRoutes: Sendable {
    let services: ServerServices

    func register(on api: RouterGroup<StewardRequestContext>) {
        registerRefsets(on: api)
        registerContents(on: api)
        registerEdits(on: api)
    }

    /// List, create, find by member, read and update refsets.
    private func registerRefsets(on api: RouterGroup<StewardRequestContext>) {
        api.add(.get, "refsets", .read) { request, _ in
            let paging = try Paging(request, defaultLimit: 100, maximumLimit: 1000)
            let status = try request.queryEnum("status", RefsetStatus.self)
            let kind = try request.queryEnum("kind", RefsetKind.self)
            let release = request.query("release")
            let matching = try services.workspace.refsets().filter { refset in
                (status == nil || RefsetStatus(refset) == status) && (kind == nil || refset.kind == kind)
                    && (release == nil || refset.release == release)
            }
            return try WorkspaceResponse.json(
                Page(total: matching.count, offset: paging.offset, limit: paging.limit, items: Array(matching.dropFirst(paging.offset).prefix(paging.limit))))
        }

        api.add(.post, "refsets", .role(.author)) { request, context in
            let user = try context.user()
            let body = try await request.decodeJSON(RefsetCreateBody.self, context: context)
            let settings = try services.workspace.settings()
            let release = try services.releases.release(body.release ?? request.query("release"))
            let (namespace, moduleId) = try settings.refsetIdentity(namespace: try checkedNamespace(body.namespace), moduleId: body.moduleId?.value)
            let new = NewRefset(
                name: body.name, description: body.description ?? "", owner: body.owner ?? "", moduleId: moduleId,
                language: body.language ?? settings.language, kind: body.kind ?? .extensional, ecl: body.ecl, namespace: namespace, id: body.id?.value)
            let refset = try services.workspace.createRefset(new, release: release.engines.store, by: user)
            return try WorkspaceResponse.versioned(refset, version: refset.version, status: .created, location: WorkspaceLocation.refset(refset.id))
        }

        api.add(.get, "refsets/containing/{conceptId}", .read) { request, context in
            let conceptId = try Identifier.concept(context.parameters.get("conceptId"), parameter: "conceptId")
            let release = try services.releases.release(request.query("release"))
            let found = try services.workspace.refsets(containing: conceptId, release: release.engines.store)
            return try WorkspaceResponse.json(ItemList(found))
        }

        api.add(.get, "refsets/{id}", .read) { request, context in
            let refset = try services.workspace.refset(try WorkspacePath.refsetId(context))
            return try WorkspaceResponse.conditional(request, refset, version: refset.version)
        }

        api.add(.patch, "refsets/{id}", .role(.author)) { request, context in
            let user = try context.user()
            let id = try WorkspacePath.refsetId(context)
            let expected = try request.requiredIfMatch(for: "updating refset \(id)")
            let body = try await request.decodeJSON(RefsetUpdateBody.self, context: context)
            guard body.changesSomething else {
                throw APIError.badRequest("nothing to change: give name, description, owner, moduleId, language or ecl")
            }
            let current = try services.workspace.refset(id)
            if let release = body.release, release != current.release {
                throw APIError.badRequest(
                    "refset \(id) is bound to \(current.release): the release changes only by migration (POST /api/v1/refsets/\(id)/migration)")
            }
            let store = try services.boundRelease(current.release, of: "refset \(id)")
            let updated = try Preconditions.check {
                try services.workspace.updateRefset(id, expectedVersion: expected, release: store, by: user) { body.apply(to: &$0) }
            }
            return try WorkspaceResponse.versioned(updated, version: updated.version)
        }
    }

    /// What a refset holds: detail page, entries, members with terms, expansion.
    private func registerContents(on api: RouterGroup<StewardRequestContext>) {
        api.add(.get, "refsets/{id}/detail", .read) { request, context in
            let id = try WorkspacePath.refsetId(context)
            let language = try request.languagePreference()
            let workspace = services.workspace
            let refset = try workspace.refset(id)
            let store = try services.boundRelease(refset.release, of: "refset \(id)")
            let members = try RefsetTable(members: try workspace.draftMembers(of: id, release: store), release: store, language: language)
            let detail = RefsetDetailView(
                refset: refset, versions: try workspace.versions(of: id), entries: try workspace.entries(of: id), members: members.rows)
            return try WorkspaceResponse.json(detail)
        }

        api.add(.get, "refsets/{id}/entries", .read) { request, context in
            let id = try WorkspacePath.refsetId(context)
            let role = try request.queryEnum("role", RefsetEntryRole.self)
            return try WorkspaceResponse.json(ItemList(try services.workspace.entries(of: id, role: role)))
        }

        api.add(.get, "refsets/{id}/members", .read) { request, context in
            let id = try WorkspacePath.refsetId(context)
            let paging = try Paging(request, defaultLimit: 100)
            let language = try request.languagePreference()
            let workspace = services.workspace
            let refset = try workspace.refset(id)
            if let number = try request.queryInt("version") {
                let version = try Self.version(workspace, id, number)
                let store = try services.boundRelease(version.release, of: "version \(number) of refset \(id)")
                let members = try workspace.members(of: id, version: number)
                return try WorkspaceResponse.json(try MemberPageView(refset, members, store, paging, language, version: number))
            }
            let store = try services.boundRelease(refset.release, of: "refset \(id)")
            let members = try workspace.draftMembers(of: id, release: store)
            return try WorkspaceResponse.json(try MemberPageView(refset, members, store, paging, language, version: nil))
        }

        api.add(.get, "refsets/{id}/expansion", .read) { request, context in
            let id = try WorkspacePath.refsetId(context)
            let paging = try Paging(request, defaultLimit: 100)
            let language = try request.languagePreference()
            let workspace = services.workspace
            let refset = try workspace.refset(id)
            let store =
                try request.query("release").map { try services.releases.release($0).engines.store }
                ?? services.boundRelease(refset.release, of: "refset \(id)")
            let members = try workspace.draftMembers(of: id, release: store)
            return try WorkspaceResponse.json(try MemberPageView(refset, members, store, paging, language, version: nil))
        }
    }

    /// Edits of a refset's draft: add and remove entries, import a member file.
    private func registerEdits(on api: RouterGroup<StewardRequestContext>) {
        api.add(.post, "refsets/{id}/members", .role(.author)) { request, context in
            let user = try context.user()
            let id = try WorkspacePath.refsetId(context)
            let body = try await request.decodeJSON(EntriesBody.self, context: context)
            try body.check()
            let workspace = services.workspace
            let refset = try workspace.refset(id)
            let store = try services.boundRelease(refset.release, of: "refset \(id)")
            let result = try Preconditions.optional(request, current: { refset.version }) { expected in
                try workspace.addEntries(
                    body.conceptIds.map(\.value), role: body.role ?? .member, to: id, reason: body.reason ?? "", expectedVersion: expected, release: store,
                    by: user)
            }
            return try WorkspaceResponse.versioned(result, version: result.refset.version)
        }

        api.add(.delete, "refsets/{id}/members", .role(.author)) { request, context in
            let user = try context.user()
            let id = try WorkspacePath.refsetId(context)
            let body = try await request.decodeJSON(EntriesBody.self, context: context)
            try body.check()
            for (index, id) in body.conceptIds.enumerated() where !SCTID.isValid(id.value, kind: .concept) {
                throw APIError.badRequest("field 'conceptIds.[\(index)]': \(id) is not a valid concept id (partition or check digit is wrong)")
            }
            let workspace = services.workspace
            let result = try Preconditions.optional(request, current: { try workspace.refset(id).version }) { expected in
                try workspace.removeEntries(
                    body.conceptIds.map(\.value), role: body.role ?? .member, from: id, reason: body.reason ?? "", expectedVersion: expected, by: user)
            }
            return try WorkspaceResponse.versioned(result, version: result.refset.version)
        }

        api.add(.post, "refsets/{id}/import", .role(.author)) { request, context in
            let user = try context.user()
            let id = try WorkspacePath.refsetId(context)
            let role = try request.queryEnum("role", RefsetEntryRole.self) ?? .member
            let sourceRefset = try request.query("sourceRefset").map { try Identifier.concept($0, parameter: "sourceRefset") }
            let reason = request.query("reason") ?? "import (upload)"
            let text = try await request.text(context: context)
            let workspace = services.workspace
            let refset = try workspace.refset(id)
            let store = try services.boundRelease(refset.release, of: "refset \(id)")
            let expected = try request.ifMatchVersion()
            let ids = try RefsetMemberFile.conceptIds(text: text, name: "the uploaded file", refsetId: sourceRefset)
            guard !ids.isEmpty else { throw APIError.badRequest("the uploaded file holds no concept ids (RF2 rows count only when active)") }
            let add = { (version: Int) in
                try workspace.addEntries(ids, role: role, to: id, reason: reason, expectedVersion: version, release: store, by: user)
            }
            let result = try expected.map { expected in try Preconditions.check { try add(expected) } } ?? add(refset.version)
            return try WorkspaceResponse.versioned(result, version: result.refset.version)
        }
    }

    static func version(_ workspace: Workspace, _ refsetId: Int64, _ number: Int) throws -> RefsetVersion {
        guard let version = try workspace.versions(of: refsetId).first(where: { $0.number == number }) else {
            throw APIError.notFound("refset \(refsetId) has no published version \(number)")
        }
        return version
    }
}

extension Request {
    /// An optional positive integer query parameter.
    func queryInt(_ name: String) throws -> Int? {
        guard query(name) != nil else { return nil }
        return try queryInt(name, default: 0, range: 1...Int(Int32.max))
    }
}

/// Where a refset's draft stands relative to its published versions.
enum RefsetStatus: String, Sendable, CaseIterable {
    /// Never published.
    case draft
    /// The latest version is the draft.
    case published
    /// Published, with draft changes since.
    case modified

    init(_ refset: LocalRefset) {
        self = refset.publishedRevision == nil ? .draft : refset.hasUnpublishedChanges ? .modified : .published
    }
}

/// `POST /api/v1/refsets`. Namespace, module and language default to the workspace settings, the release
/// to the newest.
struct RefsetCreateBody: Decodable, Sendable {
    var name: String
    var description: String?
    var owner: String?
    var moduleId: ComponentID?
    var language: String?
    var kind: RefsetKind?
    var ecl: String?
    var namespace: LenientInt?
    var release: String?
    /// A refset concept id the refset already has elsewhere.
    var id: ComponentID?
}

/// `PATCH /api/v1/refsets/{id}`: the fields to change. `kind` and `release` may be sent (as a GET returned
/// them) but cannot change here.
struct RefsetUpdateBody: Decodable, Sendable {
    var name: String?
    var description: String?
    var owner: String?
    var moduleId: ComponentID?
    var language: String?
    var ecl: String?
    var kind: RefsetKind?
    var release: String?

    var changesSomething: Bool {
        name != nil || description != nil || owner != nil || moduleId != nil || language != nil || ecl != nil
    }

    /// Sets the fields the body gives; the library checks the result (an extensional refset takes no ECL).
    func apply(to refset: inout LocalRefset) {
        if let name { refset.name = name }
        if let description { refset.description = description }
        if let owner { refset.owner = owner }
        if let moduleId { refset.moduleId = moduleId.value }
        if let language { refset.language = language }
        if let kind { refset.kind = kind }
        if let ecl { refset.ecl = ecl }
    }
}

/// Adding or removing draft entries: members of an extensional refset, inclusions or exclusions of an
/// intensional one.
struct EntriesBody: Decodable, Sendable {
    var conceptIds: [ComponentID]
    var role: RefsetEntryRole?
    var reason: String?

    func check() throws {
        guard !conceptIds.isEmpty else { throw APIError.badRequest("field 'conceptIds' is empty: give at least one concept id") }
    }
}

/// One page of a refset's members (the draft, a published version, or an expansion on another release)
/// with terms in the requested language.
struct MemberPageView: Encodable, Sendable {
    var refsetId: String
    /// The published version listed; nil for the draft.
    var version: Int?
    /// The release the members and their terms come from.
    var release: String
    var total: Int
    var offset: Int
    var limit: Int
    var items: [RefsetTable.Row]

    init(_ refset: LocalRefset, _ members: [Int64], _ store: ReleaseStore, _ paging: Paging, _ language: LanguagePreference, version: Int?) throws {
        refsetId = String(refset.id)
        self.version = version
        release = store.info.name
        total = members.count
        offset = paging.offset
        limit = paging.limit
        items = try RefsetTable(members: Array(members.dropFirst(paging.offset).prefix(paging.limit)), release: store, language: language).rows
    }
}
