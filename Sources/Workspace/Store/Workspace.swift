import Foundation
import GRDB
import TerminologyStore

/// The organisation's own mutable data — local refsets, change requests, tokens and the audit log — in
/// `<data>/workspace.sqlite`.
///
/// WAL with `synchronous=FULL`, so an acknowledged write survives a crash or power loss. Every mutation goes
/// through ``perform(_:_:on:requires:_:)``: one immediate transaction that checks the user's role, makes the
/// change and appends its audit event, so the data and its history can never disagree.
public final class Workspace: Sendable {
    /// The workspace file.
    public let url: URL
    let pool: DatabasePool

    /// Opens (creating if needed) the workspace of a data directory and brings its schema up to date.
    public convenience init(dataDirectory: URL) throws {
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        try self.init(url: dataDirectory.appendingPathComponent("workspace.sqlite"))
    }

    public init(url: URL) throws {
        self.url = url
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            pool = try DatabasePool(path: url.path, configuration: configuration)
            try WorkspaceSchema.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw WorkspaceError(.invalid, "cannot open the workspace \(url.path): \(error.message ?? error.description)")
        }
    }

    /// Closes the workspace's connections. Later calls throw; an open `Workspace` otherwise closes when it
    /// is released. Used before replacing the file (restore) and by tests that simulate a stopped daemon.
    public func close() throws {
        do {
            try pool.close()
        } catch let error as DatabaseError {
            throw WorkspaceError(.invalid, "cannot close the workspace \(url.path): \(error.message ?? error.description)")
        }
    }

    /// Reads in a consistent snapshot, blocking the calling thread: async code calls it only inside
    /// `StoreAccess.run`.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try StoreAccess.checkBlockingAllowed("read of the workspace")
        return try pool.read(body)
    }

    /// One audited mutation: checks that `user` has at least `role`, runs `body` in an immediate
    /// transaction, then appends the audit event `body` filled in. Nothing is written if anything throws.
    public func perform<T>(
        _ user: WorkspaceUser, _ action: String, on entity: String, requires role: Role,
        _ body: (Database, inout AuditDraft) throws -> T
    ) throws -> T {
        try user.require(role, to: "\(action) \(entity)")
        try StoreAccess.checkBlockingAllowed("workspace write '\(action) \(entity)'")
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    var draft = AuditDraft()
                    result = try body(db, &draft)
                    if !draft.changedNothing {
                        try AuditLog.append(
                            db,
                            AuditEvent(
                                time: Date(), actor: user.name, role: user.role, entity: entity, entityId: draft.entityId ?? "",
                                action: action, before: draft.before, after: draft.after, note: draft.note))
                    }
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw WorkspaceError(.invalid, "workspace write '\(action) \(entity)' failed: another writer held \(url.path) locked for over 10 s; try again")
        } catch let error as DatabaseError {
            throw WorkspaceError(.invalid, "workspace write '\(action) \(entity)' failed: \(error.message ?? error.description)")
        }
    }
}

/// What one mutation records about itself: the entity's id and its state before and after (JSON).
public struct AuditDraft: Sendable {
    public var entityId: String?
    public var before: String?
    public var after: String?
    public var note: String?
    /// Set by a mutation that turned out to change nothing (a sync of an unchanged file), so the log holds
    /// only real changes.
    var changedNothing = false

    public init() {}

    public mutating func record<Before: Encodable, After: Encodable>(id: any CustomStringConvertible, before: Before?, after: After?) throws {
        entityId = id.description
        self.before = try before.map { try AuditDraft.json($0) }
        self.after = try after.map { try AuditDraft.json($0) }
    }

    static func json<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The same text the tables store (UTC with milliseconds), so an audit snapshot shows the time the row
        // holds rather than a second-rounded one.
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.text(date))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
