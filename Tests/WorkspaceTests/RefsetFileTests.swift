import Foundation
import Testing
@testable import Workspace

@Suite struct RefsetFileTests {
    static let examples = SampleReleases.root.appendingPathComponent("RefSets")

    @Test func shippedExamplesSyncIdempotentlyAndKeepTheirIds() throws {
        let workspace = try TemporaryWorkspace().workspace
        let release = SampleReleases.february
        let first = try workspace.syncRefsets(from: Self.examples, release: release, namespace: 1000202, by: TemporaryWorkspace.admin)
        #expect(first.map(\.file) == ["akuttmottak-vanlige-diagnoser.json", "kardiologi-hjertesykdommer.json"])
        #expect(first.map(\.action) == [.created, .created])
        #expect(first.map(\.refsetId) == [11000202100, 21000202108])
        #expect(first[0].added == [6142004, 13645005, 22298006, 44054006, 84114007, 195967001, 233604007, 840539006])
        #expect(first[1].added == [38341003])
        #expect(
            try workspace.draftMembers(of: 21000202108, release: release) == [
                22298006, 38341003, 49436004, 56265001, 57054005, 84114007, 401303003, 414545008, 698247007,
            ])

        let second = try workspace.syncRefsets(from: Self.examples, release: release, namespace: 1000202, by: TemporaryWorkspace.admin)
        #expect(second.map(\.action) == [.unchanged, .unchanged])
        #expect(try workspace.refset(11000202100).version == 2)
        // One audit event per file that changed, none for the unchanged second run.
        #expect(try workspace.auditEvents(AuditQuery(entity: "refset")).events.map(\.action) == ["sync", "sync"])
        // New refsets continue after the ids the files brought.
        let next = try workspace.createRefset(
            NewRefset(name: "Ny", owner: "x", moduleId: 51000202101, language: "nb", kind: .extensional, namespace: 1000202), release: release,
            by: TemporaryWorkspace.author)
        #expect(next.id == 31000202105)
    }

    @Test func editedFilesUpdateOnlyWhatChanged() throws {
        let temporary = try TemporaryWorkspace()
        let workspace = temporary.workspace
        let release = SampleReleases.february
        let directory = temporary.directory.appendingPathComponent("RefSets")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let source = try String(contentsOf: Self.examples.appendingPathComponent("akuttmottak-vanlige-diagnoser.json"), encoding: .utf8)
        try source.write(to: directory.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        _ = try workspace.syncRefsets(from: directory, release: release, namespace: 1000202, by: TemporaryWorkspace.admin)

        var file = try RefsetFile.read(directory.appendingPathComponent("a.json"))
        file.description = "Endret beskrivelse"
        file.members = (file.members ?? []).filter { $0.id != 6142004 } + [RefsetFile.Entry(id: 82272006, term: nil)]
        try file.text().write(to: directory.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        let result = try workspace.syncRefsets(from: directory, release: release, namespace: 1000202, by: TemporaryWorkspace.admin)
        #expect(result.map(\.action) == [.updated])
        #expect(result[0].fields == ["description"])
        #expect(result[0].added == [82272006])
        #expect(result[0].removed == [6142004])

        // Export writes the same content back, with ids and terms.
        let out = temporary.directory.appendingPathComponent("out")
        let written = try workspace.exportRefsetFiles(to: out, release: release)
        #expect(written.map(\.lastPathComponent) == ["akuttmottak-vanlige-diagnoser.json"])
        let exported = try RefsetFile.read(written[0])
        #expect(exported.id == 11000202100)
        #expect(exported.description == "Endret beskrivelse")
        #expect(exported.members?.first == RefsetFile.Entry(id: 13645005, term: "Chronic obstructive pulmonary disease"))
    }

    @Test func badFilesAreRefusedBeforeAnythingIsWritten() throws {
        let temporary = try TemporaryWorkspace()
        let directory = temporary.directory.appendingPathComponent("RefSets")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try #"{"name": "Good", "module": "51000202101", "language": "nb", "kind": "extensional", "members": [{"id": "22298006"}]}"#
            .write(to: directory.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        try #"{"name": "Bad", "module": "51000202101", "language": "nb", "kind": "extensional", "members": [{"id": "999999999"}]}"#
            .write(to: directory.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
        #expect {
            try temporary.workspace.syncRefsets(from: directory, release: SampleReleases.february, namespace: 1000202, by: TemporaryWorkspace.admin)
        } throws: { error in
            (error as? WorkspaceError)?.message == "b.json: id 999999999 is not a concept in release INT-20250201: nothing was changed"
        }
        #expect(try temporary.workspace.refsets().isEmpty)
        try #"{"name": "Bad", "language": "nb", "kind": "extensional"}"#.write(
            to: directory.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
        #expect { try RefsetFile.read(directory.appendingPathComponent("b.json")) } throws: { error in
            (error as? WorkspaceError)?.message == "b.json: missing \"module\" at top level"
        }
        try #"{"name": "Bad", "module": "51000202101", "language": "nb", "kind": "extensional", "ecl": "<< 1"}"#.write(
            to: directory.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
        #expect { try RefsetFile.read(directory.appendingPathComponent("b.json")) } throws: { error in
            (error as? WorkspaceError)?.message == #"b.json: an extensional refset has "members", not "ecl", "include" or "exclude""#
        }
    }

    @Test func memberFilesInRF2AndCSV() throws {
        let temporary = try TemporaryWorkspace()
        let directory = temporary.directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let rf2 = directory.appendingPathComponent("der2_Refset_SimpleFull_NO1000202_20250401.txt")
        try
            ("id\teffectiveTime\tactive\tmoduleId\trefsetId\treferencedComponentId\r\n"
            + "a\t20250301\t1\t51000202101\t11000202100\t22298006\r\n" + "b\t20250301\t1\t51000202101\t11000202100\t56265001\r\n"
            + "b\t20250401\t0\t51000202101\t11000202100\t56265001\r\n" + "c\t20250401\t1\t51000202101\t11000202100\t57054005\r\n")
            .write(to: rf2, atomically: true, encoding: .utf8)
        #expect(try RefsetMemberFile.conceptIds(in: rf2) == [22298006, 57054005])
        let csv = directory.appendingPathComponent("list.csv")
        try "name,code\r\n\"Heart attack, acute\",57054005\r\nAsthma,195967001\r\n".write(to: csv, atomically: true, encoding: .utf8)
        #expect(try RefsetMemberFile.conceptIds(in: csv) == [57054005, 195967001])
        try "conceptId\tterm\n22298006\tMI\nabc\tbad\n".write(to: csv, atomically: true, encoding: .utf8)
        #expect { try RefsetMemberFile.conceptIds(in: csv) } throws: { error in
            (error as? WorkspaceError)?.message == "list.csv line 3: 'abc' is not a valid SCTID"
        }
    }
}
