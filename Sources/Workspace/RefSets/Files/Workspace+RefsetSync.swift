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
    /// file is then applied in one transaction.
    public func syncRefsets(from directory: URL, release: ReleaseStore, namespace: Int, by user: WorkspaceUser) throws -> [RefsetSyncResult] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        let files = try names.map { (name: $0, file: try RefsetFile.read(directory.appendingPathComponent($0))) }
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
        var results: [RefsetSyncResult] = []
        for (name, file) in files {
            let existing = try file.id.map { id in try read { db in try Row.fetchOne(db, sql: "SELECT id FROM refset WHERE id = ?", arguments: [id]) } != nil ? id : nil } ?? nil
            let byName = try read { db in try Int64.fetchOne(db, sql: "SELECT id FROM refset WHERE name = ?", arguments: [file.name]) }
            var action = RefsetSyncResult.Action.unchanged
            var refset: LocalRefset
            var fields: [String] = []
            if let id = existing ?? byName {
                refset = try self.refset(id)
                guard refset.release == release.info.name else {
                    throw WorkspaceError(.invalid, "\(name): refset \(id) is bound to \(refset.release), not \(release.info.name): migrate it first")
                }
                let wanted = (file.name, file.description, file.owner.isEmpty ? refset.owner : file.owner, file.module, file.language.lowercased(), file.ecl)
                let current = (refset.name, refset.description, refset.owner, refset.moduleId, refset.language, refset.ecl)
                if wanted != current {
                    fields = zip(["name", "description", "owner", "module", "language", "ecl"], [
                        wanted.0 != current.0, wanted.1 != current.1, wanted.2 != current.2, wanted.3 != current.3, wanted.4 != current.4, wanted.5 != current.5,
                    ]).filter(\.1).map(\.0)
                    guard file.kind == refset.kind else { throw WorkspaceError(.invalid, "\(name): refset \(id) is \(refset.kind.rawValue); its kind cannot change") }
                    refset = try updateRefset(id, expectedVersion: refset.version, release: release, by: user) {
                        $0.name = wanted.0
                        $0.description = wanted.1
                        $0.owner = wanted.2
                        $0.moduleId = wanted.3
                        $0.language = wanted.4
                        $0.ecl = wanted.5
                    }
                    action = .updated
                }
            } else {
                refset = try createRefset(
                    NewRefset(
                        name: file.name, description: file.description, owner: file.owner, moduleId: file.module, language: file.language, kind: file.kind,
                        ecl: file.ecl, namespace: namespace, id: file.id), release: release, by: user)
                action = .created
            }
            var added: [Int64] = []
            var removed: [Int64] = []
            let current = try entries(of: refset.id)
            for role in RefsetEntryRole.allCases {
                let want = Set(file.entries[role] ?? [])
                let have = Set(current.filter { $0.role == role }.map(\.conceptId))
                let toAdd = want.subtracting(have).sorted()
                let toRemove = have.subtracting(want).sorted()
                if !toAdd.isEmpty {
                    refset = try addEntries(toAdd, role: role, to: refset.id, reason: "sync from \(name)", expectedVersion: refset.version, release: release, by: user).refset
                    added += toAdd
                }
                if !toRemove.isEmpty {
                    refset = try removeEntries(toRemove, role: role, from: refset.id, reason: "sync from \(name)", expectedVersion: refset.version, by: user).refset
                    removed += toRemove
                }
            }
            if action == .unchanged && !(added.isEmpty && removed.isEmpty) { action = .updated }
            results.append(
                RefsetSyncResult(
                    file: name, refsetId: refset.id, name: refset.name, action: action, fields: fields, added: added.sorted(), removed: removed.sorted(),
                    warnings: (warnings[name] ?? []).filter { added.contains($0.conceptId) }))
        }
        return results
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
