import Foundation
import GRDB
import Testing
@testable import Workspace

@Suite struct TokenTests {
    @Test func createdTokenAuthenticatesUntilRevoked() throws {
        let temporary = try TemporaryWorkspace()
        let workspace = temporary.workspace
        let (token, secret) = try workspace.createToken(for: "ada", role: .author, label: "laptop", by: TemporaryWorkspace.admin)
        #expect(secret.hasPrefix("stw_"))
        #expect(secret.count == 47)
        #expect(token.prefix == String(secret.prefix(10)))
        #expect(try workspace.authenticate(secret: secret) == WorkspaceUser(name: "ada", role: .author))
        #expect(throws: WorkspaceError.self) { try workspace.authenticate(secret: secret + "x") }

        let stored = try workspace.read { db in try String.fetchOne(db, sql: "SELECT hash FROM api_token") }
        #expect(stored == Workspace.tokenHash(secret))
        #expect(stored != secret)

        _ = try workspace.revokeToken(token.id, by: TemporaryWorkspace.admin)
        #expect(throws: WorkspaceError.self) { try workspace.authenticate(secret: secret) }
        let audit = try workspace.auditEvents(AuditQuery(entity: "token"))
        #expect(audit.total == 2)
        #expect(audit.events.map(\.action) == ["revoke", "create"])
    }

    @Test func onlyAdminsManageTokens() throws {
        let workspace = try TemporaryWorkspace().workspace
        for user in [TemporaryWorkspace.viewer, TemporaryWorkspace.author, TemporaryWorkspace.reviewer] {
            #expect { try workspace.createToken(for: "x", role: .admin, by: user) } throws: { error in
                (error as? WorkspaceError)?.kind == .forbidden
            }
        }
        #expect(try workspace.auditEvents(AuditQuery()).total == 0)
    }
}
