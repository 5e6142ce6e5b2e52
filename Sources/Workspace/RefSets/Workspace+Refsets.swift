import ECL
import Foundation
import GRDB
import RF2
import TerminologyStore

extension Workspace {
    /// Creates a refset bound to `release`: allocates its concept id and the ids of its two descriptions in
    /// the namespace, and checks an intensional definition against the release. Authors and up.
    public func createRefset(_ new: NewRefset, release: ReleaseStore, by user: WorkspaceUser) throws -> LocalRefset {
        let name = try Self.checkNew(new, release: release)
        return try perform(user, "create", on: "refset", requires: .author) { db, audit in
            let refset = try Self.insertRefset(db, new, name: name, release: release.info.name, by: user)
            try audit.record(id: refset.id, before: LocalRefset?.none, after: refset)
            return refset
        }
    }

    /// Checks a new refset's fields and definition; returns its trimmed name.
    static func checkNew(_ new: NewRefset, release: ReleaseStore) throws -> String {
        let name = new.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else { throw WorkspaceError(.invalid, "a refset needs a name of 1–200 characters") }
        guard SCTID.isValid(new.moduleId, kind: .concept) else { throw WorkspaceError(.invalid, "module id \(new.moduleId) is not a valid concept SCTID") }
        _ = try RefsetLanguage(new.language)
        let validator = RefsetValidator(release: release)
        switch new.kind {
        case .extensional:
            guard new.ecl == nil else {
                throw WorkspaceError(.invalid, "an extensional refset has a member list, not an ECL definition: drop the ECL or make it intensional")
            }
        case .intensional:
            guard let ecl = new.ecl, !ecl.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw WorkspaceError(.invalid, "an intensional refset needs an ECL definition")
            }
            try validator.checkDefinition(ecl)
        }
        return name
    }

    /// Every local refset, by name.
    public func refsets() throws -> [LocalRefset] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM refset ORDER BY name").map(Self.refset) }
    }

    /// One refset by concept id, or `.notFound`.
    public func refset(_ id: Int64) throws -> LocalRefset {
        try read { db in try Self.loadRefset(db, id) }
    }

    /// One refset by concept id or exact name (what users type on the command line).
    public func refset(named reference: String) throws -> LocalRefset {
        if let id = Int64(reference) { return try refset(id) }
        guard let row = try read({ db in try Row.fetchOne(db, sql: "SELECT * FROM refset WHERE name = ?", arguments: [reference]) }) else {
            throw WorkspaceError.notFound("refset", "'\(reference)'")
        }
        return Self.refset(row)
    }

    /// Changes a refset's metadata or definition. `expectedVersion` is the version the change is based on.
    /// Ids, kind and the bound release do not change here (the release moves with ``applyMigration(_:to:decisions:expectedVersion:by:)``).
    public func updateRefset(_ id: Int64, expectedVersion: Int, release: ReleaseStore? = nil, by user: WorkspaceUser, _ change: (inout LocalRefset) -> Void)
        throws -> LocalRefset
    {
        try perform(user, "update", on: "refset", requires: .author) { db, audit in
            let (before, after) = try Self.applyUpdate(db, id, expectedVersion: expectedVersion, release: release, by: user, change)
            try audit.record(id: id, before: before, after: after)
            return after
        }
    }

    /// Applies a metadata change inside the caller's transaction; returns the refset before and after.
    static func applyUpdate(
        _ db: Database, _ id: Int64, expectedVersion: Int, release: ReleaseStore?, by user: WorkspaceUser, _ change: (inout LocalRefset) -> Void
    ) throws -> (before: LocalRefset, after: LocalRefset) {
        let before = try lockRefset(db, id, expectedVersion: expectedVersion)
        var after = before
        change(&after)
        after.id = before.id
        after.fsnDescriptionId = before.fsnDescriptionId
        after.synonymDescriptionId = before.synonymDescriptionId
        after.relationshipId = before.relationshipId
        after.release = before.release
        after.version = before.version
        after.publishedRevision = before.publishedRevision
        guard SCTID.isValid(after.moduleId, kind: .concept) else { throw WorkspaceError(.invalid, "module id \(after.moduleId) is not a valid concept SCTID") }
        after.name = after.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !after.name.isEmpty else { throw WorkspaceError(.invalid, "a refset needs a name") }
        _ = try RefsetLanguage(after.language)
        if after.kind != before.kind {
            throw WorkspaceError(.invalid, "refset \(id) is \(before.kind.rawValue): the kind of a refset cannot change; create a new one")
        }
        if after.kind == .extensional, after.ecl != nil {
            throw WorkspaceError(.invalid, "refset \(id) is extensional: it has a member list, not an ECL definition")
        }
        if after.kind == .intensional, after.ecl != before.ecl {
            guard let ecl = after.ecl, let release else { throw WorkspaceError(.invalid, "an intensional refset needs an ECL definition") }
            try RefsetValidator(release: release).checkDefinition(ecl)
        }
        if after.name != before.name, try Bool.fetchOne(db, sql: "SELECT 1 FROM refset WHERE name = ? AND id <> ?", arguments: [after.name, id]) == true {
            throw WorkspaceError(.invalid, "a refset named '\(after.name)' already exists")
        }
        try touch(db, &after, by: user)
        try db.execute(
            sql: "UPDATE refset SET name = ?, description = ?, owner = ?, module_id = ?, language = ?, ecl = ?, release = ? WHERE id = ?",
            arguments: [after.name, after.description, after.owner, after.moduleId, after.language, after.ecl, after.release, id])
        return (before, after)
    }

    /// Inserts a validated new refset inside the caller's transaction.
    static func insertRefset(_ db: Database, _ new: NewRefset, name: String, release: String, by user: WorkspaceUser) throws -> LocalRefset {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM refset WHERE name = ?", arguments: [name]) == true {
            throw WorkspaceError(.invalid, "a refset named '\(name)' already exists")
        }
        let now = Date()
        let id: Int64
        if let given = new.id {
            guard SCTID.isValid(given, kind: .concept) else { throw WorkspaceError(.invalid, "refset id \(given) is not a valid concept SCTID") }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM refset WHERE id = ?", arguments: [given]) == true {
                throw WorkspaceError(.invalid, "refset id \(given) is already used by another refset")
            }
            try Self.reserveId(db, given)
            id = given
        } else {
            id = try Self.allocateId(db, namespace: new.namespace, partition: .extensionConcept)
        }
        let refset = LocalRefset(
            id: id, name: name, description: new.description,
            owner: new.owner.isEmpty ? user.name : new.owner, moduleId: new.moduleId, language: new.language.lowercased(), kind: new.kind, ecl: new.ecl,
            release: release, fsnDescriptionId: try Self.allocateId(db, namespace: new.namespace, partition: .extensionDescription),
            synonymDescriptionId: try Self.allocateId(db, namespace: new.namespace, partition: .extensionDescription),
            relationshipId: try Self.allocateId(db, namespace: new.namespace, partition: .extensionRelationship), version: 1, publishedRevision: nil,
            createdAt: now, createdBy: user.name, updatedAt: now, updatedBy: user.name)
        try db.execute(
            sql: """
                INSERT INTO refset (id, name, description, owner, module_id, language, kind, ecl, release, fsn_description_id,
                    synonym_description_id, relationship_id, version, published_revision, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)
                """,
            arguments: [
                refset.id, refset.name, refset.description, refset.owner, refset.moduleId, refset.language, refset.kind.rawValue, refset.ecl,
                refset.release, refset.fsnDescriptionId, refset.synonymDescriptionId, refset.relationshipId, refset.version, Timestamp.text(now), user.name,
                Timestamp.text(now), user.name,
            ])
        return refset
    }

    // MARK: Rows

    static func loadRefset(_ db: Database, _ id: Int64) throws -> LocalRefset {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM refset WHERE id = ?", arguments: [id]) else { throw WorkspaceError.notFound("refset", id) }
        return refset(row)
    }

    /// Loads a refset for a change and checks the caller's version against the stored one.
    static func lockRefset(_ db: Database, _ id: Int64, expectedVersion: Int) throws -> LocalRefset {
        let refset = try loadRefset(db, id)
        guard refset.version == expectedVersion else { throw WorkspaceError.stale("refset", id, expected: expectedVersion, current: refset.version) }
        return refset
    }

    /// Records a change: bumps the version and the update stamp.
    static func touch(_ db: Database, _ refset: inout LocalRefset, by user: WorkspaceUser) throws {
        refset.version += 1
        refset.updatedAt = Date()
        refset.updatedBy = user.name
        try db.execute(
            sql: "UPDATE refset SET version = ?, updated_at = ?, updated_by = ? WHERE id = ?",
            arguments: [refset.version, Timestamp.text(refset.updatedAt), user.name, refset.id])
    }

    static func refset(_ row: Row) -> LocalRefset {
        LocalRefset(
            id: row["id"], name: row["name"], description: row["description"], owner: row["owner"], moduleId: row["module_id"], language: row["language"],
            kind: RefsetKind(rawValue: row["kind"]) ?? .extensional, ecl: row["ecl"], release: row["release"], fsnDescriptionId: row["fsn_description_id"],
            synonymDescriptionId: row["synonym_description_id"], relationshipId: row["relationship_id"], version: row["version"],
            publishedRevision: row["published_revision"],
            createdAt: Timestamp.date(row["created_at"]), createdBy: row["created_by"], updatedAt: Timestamp.date(row["updated_at"]),
            updatedBy: row["updated_by"])
    }
}
