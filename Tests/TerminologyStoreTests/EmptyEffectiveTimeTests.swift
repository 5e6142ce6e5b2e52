import Foundation
import GRDB
import RF2
import Testing
@testable import TerminologyStore

/// Rows with an empty effectiveTime (content not yet published, as subset-extraction and authoring tools
/// write it) belong to the release being imported: they take its version date and are counted in one
/// warning per file.
@Suite struct EmptyEffectiveTimeTests {
    static let conceptFile = "Snapshot/Terminology/sct2_Concept_Snapshot_INT_20250814.txt"
    static let descriptionFile = "Snapshot/Terminology/sct2_Description_Snapshot-en_INT_20250814.txt"
    static let dependencyFile = "Snapshot/Refset/der2_ssRefset_ModuleDependencySnapshot_INT_20250814.txt"

    /// The standard release as an authoring export for 20250814: Disease and Heart disease, their four
    /// descriptions and the MDRS row are new (empty effectiveTime); everything else keeps 20250101.
    static func authoringExport() -> MiniRelease {
        var release = MiniRelease.standard()
        release.date = "20250814"
        let new = [MiniRelease.disease, MiniRelease.heartDisease].map(String.init)
        for index in release.concepts.indices where new.contains(release.concepts[index][0]) { release.concepts[index][1] = "" }
        for index in release.descriptions.indices where new.contains(release.descriptions[index][4]) { release.descriptions[index][1] = "" }
        release.dependencies[0][1] = ""
        release.dependencies[0][6] = "20250814"
        return release
    }

    /// `table`'s effective times by id, for the ids given.
    static func effectiveTimes(_ store: ReleaseStore, _ table: String, ids: [Int64]) throws -> [Int64: Int] {
        try store.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, effective_time FROM \(table) WHERE id IN (\(ids.map(String.init).joined(separator: ",")))")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as Int64, $0[1] as Int) })
        }
    }

    @Test func undatedRowsTakeThePackageDateWithOneWarningPerFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let release = Self.authoringExport()
        let catalog = ReleaseCatalog(dataDirectory: directory.appendingPathComponent("data"))
        let summary = try ReleaseImporter(catalog: catalog).importRelease(from: [release.write(to: directory)])
        #expect(summary.name == "INT-20250814")
        #expect(summary.versionURI == "http://snomed.info/sct/900000000000207008/version/20250814")
        #expect(
            summary.warnings == [
                "\(Self.conceptFile): 2 rows with an empty effectiveTime taken as 20250814 (content not yet published)",
                "\(Self.descriptionFile): 4 rows with an empty effectiveTime taken as 20250814 (content not yet published)",
                "\(Self.dependencyFile): 1 row with an empty effectiveTime taken as 20250814 (content not yet published)",
            ])
        let store = try catalog.open(nil)
        let concepts = [MiniRelease.clinicalFinding, MiniRelease.disease, MiniRelease.heartDisease]
        #expect(
            try Self.effectiveTimes(store, "concept", ids: concepts) == [
                MiniRelease.clinicalFinding: 20250101, MiniRelease.disease: 20250814, MiniRelease.heartDisease: 20250814,
            ])
        let descriptions = release.descriptions.filter { $0[1].isEmpty }.map { Int64($0[0])! }
        #expect(try Self.effectiveTimes(store, "description", ids: descriptions).values.allSatisfy { $0 == 20250814 })
        #expect(try store.preferredTerm(MiniRelease.heartDisease) == "Heart disease")
    }

    @Test func undatedRowsTakeTheVersionDateWhenGiven() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = ReleaseCatalog(dataDirectory: directory.appendingPathComponent("data"))
        let summary = try ReleaseImporter(catalog: catalog).importRelease(
            from: [Self.authoringExport().write(to: directory)], options: ImportOptions(versionDate: 20250901, unpublished: true))
        #expect(summary.name == "INT-20250901")
        #expect(summary.versionURI == "http://snomed.info/xsct/900000000000207008/version/20250901")
        #expect(summary.warnings.first == "\(Self.conceptFile): 2 rows with an empty effectiveTime taken as 20250901 (content not yet published)")
        let store = try catalog.open("INT-20250901")
        #expect(store.info.effectiveTime == 20250901)
        #expect(try Self.effectiveTimes(store, "concept", ids: [MiniRelease.disease]) == [MiniRelease.disease: 20250901])
    }

    /// In Full files an empty effectiveTime is the newest state, dated with the release: `--as-of` takes it
    /// only from the release date on, and a base release takes it as newer than itself.
    @Test func fullAsOfTakesUndatedRowsFromTheReleaseDateOn() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (first, second) = ReleaseInputTests.versions()
        var full = MiniRelease.full(from: first, to: second)
        for table in [\MiniRelease.concepts, \.descriptions, \.relationships, \.language, \.dependencies] {
            for index in full[keyPath: table].indices where full[keyPath: table][index][1] == second.date { full[keyPath: table][index][1] = "" }
        }
        let package = try full.write(to: directory, name: "full")
        let catalog = ReleaseCatalog(dataDirectory: directory.appendingPathComponent("data"))
        let importer = ReleaseImporter(catalog: catalog)
        _ = try importer.importRelease(from: [first.write(to: directory, name: "v1")], options: ImportOptions(name: "snap1"))
        _ = try importer.importRelease(from: [second.write(to: directory, name: "v2")], options: ImportOptions(name: "snap2"))

        let before = try importer.importRelease(from: [package], options: ImportOptions(name: "before", asOf: 20250131))
        #expect(
            before.warnings.first
                == "Full/Terminology/sct2_Concept_Full_INT_20250201.txt: 1 row with an empty effectiveTime taken as 20250201 (content not yet published); left out, as 20250201 is after --as-of 20250131"
        )
        _ = try importer.importRelease(from: [package], options: ImportOptions(name: "on", asOf: 20250201))
        _ = try importer.importRelease(from: [package], options: ImportOptions(name: "since", base: "snap1"))
        let snap1 = try ReleaseInputTests.digest(catalog.open("snap1"))
        let snap2 = try ReleaseInputTests.digest(catalog.open("snap2"))
        #expect(try ReleaseInputTests.digest(catalog.open("before")) == snap1)
        #expect(try ReleaseInputTests.digest(catalog.open("on")) == snap2)
        #expect(try ReleaseInputTests.digest(catalog.open("since")) == snap2)
    }
}
