import Crypto
import Foundation
import GRDB

extension Workspace {
    /// Creates a token for `user` with `role` and returns it with its secret — the only time the secret is
    /// available. Admin only.
    public func createToken(for user: String, role: Role, label: String = "", by admin: WorkspaceUser) throws -> (token: APIToken, secret: String) {
        let name = user.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100 else { throw WorkspaceError(.invalid, "a token needs a user name of 1–100 characters") }
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
        let secret =
            "stw_"
            + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let now = Date()
        let token = try perform(admin, "create", on: "token", requires: .admin) { db, audit in
            try db.execute(
                sql: "INSERT INTO api_token (user, role, label, prefix, hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [name, role.rawValue, label, String(secret.prefix(10)), Self.tokenHash(secret), Timestamp.text(now), admin.name])
            let token = APIToken(
                id: db.lastInsertedRowID, user: name, role: role, label: label, prefix: String(secret.prefix(10)), createdAt: now, createdBy: admin.name)
            try audit.record(id: token.id, before: APIToken?.none, after: token)
            return token
        }
        return (token, secret)
    }

    /// Every token, newest first. Admin only.
    public func tokens(by admin: WorkspaceUser) throws -> [APIToken] {
        try admin.require(.admin, to: "list tokens")
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_token ORDER BY id DESC").map(Self.token)
        }
    }

    /// Revokes a token; requests presenting it are refused from then on. Admin only.
    public func revokeToken(_ id: Int64, by admin: WorkspaceUser) throws -> APIToken {
        try perform(admin, "revoke", on: "token", requires: .admin) { db, audit in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM api_token WHERE id = ?", arguments: [id]) else {
                throw WorkspaceError.notFound("token", id)
            }
            let before = Self.token(row)
            guard before.isActive else { throw WorkspaceError(.invalid, "token \(id) is already revoked") }
            let now = Date()
            try db.execute(sql: "UPDATE api_token SET revoked_at = ? WHERE id = ?", arguments: [Timestamp.text(now), id])
            var after = before
            after.revokedAt = now
            try audit.record(id: id, before: before, after: after)
            return after
        }
    }

    /// The user a bearer secret stands for, or an `.unauthenticated` error for an unknown or revoked token.
    public func authenticate(secret: String) throws -> WorkspaceUser {
        let hash = Self.tokenHash(secret)
        let row = try read { db in try Row.fetchOne(db, sql: "SELECT * FROM api_token WHERE hash = ?", arguments: [hash]) }
        guard let row else { throw WorkspaceError(.unauthenticated, "unknown token") }
        let token = Self.token(row)
        guard token.isActive else { throw WorkspaceError(.unauthenticated, "token \(token.prefix)… was revoked") }
        return WorkspaceUser(name: token.user, role: token.role)
    }

    static func tokenHash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    private static func token(_ row: Row) -> APIToken {
        APIToken(
            id: row["id"], user: row["user"], role: Role(rawValue: row["role"]) ?? .viewer, label: row["label"], prefix: row["prefix"],
            createdAt: Timestamp.date(row["created_at"]), createdBy: row["created_by"], revokedAt: (row["revoked_at"] as String?).map(Timestamp.date))
    }
}
