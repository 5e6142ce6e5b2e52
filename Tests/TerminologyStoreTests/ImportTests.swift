import Foundation
import RF2
import Testing
@testable import TerminologyStore

@Suite struct ImportTests {
    @Test func importsSnapshotWithClosureAndTerms() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let package = try MiniRelease.standard().write(to: directory)
        let catalog = ReleaseCatalog(dataDirectory: directory.appendingPathComponent("data"))
        let summary = try ReleaseImporter(catalog: catalog).importRelease(from: [package])
        #expect(summary.name == "INT-20250101")
        #expect(summary.versionURI == "http://snomed.info/sct/900000000000207008/version/20250101")
        let store = try catalog.open(nil)
        #expect(try store.ancestors(of: MiniRelease.heartDisease) == [MiniRelease.disease, WellKnown.root, MiniRelease.clinicalFinding].sorted())
        #expect(try store.descendants(of: MiniRelease.clinicalFinding) == [MiniRelease.heartDisease, MiniRelease.disease].sorted())
        #expect(try store.preferredTerm(MiniRelease.heartDisease) == "Heart disease")
        #expect(try store.fullySpecifiedNames(for: [MiniRelease.disease])[MiniRelease.disease] == "Disease (disorder)")
        // 17 concepts: 14 metadata + 3 clinical; closure: 16 direct root links + (finding→root) ... computed below.
        #expect(store.info.counts.first { $0.component == "concepts" }?.total == 17)
        // Every non-root concept has root as ancestor (16), Disease adds Clinical finding (1), Heart disease adds 2.
        #expect(summary.closureRows == 19)
    }
}
