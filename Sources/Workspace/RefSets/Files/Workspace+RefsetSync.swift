import Foundation
import GRDB
import RF2
import TerminologyStore

/// What syncing one file did.
public struct RefsetSyncResult: Sendable, Codable, Equatable {
    public enum Action: String, Sendable, Codable {
        case created, updated, unchanged
    }

    public var file: String
    @IDString public var refsetId: Int64
    public var name: String
    public var action: Action
    /// Metadata fields that changed.
    public var fields: [String]
    @IDStrings public var added: [Int64]
    @IDStrings public var removed: [Int64]
    public var warnings: [MemberWarning]
}

extension Workspace {
    /// Loads every `*.json` refset file of `directory` into the workspace: creates refsets that do not exist
    /// (matched by id, else by name; a new refset keeps the file's id), updates metadata and entries of those that do. Idempotent: a second
    /// run reports every file unchanged. All files are read and checked before anything is written; each
    /// file is then applied in one transaction with one audit event (action `sync`).
    public func syncRefsets(from directory: URL, release: ReleaseStore, namespace: Int, by user: WorkspaceUser) throws -> [RefsetSyncResult] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        let files = try names.map { (name: $0, file: try RefsetFile.read(directory.appendingPathComponent($0))) }
        return try syncRefsets(files, release: release, namespace: namespace, by: user)
    }

    /// The same for files that did not come from a directory (an upload), each with the name results and
    /// errors call it, applied in the order given.
    public func syncRefsets(_ files: [(name: String, file: RefsetFile)], release: ReleaseStore, namespace: Int, by user: WorkspaceUser) throws
        -> [RefsetSyncResult]
    {
        let warnings = try Self.checkFiles(files, release: release)
        return try files.map { name, file in
            try perform(user, "sync", on: "refset", requires: .author) { db, audit -> RefsetSyncResult in
                let (before, synced) = try Self.syncMetadata(db, name, file, release: release, namespace: namespace, by: user)
                var refset = synced.refset
                let (added, removed) = try Self.syncEntries(db, &refset, file, name, by: user)
                var action = synced.action
                if action == .unchanged && !(added.isEmpty && removed.isEmpty) { action = .updated }
                let result = RefsetSyncResult(
                    file: name, refsetId: refset.id, name: refset.name, action: action, fields: synced.fields, added: added.sorted(),
                    removed: removed.sorted(), warnings: (warnings[name] ?? []).filter { added.contains($0.conceptId) })
                try audit.record(id: refset.id, before: before, after: refset)
                audit.note = try AuditDraft.json(result)
                audit.changedNothing = action == .unchanged
                return result
            }
        }
    }

    /// Checks every file's shape, entries and definition before anything is written; the warnings per file.
    private static func checkFiles(_ files: [(name: String, file: RefsetFile)], release: ReleaseStore) throws -> [String: [MemberWarning]] {
        for (name, file) in files { try file.checkShape(name: name) }
        let validator = RefsetValidator(release: release)
        var warnings: [String: [MemberWarning]] = [:]
        for (name, file) in files {
            do {
                warnings[name] = try validator.check(file.entries.values.flatMap { $0 })
                if let ecl = file.ecl { try validator.checkDefinition(ecl) }
            } catch let error as WorkspaceError {
                throw WorkspaceError(error.kind, "\(name): \(error.message)")
            }
        }
        return warnings
    }

    /// The refset a file describes after its metadata is applied: the existing one (by id, else by name)
    /// updated where the file differs, or a new one. Returns the refset as it was before (nil when new).
    private static func syncMetadata(
        _ db: Database, _ name: String, _ file: RefsetFile, release: ReleaseStore, namespace: Int, by user: WorkspaceUser
    ) throws -> (before: LocalRefset?, synced: (refset: LocalRefset, action: RefsetSyncResult.Action, fields: [String])) {
        var existing: Int64?
        if let id = file.id, try Bool.fetchOne(db, sql: "SELECT 1 FROM refset WHERE id = ?", arguments: [id]) == true { existing = id }
        if existing == nil { existing = try Int64.fetchOne(db, sql: "SELECT id FROM refset WHERE name = ?", arguments: [file.name]) }
        guard let id = existing else {
            let new = NewRefset(
                name: file.name, description: file.description, owner: file.owner, moduleId: file.module, language: file.language, kind: file.kind,
                ecl: file.ecl, namespace: namespace, id: file.id)
            let refset = try insertRefset(db, new, name: try checkNew(new, release: release), release: release.info.name, by: user)
            return (nil, (refset, .created, []))
        }
        let refset = try loadRefset(db, id)
        guard refset.release == release.info.name else {
            throw WorkspaceError(.invalid, "\(name): refset \(id) is bound to \(refset.release), not \(release.info.name): migrate it first")
        }
        guard file.kind == refset.kind else {
            throw WorkspaceError(.invalid, "\(name): refset \(id) is \(refset.kind.rawValue); its kind cannot change")
        }
        let owner = file.owner.isEmpty ? refset.owner : file.owner
        let fields = [
            ("name", file.name != refset.name), ("description", file.description != refset.description), ("owner", owner != refset.owner),
            ("module", file.module != refset.moduleId), ("language", file.language.lowercased() != refset.language), ("ecl", file.ecl != refset.ecl),
        ].filter(\.1).map(\.0)
        guard !fields.isEmpty else { return (refset, (refset, .unchanged, [])) }
        let updated = try applyUpdate(db, id, expectedVersion: refset.version, release: release, by: user) {
            $0.name = file.name
            $0.description = file.description
            $0.owner = owner
            $0.moduleId = file.module
            $0.language = file.language.lowercased()
            $0.ecl = file.ecl
        }.after
        return (refset, (updated, .updated, fields))
    }

    /// Makes the refset's draft entries those of the file, role by role; the concepts added and removed.
    private static func syncEntries(
        _ db: Database, _ refset: inout LocalRefset, _ file: RefsetFile, _ name: String, by user: WorkspaceUser
    ) throws -> (added: [Int64], removed: [Int64]) {
        var added: [Int64] = []
        var removed: [Int64] = []
        let current = try entries(db, refset.id, role: nil)
        for role in RefsetEntryRole.allCases {
            let want = Set(file.entries[role] ?? [])
            let have = Set(current.filter { $0.role == role }.map(\.conceptId))
            if !want.subtracting(have).isEmpty {
                added += try insertEntries(db, &refset, Array(want.subtracting(have)), role: role, reason: "sync from \(name)", by: user).changed
            }
            if !have.subtracting(want).isEmpty {
                removed += try deleteEntries(db, &refset, Array(have.subtracting(want)), role: role, by: user).changed
            }
        }
        return (added, removed)
    }

    /// Writes every local refset as a file into `directory` (one per refset, terms from `release`); returns the files written.
    public func exportRefsetFiles(to directory: URL, release: ReleaseStore?, language: LanguagePreference = .default) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try refsets().map { refset in
            let entries = try self.entries(of: refset.id)
            let terms = try release?.preferredTerms(for: entries.map(\.conceptId), preference: language) ?? [:]
            let file = RefsetFile(refset: refset, entries: entries, terms: terms)
            let url = directory.appendingPathComponent(file.fileName)
            try file.text().write(to: url, atomically: true, encoding: .utf8)
            return url
        }
    }
}
