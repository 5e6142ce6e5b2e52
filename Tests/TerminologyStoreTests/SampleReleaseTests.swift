import Foundation
import GRDB
import RF2
import Testing
import ZIPFoundation
@testable import TerminologyStore

/// Exact facts about the bundled samples, hand-checked in `Releases/EXPECTED.md`.
@Suite struct SampleReleaseTests {
    func imported(_ packages: [URL], options: ImportOptions = ImportOptions()) throws -> (ReleaseStore, URL) {
        let directory = try temporaryDirectory()
        let catalog = ReleaseCatalog(dataDirectory: directory)
        let summary = try ReleaseImporter(catalog: catalog).importRelease(from: packages, options: options)
        return (try catalog.open(summary.name), directory)
    }

    func activeDescriptions(_ store: ReleaseStore) throws -> Int {
        try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM description WHERE active = 1 AND type_id != ?", arguments: [WellKnown.definition])!
        }
    }

    @Test func international20250101() throws {
        let (store, directory) = try imported([Samples.int20250101])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(store.info.name == "INT-20250101")
        #expect(store.info.versionURI == "http://snomed.info/sct/900000000000207008/version/20250101")
        #expect(store.info.counts.first { $0.component == "concepts" } == ComponentCount(component: "concepts", total: 247, active: 246))
        #expect(try activeDescriptions(store) == 565)
        #expect(store.info.counts.first { $0.component == "IS-A closure" }?.total == 917)
        #expect(try store.ancestors(of: 22298006) == [49601007, 56265001, 64572001, 138875005, 404684003, 414545008])
        #expect(try store.children(of: 56265001) == [49436004, 84114007, 414545008, 698247007])
        #expect(try store.parents(of: 233604007) == [19829001, 128139000])
        #expect(try store.ancestors(of: 233604007) == [19829001, 50043002, 64572001, 128139000, 138875005, 404684003])
        #expect(try store.preferredTerm(13645005, preference: LanguagePreference(parsing: "en-US")) == "Chronic obstructive lung disease")
        #expect(try store.fullySpecifiedNames(for: [38341003])[38341003] == "Hypertensive disorder (disorder)")
        #expect(try store.inactivationReason(of: 9900011000202100) == WellKnown.duplicate)
        #expect(try store.historicalAssociations(of: 9900011000202100).map(\.targetId) == [195967001])
    }

    @Test func international20250201() throws {
        let (store, directory) = try imported([Samples.int20250201])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(store.info.counts.first { $0.component == "concepts" } == ComponentCount(component: "concepts", total: 250, active: 246))
        #expect(try activeDescriptions(store) == 574)
        #expect(store.info.counts.first { $0.component == "IS-A closure" }?.total == 922)
        #expect(try store.children(of: 56265001) == [84114007, 414545008, 698247007])
        #expect(try store.inactivationReason(of: 9900031000202105) == WellKnown.ambiguous)
        #expect(try store.historicalAssociations(of: 9900031000202105).map(\.targetId) == [82272006, 386689009])
        #expect(try store.historicalAssociations(of: 9900031000202105).map(\.refsetId) == [WellKnown.possiblyEquivalentTo, WellKnown.possiblyEquivalentTo])
        #expect(try store.inactivationReason(of: 9900041000202104) == WellKnown.outdated)
        #expect(try store.historicalAssociations(of: 9900041000202104).isEmpty)
        #expect(try store.preferredTerm(13645005, preference: LanguagePreference(parsing: "en-US")) == "Chronic obstructive pulmonary disease")
    }

    @Test func norwegianEdition() throws {
        let (store, directory) = try imported([Samples.int20250201, Samples.no20250215])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(store.info.name == "NO-20250215")
        #expect(store.info.versionURI == "http://snomed.info/sct/51000202101/version/20250215")
        #expect(store.info.counts.first { $0.component == "concepts" } == ComponentCount(component: "concepts", total: 258, active: 254))
        #expect(try activeDescriptions(store) == 749)
        #expect(store.info.counts.first { $0.component == "IS-A closure" }?.total == 962)
        let expected: [(Int64, String, String, String, String, String)] = [
            (22298006, "Myocardial infarction (disorder)", "Myocardial infarction", "Myocardial infarction", "hjerteinfarkt", "hjarteinfarkt"),
            (16761005, "Esophagitis (disorder)", "Esophagitis", "Oesophagitis", "spiserørsbetennelse", "spiserøyrsbetennelse"),
            (387517004, "Paracetamol (substance)", "Acetaminophen", "Paracetamol", "paracetamol", "paracetamol"),
            (
                13645005, "Chronic obstructive lung disease (disorder)", "Chronic obstructive pulmonary disease", "Chronic obstructive lung disease",
                "kronisk obstruktiv lungesykdom", "kronisk obstruktiv lungesjukdom"
            ),
            (
                38341003, "Hypertensive disorder, systemic arterial (disorder)", "Hypertensive disorder", "Hypertensive disorder", "høyt blodtrykk",
                "høgt blodtrykk"
            ),
            (239873007, "Osteoarthritis of knee (disorder)", "Osteoarthritis of knee", "Osteoarthritis of knee", "kneleddsartrose", "kneleddsartrose"),
        ]
        for (id, fsn, us, gb, nb, nn) in expected {
            #expect(try store.fullySpecifiedNames(for: [id])[id] == fsn)
            #expect(try store.preferredTerm(id, preference: LanguagePreference(parsing: "en-US")) == us)
            #expect(try store.preferredTerm(id, preference: LanguagePreference(parsing: "en-GB")) == gb)
            #expect(try store.preferredTerm(id, preference: LanguagePreference(parsing: "nb")) == nb)
            #expect(try store.preferredTerm(id, preference: LanguagePreference(parsing: "nn-NO")) == nn)
        }
        let bokmal = try store.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM concept_term t JOIN concept c ON c.id = t.concept_id WHERE c.active = 1 AND t.refset_id = ? AND t.type_id = ?",
                arguments: [WellKnown.norwegianBokmal, WellKnown.synonym])
        }
        #expect(bokmal == 89)
        // The Norway-only concept has no en-GB term, so en-GB falls back to en-US.
        #expect(try store.preferredTerm(8800031000202104, preference: LanguagePreference(parsing: "nb")) == "kuldeutløst astma")
        #expect(try store.preferredTerm(8800031000202104, preference: LanguagePreference(parsing: "en-GB")) == "Cold-induced asthma")
        #expect(
            try store.descriptions(of: 22298006).contains {
                $0.term == "hjerteinfarkt" && $0.acceptability == [Acceptability(refsetId: WellKnown.norwegianBokmal, acceptabilityId: WellKnown.preferred)]
            })
    }

    @Test func fullAsOfAndDeltaMatchSnapshotsOnSamples() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = ReleaseCatalog(dataDirectory: directory)
        let importer = ReleaseImporter(catalog: catalog)
        _ = try importer.importRelease(from: [Samples.int20250101], options: ImportOptions(name: "s1"))
        _ = try importer.importRelease(from: [Samples.int20250201], options: ImportOptions(name: "s2"))
        _ = try importer.importRelease(from: [Samples.int20250201], options: ImportOptions(name: "f1", asOf: 20250101))
        _ = try importer.importRelease(from: [Samples.int20250201], options: ImportOptions(name: "f2", asOf: 20250201))
        _ = try importer.importRelease(from: [Samples.int20250201], options: ImportOptions(name: "d2", base: "s1"))
        let s1 = try ReleaseInputTests.digest(catalog.open("s1"))
        let s2 = try ReleaseInputTests.digest(catalog.open("s2"))
        #expect(try ReleaseInputTests.digest(catalog.open("f1")) == s1)
        #expect(try ReleaseInputTests.digest(catalog.open("f2")) == s2)
        #expect(try ReleaseInputTests.digest(catalog.open("d2")) == s2)
        // The newest release is the default, and version URIs resolve.
        #expect(try catalog.open("http://snomed.info/sct/900000000000207008/version/20250101").info.effectiveTime == 20250101)
        #expect(throws: StoreError.self) { _ = try catalog.open("INT-19990101") }
    }

    @Test func zipImportEqualsFolderImport() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let zip = directory.appendingPathComponent("SnomedCT_InternationalRF2_PRODUCTION_20250101T120000Z.zip")
        try FileManager.default.zipItem(at: Samples.int20250101, to: zip)
        let catalog = ReleaseCatalog(dataDirectory: directory.appendingPathComponent("data"))
        _ = try ReleaseImporter(catalog: catalog).importRelease(from: [Samples.int20250101], options: ImportOptions(name: "folder"))
        _ = try ReleaseImporter(catalog: catalog).importRelease(from: [zip], options: ImportOptions(name: "zip"))
        #expect(try ReleaseInputTests.digest(catalog.open("zip")) == ReleaseInputTests.digest(catalog.open("folder")))
        let package = try RF2Package.open(zip)
        #expect(package.info?.effectiveTime == 20250101)
        #expect(package.files(.snapshot).count == 16)
    }
}
