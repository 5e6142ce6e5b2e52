import Foundation
import RF2

/// A tiny but complete RF2 Snapshot package written into a temporary folder, which tests can break on purpose.
struct MiniRelease {
    static let clinicalFinding: Int64 = 404684003
    static let disease: Int64 = 64572001
    static let heartDisease: Int64 = 56265001

    var concepts: [[String]] = []
    var descriptions: [[String]] = []
    var relationships: [[String]] = []
    var language: [[String]] = []
    var dependencies: [[String]] = []
    var date = "20250101"
    var country = "INT"
    var moduleId = WellKnown.coreModule
    var releaseType = ReleaseType.snapshot
    /// Language suffix of the description and language refset file names.
    var fileLanguage = "en"

    /// The metadata every release needs plus three clinical concepts in a chain under Clinical finding.
    static func standard() -> MiniRelease {
        var release = MiniRelease()
        let metadata: [(Int64, String, String)] = [
            (WellKnown.root, "SNOMED CT Concept", "SNOMED RT+CTV3"),
            (WellKnown.isA, "Is a", "attribute"),
            (WellKnown.coreModule, "SNOMED CT core module", "core metadata concept"),
            (WellKnown.modelModule, "SNOMED CT model component module", "core metadata concept"),
            (WellKnown.fullySpecifiedName, "Fully specified name", "core metadata concept"),
            (WellKnown.synonym, "Synonym", "core metadata concept"),
            (WellKnown.preferred, "Preferred", "foundation metadata concept"),
            (WellKnown.acceptable, "Acceptable", "foundation metadata concept"),
            (WellKnown.usEnglish, "United States of America English language reference set", "foundation metadata concept"),
            (WellKnown.primitive, "Not sufficiently defined by necessary conditions definition status", "core metadata concept"),
            (WellKnown.inferredRelationship, "Inferred relationship", "core metadata concept"),
            (WellKnown.existentialRestriction, "Existential restriction modifier", "core metadata concept"),
            (WellKnown.entireTermCaseInsensitive, "Entire term case insensitive", "core metadata concept"),
            (WellKnown.moduleDependency, "Module dependency", "foundation metadata concept"),
        ]
        for (id, term, tag) in metadata {
            release.addConcept(id, term: term, tag: tag, parents: id == WellKnown.root ? [] : [WellKnown.root], module: WellKnown.modelModule)
        }
        release.addConcept(clinicalFinding, term: "Clinical finding", tag: "finding", parents: [WellKnown.root])
        release.addConcept(disease, term: "Disease", tag: "disorder", parents: [clinicalFinding])
        release.addConcept(heartDisease, term: "Heart disease", tag: "disorder", parents: [disease])
        release.dependencies.append([
            "8f2a1c3e-0000-4000-8000-000000000001", release.date, "1", String(WellKnown.coreModule), String(WellKnown.moduleDependency),
            String(WellKnown.modelModule), release.date, release.date,
        ])
        return release
    }

    private var nextItem: Int64 = 100

    mutating func addConcept(_ id: Int64, term: String, tag: String, parents: [Int64], module: Int64? = nil, active: Bool = true) {
        let module = String(module ?? moduleId)
        concepts.append([String(id), date, active ? "1" : "0", module, String(WellKnown.primitive)])
        for (text, type) in [("\(term) (\(tag))", WellKnown.fullySpecifiedName), (term, WellKnown.synonym)] {
            nextItem += 1
            let descriptionId = SCTID.make(item: nextItem, partition: .description)
            descriptions.append([
                String(descriptionId), date, "1", module, String(id), "en", String(type), text, String(WellKnown.entireTermCaseInsensitive),
            ])
            language.append([
                Self.uuid(nextItem), date, "1", module, String(WellKnown.usEnglish), String(descriptionId), String(WellKnown.preferred),
            ])
        }
        for parent in parents {
            nextItem += 1
            relationships.append([
                String(SCTID.make(item: nextItem, partition: .relationship)), date, "1", module, String(id), String(parent), "0",
                String(WellKnown.isA), String(WellKnown.inferredRelationship), String(WellKnown.existentialRestriction),
            ])
        }
    }

    /// Adds one description with its language refset member.
    mutating func addDescription(
        conceptId: Int64, term: String, languageCode: String, type: Int64 = WellKnown.synonym, refset: Int64,
        acceptability: Int64 = WellKnown.preferred, namespace: Int? = nil
    ) {
        nextItem += 1
        let descriptionId =
            namespace.map { SCTID.make(item: nextItem, namespace: $0, partition: .extensionDescription) }
            ?? SCTID.make(item: nextItem, partition: .description)
        descriptions.append([
            String(descriptionId), date, "1", String(moduleId), String(conceptId), languageCode, String(type), term,
            String(WellKnown.entireTermCaseInsensitive),
        ])
        language.append([Self.uuid(nextItem + 1_000_000), date, "1", String(moduleId), String(refset), String(descriptionId), String(acceptability)])
    }

    static func uuid(_ number: Int64) -> String {
        let hex = String(number, radix: 16)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
    }

    /// Writes the package and returns its folder.
    func write(to parent: URL, name: String? = nil) throws -> URL {
        let folder = parent.appendingPathComponent(name ?? "SnomedCT_MiniRF2_PRODUCTION_\(date)T120000Z")
        let type = releaseType.rawValue
        let terminology = folder.appendingPathComponent("\(type)/Terminology")
        let refsets = folder.appendingPathComponent("\(type)/Refset")
        try FileManager.default.createDirectory(at: terminology, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: refsets, withIntermediateDirectories: true)
        func file(_ url: URL, _ header: [String], _ rows: [[String]]) throws {
            let text = ([header] + rows).map { $0.joined(separator: "\t") + "\r\n" }.joined()
            try Data(text.utf8).write(to: url)
        }
        try file(terminology.appendingPathComponent("sct2_Concept_\(type)_\(country)_\(date).txt"), RF2Columns.concept, concepts)
        try file(terminology.appendingPathComponent("sct2_Description_\(type)-\(fileLanguage)_\(country)_\(date).txt"), RF2Columns.description, descriptions)
        try file(terminology.appendingPathComponent("sct2_Relationship_\(type)_\(country)_\(date).txt"), RF2Columns.relationship, relationships)
        try file(
            refsets.appendingPathComponent("der2_cRefset_Language\(type)-\(fileLanguage)_\(country)_\(date).txt"),
            RF2Columns.refsetBase + ["acceptabilityId"], language)
        try file(
            refsets.appendingPathComponent("der2_ssRefset_ModuleDependency\(type)_\(country)_\(date).txt"),
            RF2Columns.refsetBase + ["sourceEffectiveTime", "targetEffectiveTime"], dependencies)
        return folder
    }
}

extension MiniRelease {
    /// The rows of `new` that differ from `old`: what a Delta between them holds.
    static func delta(from old: MiniRelease, to new: MiniRelease) -> MiniRelease {
        var delta = new
        delta.releaseType = .delta
        func changed(_ before: [[String]], _ after: [[String]]) -> [[String]] {
            let previous = Set(before.map { $0.joined(separator: "\t") })
            return after.filter { !previous.contains($0.joined(separator: "\t")) }
        }
        delta.concepts = changed(old.concepts, new.concepts)
        delta.descriptions = changed(old.descriptions, new.descriptions)
        delta.relationships = changed(old.relationships, new.relationships)
        delta.language = changed(old.language, new.language)
        delta.dependencies = changed(old.dependencies, new.dependencies)
        return delta
    }

    /// Every row version of both releases: the Full files of `new`.
    static func full(from old: MiniRelease, to new: MiniRelease) -> MiniRelease {
        let delta = delta(from: old, to: new)
        var full = new
        full.releaseType = .full
        full.concepts = old.concepts + delta.concepts
        full.descriptions = old.descriptions + delta.descriptions
        full.relationships = old.relationships + delta.relationships
        full.language = old.language + delta.language
        full.dependencies = old.dependencies + delta.dependencies
        return full
    }

    /// Sets column `column` of the row whose first field is `id` and stamps it with this release's date.
    mutating func change(_ table: WritableKeyPath<MiniRelease, [[String]]>, id: String, column: Int, to value: String) {
        guard let index = self[keyPath: table].firstIndex(where: { $0[0] == id }) else { fatalError("no row \(id)") }
        self[keyPath: table][index][column] = value
        self[keyPath: table][index][1] = date
    }
}

/// A fresh temporary directory, removed by the caller's `defer`.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("steward-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
