import Foundation
import GRDB
import RF2
import ReleaseDiff
import Testing
import TerminologyStore
@testable import Workspace

@Suite struct RefsetLifecycleTests {
    static let namespace = 1000202
    static let newCardiology = NewRefset(
        name: "Kardiologiske diagnoser", description: "Diagnoser brukt i kardiologisk poliklinikk", owner: "Kardiologisk avdeling",
        moduleId: WellKnown.norwayModule, language: "nb", kind: .extensional, namespace: namespace)

    @Test func identifiersComeFromTheNamespace() throws {
        let workspace = try TemporaryWorkspace().workspace
        let refset = try workspace.createRefset(Self.newCardiology, release: SampleReleases.february, by: TemporaryWorkspace.author)
        #expect(refset.id == 11000202100)
        #expect(SCTID.isValid(refset.id, kind: .concept))
        #expect(SCTID.partition(of: refset.id) == .extensionConcept)
        #expect(SCTID.namespace(of: refset.id) == 1000202)
        #expect(refset.fsnDescriptionId == 11000202116)
        #expect(refset.synonymDescriptionId == 21000202112)
        #expect(refset.relationshipId == 11000202128)
        #expect(SCTID.isValid(refset.synonymDescriptionId, kind: .description))
        #expect(refset.release == "INT-20250201")
        #expect(refset.version == 1)
        #expect(refset.fullySpecifiedName == "Kardiologiske diagnoser (foundation metadata concept)")
        let second = try workspace.createRefset(
            NewRefset(name: "Second", owner: "x", moduleId: WellKnown.norwayModule, language: "en", kind: .extensional, namespace: Self.namespace),
            release: SampleReleases.february, by: TemporaryWorkspace.author)
        #expect(second.id == 21000202108)
    }

    @Test func endToEndWithExactRF2Output() throws {
        let temporary = try TemporaryWorkspace()
        let workspace = temporary.workspace
        let release = SampleReleases.february
        var refset = try workspace.createRefset(Self.newCardiology, release: release, by: TemporaryWorkspace.author)
        refset = try workspace.addEntries(
            [22298006, 56265001], to: refset.id, reason: "initial list", expectedVersion: refset.version, release: release, by: TemporaryWorkspace.author
        ).refset
        let first = try workspace.publish(
            refset.id, effectiveTime: 20250301, expectedVersion: refset.version, release: release, note: "first", by: TemporaryWorkspace.reviewer)
        #expect(first.number == 1)
        #expect(first.memberCount == 2)
        refset = try workspace.refset(refset.id)
        #expect(!refset.hasUnpublishedChanges)
        refset = try workspace.removeEntries([56265001], from: refset.id, reason: "too broad", expectedVersion: refset.version, by: TemporaryWorkspace.author)
            .refset
        refset = try workspace.addEntries(
            [57054005], to: refset.id, reason: "acute MI", expectedVersion: refset.version, release: release, by: TemporaryWorkspace.author
        ).refset
        #expect(refset.hasUnpublishedChanges)
        let second = try workspace.publish(
            refset.id, effectiveTime: 20250401, expectedVersion: refset.version, release: release, by: TemporaryWorkspace.reviewer)
        #expect(second.number == 2)
        #expect(try workspace.members(of: refset.id, version: 1) == [22298006, 56265001])
        #expect(try workspace.members(of: refset.id, version: 2) == [22298006, 57054005])

        let history = RefsetRelease(
            refset: try workspace.refset(refset.id),
            versions: try workspace.versions(of: refset.id).map { ($0, try workspace.members(of: refset.id, version: $0.number)) })
        let writer = RefsetRF2Writer(release: history, country: "NO", namespace: Self.namespace, dependencyTimes: ["INT-20250201": 20250201])
        let files = try writer.writeMemberFiles(to: temporary.directory.appendingPathComponent("rf2"))
        #expect(
            files.map(\.lastPathComponent) == [
                "der2_Refset_SimpleSnapshot_NO1000202_20250401.txt", "der2_Refset_SimpleFull_NO1000202_20250401.txt",
                "der2_Refset_SimpleDelta_NO1000202_20250401.txt",
            ])
        let mi = MemberUUID.member(refset: refset.id, concept: 22298006).description
        let heart = MemberUUID.member(refset: refset.id, concept: 56265001).description
        let acute = MemberUUID.member(refset: refset.id, concept: 57054005).description
        let header = "id\teffectiveTime\tactive\tmoduleId\trefsetId\treferencedComponentId\r\n"
        func row(_ uuid: String, _ time: Int, _ active: Int, _ concept: Int64) -> String {
            "\(uuid)\t\(time)\t\(active)\t51000202101\t\(refset.id)\t\(concept)\r\n"
        }
        #expect(
            try String(contentsOf: files[1], encoding: .utf8) == header + row(mi, 20250301, 1, 22298006) + row(heart, 20250301, 1, 56265001)
                + row(acute, 20250401, 1, 57054005) + row(heart, 20250401, 0, 56265001))
        #expect(
            try String(contentsOf: files[0], encoding: .utf8) == header + row(mi, 20250301, 1, 22298006) + row(heart, 20250401, 0, 56265001)
                + row(acute, 20250401, 1, 57054005))
        #expect(try String(contentsOf: files[2], encoding: .utf8) == header + row(heart, 20250401, 0, 56265001) + row(acute, 20250401, 1, 57054005))
        #expect(RF2UUID(mi) != nil)
        #expect(mi.count == 36 && mi[mi.index(mi.startIndex, offsetBy: 14)] == "5")

        // The package imports on top of the release it was bound to and carries the refset concept and members.
        let zip = temporary.directory.appendingPathComponent("refset.zip")
        try writer.writePackage(zipTo: zip)
        let catalog = ReleaseCatalog(dataDirectory: temporary.directory.appendingPathComponent("data"))
        let summary = try ReleaseImporter(catalog: catalog).importRelease(
            from: [SampleReleases.root.appendingPathComponent("Releases/SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z"), zip])
        let combined = try catalog.open(summary.name)
        #expect(try combined.concept(refset.id)?.active == true)
        #expect(try combined.members(of: refset.id).map(\.referencedComponentId).sorted() == [22298006, 57054005])
        #expect(try combined.preferredTerm(refset.id, preference: LanguagePreference(parsing: "nb")) == "Kardiologiske diagnoser")
        #expect(try combined.parents(of: refset.id) == [WellKnown.simpleType])

        let actions = try workspace.auditEvents(AuditQuery(entity: "refset", entityId: String(refset.id))).events.map(\.action)
        #expect(actions == ["publish", "add-members", "remove-members", "publish", "add-members", "create"])
    }

    @Test func unknownIdsChangeNothingAndInactiveConceptsWarn() throws {
        let workspace = try TemporaryWorkspace().workspace
        let release = SampleReleases.february
        let refset = try workspace.createRefset(Self.newCardiology, release: release, by: TemporaryWorkspace.author)
        #expect {
            try workspace.addEntries([22298006, 123456789012], to: refset.id, reason: "", expectedVersion: 1, release: release, by: TemporaryWorkspace.author)
        } throws: { error in
            (error as? WorkspaceError)?.message == "id 123456789012 is not a concept in release INT-20250201: nothing was changed"
        }
        #expect(try workspace.entries(of: refset.id).isEmpty)
        #expect(try workspace.refset(refset.id).version == 1)
        #expect(try workspace.auditEvents(AuditQuery(entity: "refset")).total == 1)

        let result = try workspace.addEntries(
            [22298006, 9900021000202108], to: refset.id, reason: "legacy codes", expectedVersion: 1, release: release, by: TemporaryWorkspace.author)
        #expect(result.changed == [22298006, 9900021000202108])
        #expect(result.warnings.count == 1)
        #expect(result.warnings[0].conceptId == 9900021000202108)
        #expect(result.warnings[0].reason == "Duplicate component")
        #expect(result.warnings[0].replacements.map(\.conceptId) == [22298006])
        #expect(result.warnings[0].replacements.map(\.term) == ["Myocardial infarction"])
    }

    @Test func staleVersionsAndRolesAreRefused() throws {
        let workspace = try TemporaryWorkspace().workspace
        let release = SampleReleases.february
        let refset = try workspace.createRefset(Self.newCardiology, release: release, by: TemporaryWorkspace.author)
        _ = try workspace.addEntries([22298006], to: refset.id, reason: "", expectedVersion: 1, release: release, by: TemporaryWorkspace.author)
        #expect {
            try workspace.addEntries([56265001], to: refset.id, reason: "", expectedVersion: 1, release: release, by: TemporaryWorkspace.author)
        } throws: { error in
            let error = error as? WorkspaceError
            return error?.kind == .conflict && error?.currentVersion == 2
        }
        #expect {
            try workspace.addEntries([56265001], to: refset.id, reason: "", expectedVersion: 2, release: release, by: TemporaryWorkspace.viewer)
        } throws: { error in
            (error as? WorkspaceError)?.kind == .forbidden
        }
        #expect { try workspace.publish(refset.id, effectiveTime: 20250301, expectedVersion: 2, release: release, by: TemporaryWorkspace.author) } throws: {
            error in
            (error as? WorkspaceError)?.kind == .forbidden
        }
        _ = try workspace.publish(refset.id, effectiveTime: 20250301, expectedVersion: 2, release: release, by: TemporaryWorkspace.reviewer)
        #expect { try workspace.publish(refset.id, effectiveTime: 20250401, expectedVersion: 3, release: release, by: TemporaryWorkspace.reviewer) } throws: {
            error in
            (error as? WorkspaceError)?.message == "refset 11000202100 has no changes since version 1: nothing to publish"
        }
        _ = try workspace.addEntries([56265001], to: refset.id, reason: "", expectedVersion: 3, release: release, by: TemporaryWorkspace.author)
        #expect { try workspace.publish(refset.id, effectiveTime: 20250301, expectedVersion: 4, release: release, by: TemporaryWorkspace.reviewer) } throws: {
            error in
            (error as? WorkspaceError)?.message == "effective time 20250301 must be after version 1's 20250301"
        }
    }

    @Test func intensionalRefsetsExpandOnTheRelease() throws {
        let workspace = try TemporaryWorkspace().workspace
        let release = SampleReleases.february
        var new = Self.newCardiology
        new.kind = .intensional
        new.ecl = "<< 56265001 |Heart disease|"
        var refset = try workspace.createRefset(new, release: release, by: TemporaryWorkspace.author)
        refset = try workspace.addEntries(
            [38341003], role: .include, to: refset.id, reason: "hypertension belongs here", expectedVersion: refset.version, release: release,
            by: TemporaryWorkspace.author
        ).refset
        refset = try workspace.addEntries(
            [84114007], role: .exclude, to: refset.id, reason: "heart failure has its own list", expectedVersion: refset.version, release: release,
            by: TemporaryWorkspace.author
        ).refset
        #expect(
            try workspace.draftMembers(of: refset.id, release: release) == [22298006, 38341003, 49436004, 56265001, 57054005, 401303003, 414545008, 698247007])
        #expect {
            try workspace.addEntries([38341003], to: refset.id, reason: "", expectedVersion: refset.version, release: release, by: TemporaryWorkspace.author)
        } throws: { error in
            (error as? WorkspaceError)?.message.hasPrefix("refset 11000202100 is intensional") == true
        }
        var bad = Self.newCardiology
        bad.name = "Bad"
        bad.kind = .intensional
        bad.ecl = "<< 56265001 AND"
        #expect { try workspace.createRefset(bad, release: release, by: TemporaryWorkspace.author) } throws: { error in
            (error as? WorkspaceError)?.message.hasPrefix("ECL definition:") == true
        }
        let version = try workspace.publish(
            refset.id, effectiveTime: 20250301, expectedVersion: refset.version, release: release, by: TemporaryWorkspace.reviewer)
        #expect(version.memberCount == 8)
        #expect(version.ecl == "<< 56265001 |Heart disease|")
    }

    @Test func migrationAppliesReplacementsInOneStep() throws {
        let workspace = try TemporaryWorkspace().workspace
        var refset = try workspace.createRefset(Self.newCardiology, release: SampleReleases.january, by: TemporaryWorkspace.author)
        refset = try workspace.addEntries(
            [22298006, 38341003, 9900021000202108, 9900031000202105, 9900041000202104], to: refset.id, reason: "", expectedVersion: refset.version,
            release: SampleReleases.january, by: TemporaryWorkspace.author
        ).refset
        let plan = try workspace.migrationPlan(refset.id, from: SampleReleases.january, to: SampleReleases.february)
        #expect(plan.items.map(\.conceptId) == [9900021000202108, 9900031000202105, 9900041000202104])
        #expect(plan.items.map(\.suggestion) == [.replace([22298006]), .keep, .keep])
        #expect(plan.items[1].candidates.map(\.conceptId).sorted() == [82272006, 386689009])
        #expect(plan.items[2].candidates.isEmpty)
        #expect(plan.impact.findings.contains { $0.referencedComponentId == 38341003 && $0.issue == .fsnChanged })

        #expect {
            try workspace.applyMigration(
                plan, to: SampleReleases.february, decisions: [22298006: .remove], expectedVersion: refset.version, by: TemporaryWorkspace.author)
        } throws: { error in
            (error as? WorkspaceError)?.message.hasPrefix("concept 22298006 is not an affected member") == true
        }
        let migrated = try workspace.applyMigration(
            plan, to: SampleReleases.february, decisions: [9900031000202105: .replace([82272006]), 9900041000202104: .remove], expectedVersion: refset.version,
            by: TemporaryWorkspace.author)
        #expect(migrated.release == "INT-20250201")
        #expect(try workspace.entries(of: refset.id).map(\.conceptId) == [22298006, 38341003, 82272006])
        let event = try workspace.auditEvents(AuditQuery(entity: "refset")).events[0]
        #expect(event.action == "migrate")
        #expect(event.note == #"{"9900021000202108":"replace:22298006","9900031000202105":"replace:82272006","9900041000202104":"remove"}"#)
    }

    @Test func exportsAsTableAndValueSet() throws {
        let workspace = try TemporaryWorkspace().workspace
        let release = SampleReleases.february
        var refset = try workspace.createRefset(Self.newCardiology, release: release, by: TemporaryWorkspace.author)
        refset = try workspace.addEntries(
            [22298006, 84114007], to: refset.id, reason: "", expectedVersion: refset.version, release: release, by: TemporaryWorkspace.author
        ).refset
        let table = try RefsetTable(members: try workspace.draftMembers(of: refset.id, release: release), release: release, language: .default)
        #expect(
            table.text(separator: ",")
                == "conceptId,preferredTerm,fullySpecifiedName,active\r\n22298006,Myocardial infarction,Myocardial infarction (disorder),1\r\n84114007,Heart failure,Heart failure (disorder),1\r\n"
        )
        #expect(table.text(separator: "\t").hasPrefix("conceptId\tpreferredTerm\tfullySpecifiedName\tactive\r\n22298006\tMyocardial infarction\t"))
        let json = try RefsetValueSet(
            refset: refset, version: nil, entries: try workspace.entries(of: refset.id), members: table, releaseURI: release.info.versionURI
        ).json()
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["resourceType"] as? String == "ValueSet")
        #expect(object["url"] as? String == "http://snomed.info/sct?fhir_vs=refset/11000202100")
        #expect(object["status"] as? String == "draft")
        #expect(object["name"] as? String == "KardiologiskeDiagnoser")
        let expansion = try #require(object["expansion"] as? [String: Any])
        #expect(expansion["total"] as? Int == 2)
        #expect((expansion["contains"] as? [[String: Any]])?.map { $0["code"] as? String } == ["22298006", "84114007"])
    }

    @Test func refsetsContainingAConcept() throws {
        let workspace = try TemporaryWorkspace().workspace
        let release = SampleReleases.february
        var list = try workspace.createRefset(Self.newCardiology, release: release, by: TemporaryWorkspace.author)
        list = try workspace.addEntries([22298006], to: list.id, reason: "", expectedVersion: list.version, release: release, by: TemporaryWorkspace.author)
            .refset
        _ = try workspace.publish(list.id, effectiveTime: 20250301, expectedVersion: list.version, release: release, by: TemporaryWorkspace.reviewer)
        var new = Self.newCardiology
        new.name = "Alle hjertesykdommer"
        new.kind = .intensional
        new.ecl = "<< 56265001"
        _ = try workspace.createRefset(new, release: release, by: TemporaryWorkspace.author)
        let found = try workspace.refsets(containing: 22298006, release: release)
        #expect(found.map(\.source) == [.localDraft, .localDraft, .localPublished, .release, .release])
        #expect(found.map(\.refsetId) == [11000202100, 21000202108, 11000202100, 447562003, 9900051000202101])
    }
}
