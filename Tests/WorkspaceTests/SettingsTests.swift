import Foundation
import GRDB
import RF2
import Testing
@testable import Workspace

@Suite struct SettingsTests {
    @Test func aNewWorkspaceHasVersionOneAndNoIdentity() throws {
        let workspace = try TemporaryWorkspace().workspace
        #expect(try workspace.settings() == WorkspaceSettings(namespace: nil, countryCode: nil, moduleId: nil, language: "en", version: 1))
    }

    @Test func updatesAreValidatedNormalisedVersionedAndAudited() throws {
        let workspace = try TemporaryWorkspace().workspace
        var proposed = try workspace.settings()
        proposed.namespace = 1_000_202
        proposed.countryCode = " no "
        proposed.moduleId = 51_000_202_101
        proposed.language = "nb"
        let stored = try workspace.updateSettings(proposed, expectedVersion: 1, by: TemporaryWorkspace.admin)
        #expect(stored.version == 2)
        #expect(stored.countryCode == "NO")
        #expect(stored.updatedBy == "admin")
        let read = try workspace.settings()
        #expect(read.namespace == 1_000_202)
        #expect(read.countryCode == "NO")
        #expect(read.moduleId == 51_000_202_101)
        #expect(read.language == "nb")
        #expect(read.version == 2)
        #expect(read.updatedAt.map(Timestamp.text) == stored.updatedAt.map(Timestamp.text))

        let audit = try workspace.auditEvents(AuditQuery(entity: "settings"))
        #expect(audit.total == 1)
        let event = try #require(audit.events.first)
        #expect(event.action == "update")
        #expect(event.entityId == "workspace")
        #expect(event.before == #"{"language":"en","version":1}"#)
        let updated = try #require(stored.updatedAt.map(Timestamp.text))
        #expect(
            event.after
                == #"{"countryCode":"NO","language":"nb","moduleId":"51000202101","namespace":"1000202","updatedAt":"\#(updated)","updatedBy":"admin","version":2}"#
        )
        // The snapshot decodes back to what the table holds.
        let after = try JSONDecoder().decode(WorkspaceSettings.self, from: Data(try #require(event.after).utf8))
        #expect(after == read)
    }

    @Test(arguments: [
        (WorkspaceSettings(namespace: 100_020), "namespace 100020 is not a 7-digit SNOMED CT namespace identifier (e.g. 1000202)"),
        (WorkspaceSettings(namespace: 10_000_202), "namespace 10000202 is not a 7-digit SNOMED CT namespace identifier (e.g. 1000202)"),
        (WorkspaceSettings(countryCode: "NOR"), "country code 'NOR' is not an ISO 3166-1 alpha-2 code (two letters, e.g. NO)"),
        (WorkspaceSettings(countryCode: "N1"), "country code 'N1' is not an ISO 3166-1 alpha-2 code (two letters, e.g. NO)"),
        (WorkspaceSettings(moduleId: 51_000_202_102), "module id 51000202102 is not a valid concept SCTID (length, partition or check digit is wrong)"),
        // A valid description id is not a module.
        (
            WorkspaceSettings(moduleId: SCTID.make(item: 1_234_567, partition: .description)),
            "module id \(SCTID.make(item: 1_234_567, partition: .description)) is not a valid concept SCTID (length, partition or check digit is wrong)"
        ),
        (WorkspaceSettings(language: "norsk bokmål"), "language 'norsk bokmål' is not a BCP-47 language tag (e.g. nb, en-GB)"),
        (WorkspaceSettings(language: ""), "language '' is not a BCP-47 language tag (e.g. nb, en-GB)"),
    ])
    func invalidSettingsAreRefusedWithTheField(settings: WorkspaceSettings, message: String) throws {
        let workspace = try TemporaryWorkspace().workspace
        #expect { try workspace.updateSettings(settings, expectedVersion: 1, by: TemporaryWorkspace.admin) } throws: { error in
            (error as? WorkspaceError)?.kind == .invalid && (error as? WorkspaceError)?.message == message
        }
        #expect(try workspace.settings().version == 1)
        #expect(try workspace.auditEvents(AuditQuery()).total == 0)
    }

    @Test func onlyAdminsChangeSettings() throws {
        let workspace = try TemporaryWorkspace().workspace
        for user in [TemporaryWorkspace.viewer, TemporaryWorkspace.author, TemporaryWorkspace.reviewer] {
            #expect { try workspace.updateSettings(WorkspaceSettings(language: "nb"), expectedVersion: 1, by: user) } throws: { error in
                (error as? WorkspaceError)?.kind == .forbidden
            }
        }
        #expect(try workspace.settings().language == "en")
    }

    @Test func aStaleVersionIsAConflictNamingTheCurrentOne() throws {
        let workspace = try TemporaryWorkspace().workspace
        _ = try workspace.updateSettings(WorkspaceSettings(language: "nb"), expectedVersion: 1, by: TemporaryWorkspace.admin)
        #expect { try workspace.updateSettings(WorkspaceSettings(language: "nn"), expectedVersion: 1, by: TemporaryWorkspace.admin) } throws: { error in
            guard let error = error as? WorkspaceError else { return false }
            return error.kind == .conflict && error.currentVersion == 2
                && error.message
                    == "the workspace settings was changed by someone else: your edit is based on version 1, the current version is 2; reload and try again"
        }
        #expect(try workspace.settings().language == "nb")
    }

    @Test func timestampsSurviveARoundTrip() {
        let date = Date(timeIntervalSince1970: 1_796_145_975.3589)
        let text = Timestamp.text(date)
        #expect(text == "2026-12-01T17:26:15.359Z")
        #expect(Timestamp.text(Timestamp.date(text)) == text)
        #expect(Timestamp.text(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
        for milliseconds in stride(from: Int64(1_700_000_000_000), to: 1_700_000_001_000, by: 1) {
            let text = Timestamp.text(Date(timeIntervalSince1970: Double(milliseconds) / 1000))
            #expect(Timestamp.text(Timestamp.date(text)) == text)
        }
    }

    @Test func tokenAuditSnapshotsKeepTheStoredMilliseconds() throws {
        let workspace = try TemporaryWorkspace().workspace
        _ = try workspace.createToken(for: "ada", role: .author, by: TemporaryWorkspace.admin)
        let stored = try workspace.read { db in try String.fetchOne(db, sql: "SELECT created_at FROM api_token") }
        let after = try #require(try workspace.auditEvents(AuditQuery(entity: "token")).events.first?.after)
        #expect(after.contains(#""createdAt":"\#(try #require(stored))""#))
    }
}
