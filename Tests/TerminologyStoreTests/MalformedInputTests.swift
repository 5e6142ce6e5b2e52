import Foundation
import RF2
import Testing
import ZIPFoundation
@testable import TerminologyStore

/// Each broken package must fail with an error naming the problem and leave no store (not even a temp file).
@Suite struct MalformedInputTests {
    struct Outcome {
        var error: any Error
        var leftovers: [String]
    }

    func importFailure(_ mutate: (inout MiniRelease) -> Void, edit: ((URL) throws -> URL)? = nil) throws -> Outcome {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var release = MiniRelease.standard()
        mutate(&release)
        var package = try release.write(to: directory)
        if let edit { package = try edit(package) }
        let catalog = ReleaseCatalog(dataDirectory: directory.appendingPathComponent("data"))
        do {
            _ = try ReleaseImporter(catalog: catalog).importRelease(from: [package])
        } catch {
            let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: catalog.releasesDirectory.path)) ?? []
            return Outcome(error: error, leftovers: leftovers)
        }
        Issue.record("import unexpectedly succeeded")
        return Outcome(error: StoreError(.database, "none"), leftovers: [])
    }

    @Test func wrongColumnCount() throws {
        let outcome = try importFailure { $0.concepts[2].removeLast() }
        let error = try #require(outcome.error as? RF2Error)
        #expect(error.code == .wrongColumnCount)
        #expect(error.file == "Snapshot/Terminology/sct2_Concept_Snapshot_INT_20250101.txt")
        #expect(error.line == 4)
        #expect(error.reason == "row has 4 columns, the header has 5")
        #expect(outcome.leftovers.isEmpty)
    }

    @Test func badCheckDigit() throws {
        let outcome = try importFailure { $0.concepts[1][0] = "116680004" }
        let error = try #require(outcome.error as? RF2Error)
        #expect(error.code == .badCheckDigit)
        #expect(error.line == 3)
        #expect(error.column == "id")
        #expect(error.value == "116680004")
        #expect(outcome.leftovers.isEmpty)
    }

    @Test func wrongPartition() throws {
        // A description id (partition 01) in the concept file's id column.
        let descriptionId = String(SCTID.make(item: 123456, partition: .description))
        let outcome = try importFailure { $0.concepts[0][0] = descriptionId }
        let error = try #require(outcome.error as? RF2Error)
        #expect(error.code == .badPartition)
        #expect(error.value == descriptionId)
        #expect(error.line == 2)
    }

    @Test func badDate() throws {
        let outcome = try importFailure { $0.descriptions[3][1] = "20250231" }
        let error = try #require(outcome.error as? RF2Error)
        #expect(error.code == .badDate)
        #expect(error.file == "Snapshot/Terminology/sct2_Description_Snapshot-en_INT_20250101.txt")
        #expect(error.line == 5)
        #expect(error.column == "effectiveTime")
        #expect(error.value == "20250231")
        #expect(outcome.leftovers.isEmpty)
    }

    /// Only an empty effectiveTime means "not yet published"; any other value that is no date is refused.
    @Test(arguments: ["2025-08-14", "abc", " ", "2025081"])
    func malformedEffectiveTime(_ value: String) throws {
        let outcome = try importFailure { release in
            release.concepts[5][1] = ""
            release.descriptions[3][1] = value
        }
        let error = try #require(outcome.error as? RF2Error)
        #expect(error.code == .badDate)
        #expect(error.file == "Snapshot/Terminology/sct2_Description_Snapshot-en_INT_20250101.txt")
        #expect(error.line == 5)
        #expect(error.column == "effectiveTime")
        #expect(error.value == value)
        #expect(outcome.leftovers.isEmpty)
    }

    @Test func unknownFile() throws {
        let outcome = try importFailure({ _ in }) { package in
            try Data("id\r\n".utf8).write(to: package.appendingPathComponent("Snapshot/Terminology/sct2_Conceptz_Snapshot_INT_20250101.txt"))
            return package
        }
        let error = try #require(outcome.error as? RF2Error)
        #expect(error.code == .unknownFile)
        #expect(error.file == "Snapshot/Terminology/sct2_Conceptz_Snapshot_INT_20250101.txt")
    }

    @Test func truncatedZip() throws {
        let outcome = try importFailure({ _ in }) { package in
            let zip = package.deletingLastPathComponent().appendingPathComponent("package.zip")
            try FileManager.default.zipItem(at: package, to: zip)
            let data = try Data(contentsOf: zip)
            try data.prefix(data.count / 2).write(to: zip)
            return zip
        }
        let error = try #require(outcome.error as? RF2Error)
        #expect(error.code == .badZip)
        #expect(error.file == "package.zip")
        #expect(outcome.leftovers.isEmpty)
    }

    @Test func duplicateId() throws {
        let outcome = try importFailure { release in
            var copy = release.descriptions[0]
            copy[7] = "Another term"
            release.descriptions.append(copy)
        }
        let error = try #require(outcome.error as? RF2Error)
        #expect(error.code == .duplicateId)
        #expect(error.file == "Snapshot/Terminology/sct2_Description_Snapshot-en_INT_20250101.txt")
        #expect(error.line == 36)
        #expect(error.value == String(SCTID.make(item: 101, partition: .description)))
        #expect(outcome.leftovers.isEmpty)
    }

    @Test func duplicateMemberId() throws {
        let outcome = try importFailure { release in
            var copy = release.language[3]
            copy[5] = release.language[4][5]
            release.language.append(copy)
        }
        let error = try #require(outcome.error as? RF2Error)
        #expect(error.code == .duplicateId)
        #expect(error.file == "Snapshot/Refset/der2_cRefset_LanguageSnapshot-en_INT_20250101.txt")
        #expect(error.line == 36)
        #expect(error.column == "id")
        #expect(error.value == MiniRelease.uuid(104))
        #expect(outcome.leftovers.isEmpty)
    }

    @Test func languageMemberWithoutDescriptionIsAWarning() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var release = MiniRelease.standard()
        release.language[0][5] = String(SCTID.make(item: 999_999, partition: .description))
        let package = try release.write(to: directory)
        let summary = try ReleaseImporter(catalog: ReleaseCatalog(dataDirectory: directory)).importRelease(from: [package])
        #expect(
            summary.warnings == [
                "Snapshot/Refset/der2_cRefset_LanguageSnapshot-en_INT_20250101.txt: 1 language refset members refer to descriptions that are not in the release"
            ])
    }

    @Test func relationshipToMissingConcept() throws {
        let missing = String(SCTID.make(item: 987654, partition: .concept))
        let outcome = try importFailure { $0.relationships[5][5] = missing }
        let error = try #require(outcome.error as? RF2Error)
        #expect(error.code == .badIdentifier)
        #expect(error.file == "Snapshot/Terminology/sct2_Relationship_Snapshot_INT_20250101.txt")
        #expect(error.line == 7)
        #expect(error.column == "destinationId")
        #expect(error.value == missing)
        #expect(outcome.leftovers.isEmpty)
    }

    @Test func missingModuleDependency() throws {
        let norway = WellKnown.norwayModule
        let outcome = try importFailure { release in
            release.dependencies.append([
                "8f2a1c3e-0000-4000-8000-000000000002", release.date, "1", String(norway), String(WellKnown.moduleDependency),
                String(WellKnown.coreModule), release.date, "20241001",
            ])
            release.addConcept(norway, term: "Norway module", tag: "core metadata concept", parents: [WellKnown.root], module: norway)
            release.dependencies.append([
                "8f2a1c3e-0000-4000-8000-000000000003", release.date, "1", String(norway), String(WellKnown.moduleDependency),
                "449080006", release.date, "20241001",
            ])
        }
        let error = try #require(outcome.error as? StoreError)
        #expect(error.code == .missingDependency)
        #expect(error.message.hasPrefix("module 51000202101 depends on 449080006 (version 20241001), which no imported package provides"))
        #expect(outcome.leftovers.isEmpty)
    }

    @Test func existingStoreIsUntouchedByFailedImport() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = ReleaseCatalog(dataDirectory: directory.appendingPathComponent("data"))
        let good = try MiniRelease.standard().write(to: directory, name: "good")
        _ = try ReleaseImporter(catalog: catalog).importRelease(from: [good])
        let before = try Data(contentsOf: catalog.storeURL(name: "INT-20250101"))
        var broken = MiniRelease.standard()
        broken.concepts[3][2] = "2"
        let bad = try broken.write(to: directory, name: "bad")
        #expect(throws: RF2Error.self) { _ = try ReleaseImporter(catalog: catalog).importRelease(from: [bad], options: ImportOptions(replace: true)) }
        #expect(try Data(contentsOf: catalog.storeURL(name: "INT-20250101")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: catalog.releasesDirectory.path) == ["INT-20250101.sqlite"])
        // Importing the same release again without --replace is refused.
        #expect(throws: StoreError.self) { _ = try ReleaseImporter(catalog: catalog).importRelease(from: [good]) }
    }
}
