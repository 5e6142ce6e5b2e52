import Foundation
import GRDB
import RF2
import Testing
@testable import TerminologyStore

/// Full as of a date, Delta on a base, and an edition plus an extension must give exactly the stores their
/// Snapshot equivalents give.
@Suite struct ReleaseInputTests {
    static let infarction: Int64 = 22298006

    /// Version 2: a new concept, a changed synonym, an IS-A move and a new MDRS date.
    static func versions() -> (MiniRelease, MiniRelease) {
        let first = MiniRelease.standard()
        var second = first
        second.date = "20250201"
        second.addConcept(infarction, term: "Myocardial infarction", tag: "disorder", parents: [MiniRelease.heartDisease])
        let diseaseSynonym = first.descriptions.first { $0[4] == String(MiniRelease.disease) && $0[6] == String(WellKnown.synonym) }![0]
        second.change(\.descriptions, id: diseaseSynonym, column: 7, to: "Disease or disorder")
        let move = first.relationships.first { $0[4] == String(MiniRelease.heartDisease) }![0]
        second.change(\.relationships, id: move, column: 2, to: "0")
        second.relationships.append([
            String(SCTID.make(item: 9001, partition: .relationship)), "20250201", "1", String(WellKnown.coreModule),
            String(MiniRelease.heartDisease), String(MiniRelease.clinicalFinding), "0", String(WellKnown.isA),
            String(WellKnown.inferredRelationship), String(WellKnown.existentialRestriction),
        ])
        second.change(\.dependencies, id: first.dependencies[0][0], column: 6, to: "20250201")
        second.dependencies[0][7] = "20250201"
        return (first, second)
    }

    /// Every data table dumped in key order: equal digests mean equal stores.
    static func digest(_ store: ReleaseStore) throws -> [String: [String]] {
        try store.read { db in
            var result: [String: [String]] = [:]
            let tables = [
                ("concept", "id"), ("description", "id"), ("relationship", "id"), ("stated_relationship", "id"), ("concrete_value", "id"),
                ("refset_member", "uuid"), ("refset_field", "refset_id, position"), ("isa_closure", "concept_id"),
                ("concept_term", "concept_id, refset_id, type_id"),
            ]
            for (table, key) in tables {
                result[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(key)").map { $0.description }
            }
            return result
        }
    }

    @Test func fullAsOfAndDeltaOnBaseEqualSnapshots() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (first, second) = Self.versions()
        let catalog = ReleaseCatalog(dataDirectory: directory.appendingPathComponent("data"))
        let importer = ReleaseImporter(catalog: catalog)

        _ = try importer.importRelease(from: [first.write(to: directory, name: "v1")], options: ImportOptions(name: "snap1"))
        _ = try importer.importRelease(from: [second.write(to: directory, name: "v2")], options: ImportOptions(name: "snap2"))
        let full = try MiniRelease.full(from: first, to: second).write(to: directory, name: "full")
        _ = try importer.importRelease(from: [full], options: ImportOptions(name: "full1", asOf: 20250101))
        _ = try importer.importRelease(from: [full], options: ImportOptions(name: "full2", asOf: 20250201))
        let delta = try MiniRelease.delta(from: first, to: second).write(to: directory, name: "delta")
        let summary = try importer.importRelease(from: [delta], options: ImportOptions(name: "delta2", base: "snap1"))
        #expect(summary.effectiveTime == 20250201)

        // International packages ship no Delta: the Full rows newer than the base are the delta.
        let since = try importer.importRelease(from: [full], options: ImportOptions(name: "since1", base: "snap1"))
        #expect(since.effectiveTime == 20250201)
        let snap1 = try Self.digest(catalog.open("snap1"))
        let snap2 = try Self.digest(catalog.open("snap2"))
        #expect(snap1 != snap2)
        #expect(try Self.digest(catalog.open("full1")) == snap1)
        #expect(try Self.digest(catalog.open("full2")) == snap2)
        #expect(try Self.digest(catalog.open("delta2")) == snap2)
        #expect(try Self.digest(catalog.open("since1")) == snap2)
        #expect(try catalog.open("since1").info.source == "full rows after snap1")

        let store = try catalog.open("delta2")
        #expect(try store.parents(of: MiniRelease.heartDisease) == [MiniRelease.clinicalFinding])
        #expect(try store.ancestors(of: Self.infarction) == [WellKnown.root, MiniRelease.clinicalFinding, MiniRelease.heartDisease].sorted())
        #expect(try store.preferredTerm(MiniRelease.disease) == "Disease or disorder")
        #expect(store.info.source == "delta on snap1")
        #expect(try catalog.open(nil).info.name == "delta2" || catalog.open(nil).info.effectiveTime == 20250201)
    }

    @Test func deltaWithoutBaseIsRefused() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (first, second) = Self.versions()
        let delta = try MiniRelease.delta(from: first, to: second).write(to: directory, name: "delta")
        let catalog = ReleaseCatalog(dataDirectory: directory.appendingPathComponent("data"))
        #expect(throws: StoreError(.missingFiles, "delta holds only Delta files: import it with --base RELEASE")) {
            _ = try ReleaseImporter(catalog: catalog).importRelease(from: [delta])
        }
    }

    /// A Norwegian extension with a Bokmål refset, a Norway-namespace description and its own MDRS rows.
    static func norwegianExtension(base: MiniRelease) -> MiniRelease {
        var extensionRelease = MiniRelease()
        extensionRelease.date = "20250215"
        extensionRelease.country = "NO1000202"
        extensionRelease.fileLanguage = "no"
        extensionRelease.moduleId = WellKnown.norwayModule
        extensionRelease.addConcept(WellKnown.norwayModule, term: "Norway module", tag: "core metadata concept", parents: [WellKnown.coreModule])
        extensionRelease.addConcept(
            WellKnown.norwegianBokmal, term: "Norwegian Bokmål language reference set", tag: "foundation metadata concept", parents: [WellKnown.usEnglish])
        extensionRelease.addDescription(
            conceptId: MiniRelease.heartDisease, term: "hjertesykdom", languageCode: "no", refset: WellKnown.norwegianBokmal,
            namespace: WellKnown.norwayNamespace)
        extensionRelease.addDescription(
            conceptId: MiniRelease.disease, term: "sykdom", languageCode: "no", refset: WellKnown.norwegianBokmal, namespace: WellKnown.norwayNamespace)
        for (index, target) in [WellKnown.coreModule, WellKnown.modelModule].enumerated() {
            extensionRelease.dependencies.append([
                "9a000000-0000-4000-8000-00000000000\(index)", "20250215", "1", String(WellKnown.norwayModule), String(WellKnown.moduleDependency),
                String(target), "20250215", base.date,
            ])
        }
        return extensionRelease
    }

    @Test func editionPlusExtension() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = MiniRelease.standard()
        let international = try base.write(to: directory, name: "int")
        let norway = try Self.norwegianExtension(base: base).write(to: directory, name: "no")
        let catalog = ReleaseCatalog(dataDirectory: directory.appendingPathComponent("data"))

        #expect(throws: StoreError.self) { _ = try ReleaseImporter(catalog: catalog).importRelease(from: [norway]) }

        let summary = try ReleaseImporter(catalog: catalog).importRelease(from: [international, norway])
        #expect(summary.name == "NO-20250215")
        #expect(summary.versionURI == "http://snomed.info/sct/51000202101/version/20250215")
        #expect(summary.warnings.isEmpty)
        let store = try catalog.open("NO-20250215")
        let bokmal = try LanguagePreference(parsing: "nb,en-US")
        #expect(try store.preferredTerm(MiniRelease.heartDisease, preference: bokmal) == "hjertesykdom")
        #expect(try store.preferredTerm(MiniRelease.disease, preference: bokmal) == "sykdom")
        #expect(try store.preferredTerm(MiniRelease.clinicalFinding, preference: bokmal) == "Clinical finding")
        #expect(try store.preferredTerm(MiniRelease.heartDisease, preference: .default) == "Heart disease")
        #expect(try store.languageRefsets() == [WellKnown.norwegianBokmal, WellKnown.usEnglish].sorted())
        #expect(store.info.modules == [WellKnown.norwayModule, WellKnown.modelModule, WellKnown.coreModule].sorted())
        #expect(store.info.packages.map(\.countryNamespace) == ["INT", "NO1000202"])
    }
}
