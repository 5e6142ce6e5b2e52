import Foundation
import RF2
import ZIPFoundation

/// Writes a refset's published history as RF2: the simple refset files alone, or a whole package that also
/// carries the refset concept (concept, FSN and synonym, their language rows, its OWL axiom and the inferred
/// IS-A it implies) and a module
/// dependency row, so that importing the package on top of the bound release gives a release with the
/// refset in it.
public struct RefsetRF2Writer: Sendable {
    public let release: RefsetRelease
    /// Country code of file names (`NO`).
    public var country: String
    /// Namespace of file names (`1000202`).
    public var namespace: Int
    /// Effective time of the release each version was bound to (the module dependency's target time), by release name.
    public var dependencyTimes: [String: Int]

    public init(release: RefsetRelease, country: String, namespace: Int, dependencyTimes: [String: Int] = [:]) {
        self.release = release
        self.country = country.uppercased()
        self.namespace = namespace
        self.dependencyTimes = dependencyTimes
    }

    static let memberColumns = ["id", "effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId"]

    private var latestTime: Int {
        get throws {
            guard let last = release.versions.last else {
                throw WorkspaceError(.invalid, "refset \(release.refset.id) has no published version: publish it before exporting RF2")
            }
            return last.effectiveTime
        }
    }

    /// The simple refset file name for a release type, e.g. `der2_Refset_SimpleSnapshot_NO1000202_20251015.txt`.
    public func memberFileName(_ type: ReleaseType) throws -> String {
        RF2FileName.refset(pattern: "", name: "Simple", type, country: country, namespace: namespace, effectiveTime: String(try latestTime)).fileName
    }

    /// Writes the simple refset file of each type into `directory`; returns the files written.
    @discardableResult
    public func writeMemberFiles(to directory: URL, types: [ReleaseType] = [.snapshot, .full, .delta]) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try types.map { type in
            let url = directory.appendingPathComponent(try memberFileName(type))
            try writeMembers(release.rows(type), to: url)
            return url
        }
    }

    private func writeMembers(_ rows: [RefsetRelease.MemberRow], to url: URL) throws {
        let writer = try RF2Writer(url: url, columns: Self.memberColumns)
        for row in rows {
            writer.uuidField(high: row.id.high, low: row.id.low)
            writer.field(row.effectiveTime)
            writer.field(row.active)
            writer.field(row.moduleId)
            writer.field(row.refsetId)
            writer.field(row.referencedComponentId)
            writer.endRow()
        }
        try writer.close()
    }

    /// The package folder name, e.g. `SnomedCT_RefsetNO1000202_PRODUCTION_NO1000202_20251015T120000Z`.
    public var packageName: String {
        get throws { "SnomedCT_Refset\(release.refset.id)_PRODUCTION_\(country)\(namespace)_\(try latestTime)T120000Z" }
    }

    /// Writes the full package (Snapshot, Full, Delta) as a zip at `url`. Built in a temporary folder and
    /// moved into place, so a failed export leaves nothing behind.
    public func writePackage(zipTo url: URL) throws {
        let fileManager = FileManager.default
        let staging = fileManager.temporaryDirectory.appendingPathComponent("steward-refset-\(UUID().uuidString)")
        defer { try? fileManager.removeItem(at: staging) }
        let root = staging.appendingPathComponent(try packageName)
        for type in ReleaseType.allCases { try writePackageFiles(type, into: root.appendingPathComponent(type.rawValue)) }
        let partial = staging.appendingPathComponent("package.zip")
        try fileManager.zipItem(at: root, to: partial, shouldKeepParent: true)
        if fileManager.fileExists(atPath: url.path) { try fileManager.removeItem(at: url) }
        try fileManager.moveItem(at: partial, to: url)
    }

    /// Writes one release type's files of the package under `folder` (`Terminology/`, `Refset/...`).
    public func writePackageFiles(_ type: ReleaseType, into folder: URL) throws {
        let language = try RefsetLanguage(release.refset.language)
        let time = try latestTime
        guard let first = release.versions.first else { return }
        let conceptTime = first.effectiveTime
        // The refset concept's own rows were written once, with the first version; a Delta of a later version leaves them out.
        let withConcept = type != .delta || conceptTime == time
        let terminology = folder.appendingPathComponent("Terminology")
        let content = folder.appendingPathComponent("Refset/Content")
        let languageFolder = folder.appendingPathComponent("Refset/Language")
        let metadata = folder.appendingPathComponent("Refset/Metadata")
        for directory in [terminology, content, languageFolder, metadata] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        let files = PackageFiles(
            type: type, effective: String(time), conceptTime: conceptTime, withConcept: withConcept, language: language)
        try writeConceptFile(files, into: terminology)
        try writeDescriptionFile(files, into: terminology)
        try writeAxiomFile(files, into: terminology)
        try writeRelationshipFile(files, into: terminology)
        try writeLanguageFile(files, into: languageFolder)
        try writeMembers(release.rows(type), to: content.appendingPathComponent(try memberFileName(type)))
        try writeModuleDependencyFile(files, into: metadata)
    }

    /// What the files of one release type of the package share.
    private struct PackageFiles {
        let type: ReleaseType
        /// Effective time of the file names: the latest version's.
        let effective: String
        /// Effective time of the refset concept's own rows: the first version's.
        let conceptTime: Int
        /// Whether the refset concept's own rows belong in these files.
        let withConcept: Bool
        let language: RefsetLanguage
    }

    private func writeConceptFile(_ files: PackageFiles, into terminology: URL) throws {
        let refset = release.refset
        let concepts = try RF2Writer(
            url: terminology.appendingPathComponent(
                RF2FileName.component("Concept", files.type, country: country, namespace: namespace, effectiveTime: files.effective).fileName),
            columns: ["id", "effectiveTime", "active", "moduleId", "definitionStatusId"])
        if files.withConcept { concepts.write([refset.id, Int64(files.conceptTime), 1, refset.moduleId, WellKnown.primitive]) }
        try concepts.close()
    }

    /// The refset concept's FSN and synonym.
    private func writeDescriptionFile(_ files: PackageFiles, into terminology: URL) throws {
        let refset = release.refset
        let languageCode = files.language.descriptionLanguageCode
        let descriptions = try RF2Writer(
            url: terminology.appendingPathComponent(
                RF2FileName.component(
                    "Description", files.type, language: languageCode, country: country, namespace: namespace, effectiveTime: files.effective
                ).fileName),
            columns: ["id", "effectiveTime", "active", "moduleId", "conceptId", "languageCode", "typeId", "term", "caseSignificanceId"])
        if files.withConcept {
            for (id, typeId, term) in [
                (refset.fsnDescriptionId, WellKnown.fullySpecifiedName, refset.fullySpecifiedName),
                (refset.synonymDescriptionId, WellKnown.synonym, refset.name),
            ] {
                descriptions.write([
                    String(id), String(files.conceptTime), "1", String(refset.moduleId), String(refset.id), languageCode, String(typeId), term,
                    String(WellKnown.initialCharacterCaseInsensitive),
                ])
            }
        }
        try descriptions.close()
    }

    /// The refset concept's OWL axiom: a subclass of the simple type refset.
    private func writeAxiomFile(_ files: PackageFiles, into terminology: URL) throws {
        let refset = release.refset
        let axioms = try RF2Writer(
            url: terminology.appendingPathComponent(
                RF2FileName.refset(
                    pattern: "s", name: "OWLExpression", files.type, country: country, namespace: namespace, effectiveTime: files.effective,
                    fileType: "sct"
                ).fileName),
            columns: ["id", "effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId", "owlExpression"])
        if files.withConcept {
            axioms.write([
                MemberUUID.make("axiom|\(refset.id)").description, String(files.conceptTime), "1", String(refset.moduleId), String(WellKnown.owlAxiomRefset),
                String(refset.id), "SubClassOf(:\(refset.id) :\(WellKnown.simpleType))",
            ])
        }
        try axioms.close()
    }

    /// The inferred IS-A that the axiom implies.
    private func writeRelationshipFile(_ files: PackageFiles, into terminology: URL) throws {
        let refset = release.refset
        let relationships = try RF2Writer(
            url: terminology.appendingPathComponent(
                RF2FileName.component("Relationship", files.type, country: country, namespace: namespace, effectiveTime: files.effective).fileName),
            columns: [
                "id", "effectiveTime", "active", "moduleId", "sourceId", "destinationId", "relationshipGroup", "typeId", "characteristicTypeId", "modifierId",
            ])
        if files.withConcept {
            relationships.write([
                refset.relationshipId, Int64(files.conceptTime), 1, refset.moduleId, refset.id, WellKnown.simpleType, 0, WellKnown.isA,
                WellKnown.inferredRelationship,
                WellKnown.existentialRestriction,
            ])
        }
        try relationships.close()
    }

    /// The FSN and synonym preferred in each language refset of the refset's language.
    private func writeLanguageFile(_ files: PackageFiles, into languageFolder: URL) throws {
        let refset = release.refset
        let languageRows = try RF2Writer(
            url: languageFolder.appendingPathComponent(
                RF2FileName.refset(
                    pattern: "c", name: "Language", files.type, language: files.language.descriptionLanguageCode, country: country,
                    namespace: namespace, effectiveTime: files.effective
                ).fileName),
            columns: ["id", "effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId", "acceptabilityId"])
        if files.withConcept {
            for languageRefset in files.language.languageRefsets {
                for description in [refset.fsnDescriptionId, refset.synonymDescriptionId] {
                    languageRows.write([
                        MemberUUID.make("language|\(languageRefset)|\(description)").description, String(files.conceptTime), "1", String(refset.moduleId),
                        String(languageRefset), String(description), String(WellKnown.preferred),
                    ])
                }
            }
        }
        try languageRows.close()
    }

    private func writeModuleDependencyFile(_ files: PackageFiles, into metadata: URL) throws {
        let refset = release.refset
        let dependencies = try RF2Writer(
            url: metadata.appendingPathComponent(
                RF2FileName.refset(
                    pattern: "ss", name: "ModuleDependency", files.type, country: country, namespace: namespace, effectiveTime: files.effective
                ).fileName),
            columns: ["id", "effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId", "sourceEffectiveTime", "targetEffectiveTime"])
        // Full keeps one module dependency row per version; Snapshot and Delta only the latest.
        let versions = files.type == .full ? release.versions : Array(release.versions.suffix(1))
        for version in versions {
            guard let target = dependencyTimes[version.release] else {
                throw WorkspaceError(
                    .invalid,
                    "release \(version.release), which version \(version.number) of refset \(refset.id) is bound to, is not imported: cannot write its module dependency"
                )
            }
            dependencies.write([
                MemberUUID.make("mdrs|\(refset.moduleId)|\(WellKnown.coreModule)").description, String(version.effectiveTime), "1", String(refset.moduleId),
                String(WellKnown.moduleDependency), String(WellKnown.coreModule), String(version.effectiveTime), String(target),
            ])
        }
        try dependencies.close()
    }
}
