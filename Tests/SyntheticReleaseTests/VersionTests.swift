import Foundation
import RF2
import Testing
@testable import SyntheticRelease

private let coreFiles = [
    "sct2_Concept_", "sct2_Description_", "sct2_Relationship_", "sct2_sRefset_OWLExpression",
    "der2_cRefset_Language", "der2_cRefset_Association", "der2_cRefset_AttributeValue", "der2_Refset_Simple",
    "der2_iisssccRefset_ExtendedMap", "der2_ssRefset_ModuleDependency",
]

private func fullLines(_ files: PackageFiles, _ package: String, _ fragment: String) throws -> [String] {
    try files.lines(files.allFiles(package).first { $0.path.contains("/Full/") && $0.lastPathComponent.contains(fragment) }!)
}

private func snapshotLines(_ files: PackageFiles, _ package: String, _ fragment: String) throws -> [String] {
    try files.lines(files.allFiles(package).first { $0.path.contains("/Snapshot/") && $0.lastPathComponent.contains(fragment) }!)
}

@Test func fullIsPreviousFullPlusNewRowsAndSnapshotIsLatestPerId() throws {
    let (_, packages) = Shared.sample
    let files = Shared.sampleFiles
    for k in 1..<packages.count {
        let date = packages[k].effectiveTime
        for fragment in coreFiles {
            let previous = Set(try fullLines(files, packages[k - 1].name, fragment))
            let full = try fullLines(files, packages[k].name, fragment)
            let current = Set(full)
            #expect(current.count == full.count, "\(fragment): duplicate Full rows")
            #expect(previous.isSubset(of: current), "\(fragment): previous Full rows changed")
            let added = current.subtracting(previous)
            #expect(added.allSatisfy { $0.split(separator: "\t")[1] == date }, "\(fragment): new rows dated \(date)")
            #expect(!added.isEmpty || fragment.contains("Association") || fragment.contains("ExtendedMap"), "\(fragment) changed")
            // Snapshot = the latest row per id of Full.
            var latest: [Substring: (Substring, String)] = [:]
            for line in full {
                let fields = line.split(separator: "\t", maxSplits: 2)
                if let seen = latest[fields[0]], seen.0 >= fields[1] { continue }
                latest[fields[0]] = (fields[1], line)
            }
            #expect(Set(latest.values.map(\.1)) == Set(try snapshotLines(files, packages[k].name, fragment)), "\(fragment) snapshot")
            // (id, effectiveTime) is unique and no row is a no-op repeat of the previous version.
            var byKey: Set<String> = []
            for line in full {
                let fields = line.split(separator: "\t", maxSplits: 2)
                #expect(byKey.insert("\(fields[0])/\(fields[1])").inserted, "\(fragment) duplicate key")
            }
        }
    }
}

@Test func changeRecordMatchesTheRowsThatChanged() throws {
    let (dir, packages) = Shared.sample
    let files = Shared.sampleFiles
    for k in 1..<packages.count {
        let package = packages[k].name, previous = packages[k - 1].name
        let date = packages[k].effectiveTime
        let record = try #require(packages[k].changes)
        // The JSON next to the packages is the same record.
        let json = try Data(contentsOf: dir.appendingPathComponent("changes-\(date).json"))
        #expect(try JSONDecoder().decode(ReleaseChanges.self, from: json) == record)
        #expect(String(decoding: json, as: UTF8.self).contains("\"\(record.newConcepts[0])\""))

        #expect(record.newConcepts.count == 4 && record.inactivatedConcepts.count == 2)
        #expect(!record.reactivatedConcepts.isEmpty && !record.fsnChanges.isEmpty && !record.preferredTermChanges.isEmpty)
        #expect(!record.isaMoves.isEmpty && !record.refsetMemberChanges.isEmpty)

        let before = Dictionary(try files.rows(previous, "sct2_Concept_Snapshot").map { ($0[0], $0) }, uniquingKeysWith: { a, _ in a })
        let after = try files.rows(package, "sct2_Concept_Snapshot")
        let changed = after.filter { $0[1] == date }
        let expected = Set(record.newConcepts + record.inactivatedConcepts.map(\.conceptId) + record.reactivatedConcepts).map(String.init)
        #expect(Set(changed.map { $0[0] }) == Set(expected))
        for row in changed {
            let id = Int64(row[0])!
            if record.newConcepts.contains(id) { #expect(before[row[0]] == nil && row[2] == "1") }
            if record.inactivatedConcepts.contains(where: { $0.conceptId == id }) { #expect(before[row[0]]?[2] == "1" && row[2] == "0") }
            if record.reactivatedConcepts.contains(id) { #expect(before[row[0]]?[2] == "0" && row[2] == "1") }
        }
        // New descriptions: exactly the description ids that did not exist before.
        let oldDescriptions = Set(
            try files.rows(previous, "sct2_Description_Snapshot").map { $0[0] }
                + files.rows(previous, "TextDefinition_Snapshot").map { $0[0] })
        let newDescriptions = Set(
            try (files.rows(package, "sct2_Description_Snapshot") + files.rows(package, "TextDefinition_Snapshot"))
                .map { $0[0] }
        ).subtracting(oldDescriptions)
        #expect(newDescriptions == Set(record.newDescriptions.map(String.init)))
        // FSN / PT changes as recorded.
        let descriptions = Dictionary(try files.rows(package, "sct2_Description_Snapshot").map { ($0[0], $0) }, uniquingKeysWith: { a, _ in a })
        let language = try files.rows(package, "LanguageSnapshot").filter { $0[2] == "1" }
        func acceptability(_ description: Int64, _ refset: Int64) -> String? {
            language.first { $0[5] == String(description) && $0[4] == String(refset) }?[6]
        }
        for change in record.fsnChanges {
            #expect(descriptions[String(change.oldDescriptionId)]?[2] == "0")
            #expect(descriptions[String(change.newDescriptionId)]?[6] == String(WellKnown.fullySpecifiedName))
            #expect(acceptability(change.newDescriptionId, WellKnown.usEnglish) == String(WellKnown.preferred))
        }
        for change in record.preferredTermChanges {
            for refset in change.languageRefsetIds {
                #expect(acceptability(change.newDescriptionId, refset) == String(WellKnown.preferred))
                #expect(acceptability(change.oldDescriptionId, refset) == String(WellKnown.acceptable))
            }
        }
        // IS-A moves: the old edge inactive, the new one active, both dated now.
        let isA = try files.rows(package, "sct2_Relationship_Snapshot").filter { $0[7] == String(WellKnown.isA) && $0[1] == date }
        for move in record.isaMoves {
            #expect(isA.contains { $0[4] == String(move.conceptId) && $0[5] == String(move.fromParentId) && $0[2] == "0" })
            #expect(isA.contains { $0[4] == String(move.conceptId) && $0[5] == String(move.toParentId) && $0[2] == "1" })
        }
        // Simple refset member changes are exactly the simple refset rows dated now.
        let members = try files.rows(package, "Refset_SimpleSnapshot").filter { $0[1] == date }
        #expect(
            Set(members.map { "\($0[0])/\($0[2])/\($0[5])" })
                == Set(record.refsetMemberChanges.map { "\($0.memberId)/\($0.change == .added ? "1" : "0")/\($0.referencedComponentId)" }))
        // MDRS re-dated.
        #expect(try files.rows(package, "ModuleDependencySnapshot").allSatisfy { $0[1] == date && $0[6] == date && $0[7] == date })
    }
}

@Test func norwayExtensionPackage() throws {
    let (_, packages) = Shared.norway
    let files = Shared.norwayFiles
    #expect(
        packages.map(\.name) == [
            "SnomedCT_InternationalRF2_PRODUCTION_20250101T120000Z", "SnomedCT_ManagedServiceNO_PRODUCTION_NO1000202_20250115T120000Z",
            "SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z", "SnomedCT_ManagedServiceNO_PRODUCTION_NO1000202_20250215T120000Z",
        ])
    let no = packages[3].name
    #expect(files.url(no, "der2_cRefset_LanguageSnapshot-no_NO1000202_20250215.txt") != nil)
    #expect(files.url(no, "sct2_Description_Snapshot-no_NO1000202_20250215.txt") != nil)
    let mdrs = try files.rows(no, "ModuleDependencySnapshot")
    #expect(
        Set(mdrs.map { "\($0[3])>\($0[5]) \($0[6]) \($0[7])" }) == [
            "51000202101>900000000000207008 20250215 20250201", "51000202101>900000000000012004 20250215 20250201",
        ])
    let norwegian = try files.rows(no, "sct2_Description_Snapshot-no")
    #expect(norwegian.allSatisfy { $0[5] == "no" && $0[3] == String(WellKnown.norwayModule) })
    #expect(norwegian.count > 300)
    let terms = norwegian.map { $0[7].lowercased() }
    #expect(terms.contains { $0.contains("æ") } && terms.contains { $0.contains("ø") } && terms.contains { $0.contains("å") })
    #expect(terms.contains { $0.contains("hjerteinfarkt") || $0.contains("lungebetennelse") || $0.contains("hjerte") })
    // Exactly one Bokmål preferred term per concept that has Norwegian terms.
    let conceptOf = Dictionary(norwegian.map { ($0[0], $0[4]) }, uniquingKeysWith: { a, _ in a })
    var preferred: [String: Int] = [:]
    for row in try files.rows(no, "LanguageSnapshot-no")
    where row[2] == "1" && row[4] == String(WellKnown.norwegianBokmal)
        && row[6] == String(WellKnown.preferred)
    {
        preferred[conceptOf[row[5]]!, default: 0] += 1
    }
    let translated = Set(norwegian.filter { $0[2] == "1" }.map { $0[4] })
    #expect(translated.allSatisfy { preferred[$0] == 1 })
    // Norway concepts: long-format ids in namespace 1000202, English FSN preferred in en-US.
    let concepts = try files.rows(no, "sct2_Concept_Snapshot")
    #expect(concepts.count > 40)
    #expect(concepts.allSatisfy { SCTID.namespace(of: Int64($0[0])!) == WellKnown.norwayNamespace })
    let record = try #require(packages[3].changes)
    #expect(!record.newConcepts.isEmpty && !record.preferredTermChanges.isEmpty && !record.refsetMemberChanges.isEmpty)
    #expect(record.preferredTermChanges.allSatisfy { $0.languageRefsetIds == [WellKnown.norwegianBokmal] })
    // The International package of the same run holds no Norwegian rows.
    let intConcepts = try files.rows(packages[2].name, "sct2_Concept_Snapshot")
    #expect(intConcepts.allSatisfy { SCTID.namespace(of: Int64($0[0])!) == nil })
}

@Test func memberUUIDsAreDeterministicV4() {
    let a = ReleaseModel.uuidString(key: 1, seed: 42)
    #expect(a == ReleaseModel.uuidString(key: 1, seed: 42))
    #expect(a != ReleaseModel.uuidString(key: 2, seed: 42))
    #expect(a != ReleaseModel.uuidString(key: 1, seed: 43))
    #expect(a.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
}

@Test func zipWritesOneArchivePerPackage() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("steward-gen-zip-\(UUID().uuidString)")
    var profile = GenerationProfile.sample
    profile.conceptCount = 200
    let packages = try SyntheticReleaseGenerator(profile: profile, seed: 1, versions: 2, writeFull: false, releaseStatus: "ALPHA")
        .write(to: dir, zip: true)
    #expect(
        packages.map { $0.url.lastPathComponent } == [
            "SnomedCT_InternationalRF2_ALPHA_20250101T120000Z.zip", "SnomedCT_InternationalRF2_ALPHA_20250201T120000Z.zip",
        ])
    #expect(packages[0].rowCounts["xsct2_Concept_Snapshot_INT_20250101.txt"] == 343)
    for package in packages {
        let data = try Data(contentsOf: package.url)
        #expect(data.prefix(2) == Data("PK".utf8))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(package.name).path))
        #expect(package.rowCounts.keys.allSatisfy { $0.contains("Snapshot") && $0.hasPrefix("x") })
    }
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("changes-20250201.json").path))
}
