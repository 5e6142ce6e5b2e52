import Foundation
import RF2
import ReleaseDiff
import SyntheticRelease
import TerminologyStore
import Testing

/// The generator records exactly what each version changed; the diff of consecutive versions must find
/// exactly that.
@Suite struct GeneratedDiffTests {
    @Test func diffFindsExactlyWhatTheGeneratorChanged() async throws {
        let directory = DiffFixtures.temporaryDirectory("generated")
        let packages = try SyntheticReleaseGenerator(profile: .sample, seed: 7, versions: 3, writeFull: false).write(to: directory)
        let catalog = ReleaseCatalog(dataDirectory: directory.appendingPathComponent("data"))
        let importer = ReleaseImporter(catalog: catalog)
        let stores = try packages.map { package in
            try catalog.open(try importer.importRelease(from: [package.url], options: ImportOptions()).name)
        }
        for index in 1..<packages.count {
            let record = try #require(packages[index].changes)
            let report = try await ReleaseDiffer(from: stores[index - 1], to: stores[index]).compare()
            check(report, against: record)
        }
    }

    private func check(_ report: DiffReport, against record: ReleaseChanges) {
        let views = report.views
        #expect(views.newConcepts.map(\.id) == record.newConcepts.sorted())
        #expect(views.reactivatedConcepts.map(\.id) == record.reactivatedConcepts.sorted())

        let inactivated = record.inactivatedConcepts.sorted { $0.conceptId < $1.conceptId }
        #expect(views.inactivatedConcepts.map(\.concept.id) == inactivated.map(\.conceptId))
        #expect(views.inactivatedConcepts.map { $0.reason?.id } == inactivated.map(\.reasonId))
        for (found, expected) in zip(views.inactivatedConcepts, inactivated) {
            #expect(
                Set(found.associations.map { [$0.refset.id, $0.target.id] }) == Set(expected.associations.map { [$0.refsetId, $0.targetId] }),
                "associations of \(expected.conceptId)")
        }

        func termChanges(_ type: TermChange.TermType) -> Set<[Int64]> {
            Set(views.termChanges.filter { $0.type == type }.map { [$0.conceptId, $0.languageRefset.id, $0.oldDescriptionId ?? 0, $0.newDescriptionId ?? 0] })
        }
        func expected(_ changes: [ReleaseChanges.TermChange]) -> Set<[Int64]> {
            Set(changes.flatMap { change in change.languageRefsetIds.map { [change.conceptId, $0, change.oldDescriptionId, change.newDescriptionId] } })
        }
        #expect(termChanges(.fsn) == expected(record.fsnChanges))
        #expect(termChanges(.preferredTerm) == expected(record.preferredTermChanges))

        let newDescriptions = (report.component(.descriptions)!.changes + report.component(.textDefinitions)!.changes)
            .filter { $0.kind == .new }.compactMap { Int64($0.id) }
        #expect(newDescriptions.sorted() == record.newDescriptions.sorted())

        #expect(views.isaChanges.map(\.concept.id) == record.isaMoves.map(\.conceptId).sorted())
        for move in record.isaMoves {
            let change = views.isaChanges.first { $0.concept.id == move.conceptId }
            #expect(change?.added.map(\.id) == [move.toParentId] && change?.removed.map(\.id) == [move.fromParentId], "IS-A move of \(move.conceptId)")
        }

        let memberChanges = report.component(.refsetMembers)!.changes
        for member in record.refsetMemberChanges {
            let found = memberChanges.first { $0.id == member.memberId }
            #expect(found?.kind == (member.change == .added ? .new : .inactivated), "member \(member.memberId)")
            #expect(found?.refsetId == member.refsetId)
        }
        let recordedRefsets = Set(record.refsetMemberChanges.map(\.refsetId))
        #expect(
            Set(views.refsetMemberChanges.filter { recordedRefsets.contains($0.refset.id) }.map(\.memberId))
                == Set(record.refsetMemberChanges.map(\.memberId)))
        #expect(report.warnings.isEmpty)
    }
}
