import Foundation
import GRDB
import RF2
import SyntheticRelease
import Testing
@testable import TerminologyStore

/// Generated releases must be RF2-clean by our own validator and import into stores whose contents match
/// what the generator wrote.
@Suite struct GeneratedReleaseTests {
    @Test func sampleProfileValidatesCleanlyAndImports() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let packages = try SyntheticReleaseGenerator(profile: .sample, seed: 7, versions: 2, writeFull: true).write(to: directory.appendingPathComponent("gen"))
        #expect(packages.count == 2)
        for package in packages {
            let report = try ReleaseValidator.validate(packages: [package.url])
            #expect(report.errorCount == 0, "\(package.name): \(report.problems.prefix(5).map(\.description))")
        }
        let catalog = ReleaseCatalog(dataDirectory: directory.appendingPathComponent("data"))
        let importer = ReleaseImporter(catalog: catalog)
        let first = try importer.importRelease(from: [packages[0].url])
        let second = try importer.importRelease(from: [packages[1].url])
        #expect(first.name == "INT-20250101")
        #expect(second.name == "INT-20250201")
        #expect(first.warnings.isEmpty && second.warnings.isEmpty)
        #expect(first.counts.first { $0.component == "concepts" }?.total == packages[0].rowCounts.first { $0.key.contains("_Concept_Snapshot") }?.value)
        #expect(second.counts.first { $0.component == "concepts" }?.total == packages[1].rowCounts.first { $0.key.contains("_Concept_Snapshot") }?.value)

        // What the generator says it changed is what the stores show.
        let changes = try #require(packages[1].changes)
        let old = try catalog.open(first.name)
        let new = try catalog.open(second.name)
        #expect(!changes.newConcepts.isEmpty)
        for id in changes.newConcepts.prefix(20) {
            #expect(try old.concept(id) == nil)
            #expect(try new.concept(id)?.active == true)
            #expect(try !new.ancestors(of: id).isEmpty)
        }
        for inactivation in changes.inactivatedConcepts.prefix(20) {
            #expect(try old.concept(inactivation.conceptId)?.active == true)
            #expect(try new.concept(inactivation.conceptId)?.active == false)
            #expect(try new.inactivationReason(of: inactivation.conceptId) == inactivation.reasonId)
        }

        // Full of version 2 as of version 1's date equals version 1's Snapshot; Delta-free import of the Full
        // folder at its own date equals version 2.
        _ = try importer.importRelease(from: [packages[1].url], options: ImportOptions(name: "asof", asOf: 20250101))
        #expect(try ReleaseInputTests.digest(catalog.open("asof")) == ReleaseInputTests.digest(old))
    }

    @Test func norwayProfileImportsAsEdition() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let packages = try SyntheticReleaseGenerator(profile: .norway(baseConcepts: 2_000), seed: 3, versions: 1, writeFull: false)
            .write(to: directory.appendingPathComponent("gen"))
        #expect(packages.count == 2)
        let report = try ReleaseValidator.validate(packages: packages.map(\.url))
        #expect(report.errorCount == 0, "\(report.problems.prefix(5).map(\.description))")
        let catalog = ReleaseCatalog(dataDirectory: directory.appendingPathComponent("data"))
        #expect(throws: StoreError.self) { _ = try ReleaseImporter(catalog: catalog).importRelease(from: [packages[1].url]) }
        let summary = try ReleaseImporter(catalog: catalog).importRelease(from: packages.map(\.url))
        #expect(summary.name == "NO-20250115")
        #expect(summary.versionURI == "http://snomed.info/sct/51000202101/version/20250115")
        let store = try catalog.open(summary.name)
        #expect(try store.languageRefsets().contains(WellKnown.norwegianBokmal))
        #expect(try store.languageRefsets().contains(WellKnown.norwegianNynorsk))
        let bokmal = try store.read { db in
            try String.fetchAll(
                db, sql: "SELECT term FROM concept_term WHERE refset_id = ? AND type_id = ? LIMIT 500",
                arguments: [WellKnown.norwegianBokmal, WellKnown.synonym])
        }
        #expect(bokmal.count == 500)
        #expect(bokmal.contains { $0.contains("æ") || $0.contains("ø") || $0.contains("å") })
    }
}
