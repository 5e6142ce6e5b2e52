import Foundation
import Testing
@testable import Workspace

@Suite struct AuditQueryTests {
    @Test func filtersPagingAndBadPaging() throws {
        let workspace = try TemporaryWorkspace().workspace
        for name in ["a", "b", "c"] { _ = try workspace.createToken(for: name, role: .viewer, by: TemporaryWorkspace.admin) }
        _ = try workspace.revokeToken(2, by: WorkspaceUser(name: "root", role: .admin))
        let page = try workspace.auditEvents(AuditQuery(limit: 2, offset: 1))
        #expect(page.total == 4)
        #expect(page.events.map(\.id) == [3, 2])
        #expect(try workspace.auditEvents(AuditQuery(entityId: "2")).events.map(\.action) == ["revoke", "create"])
        #expect(try workspace.auditEvents(AuditQuery(actor: "root")).events.map(\.entityId) == ["2"])
        #expect(try workspace.auditEvents(AuditQuery(since: Date().addingTimeInterval(3600))).total == 0)
        #expect(try workspace.auditEvents(AuditQuery(since: Date().addingTimeInterval(-3600))).total == 4)
        #expect { try workspace.auditEvents(AuditQuery(limit: -1)) } throws: { error in
            (error as? WorkspaceError)?.message == "audit paging needs a limit and offset of 0 or more (got limit -1, offset 0)"
        }
    }
}
