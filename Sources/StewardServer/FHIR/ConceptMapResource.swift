import Foundation
import RF2
import TerminologyStore

/// FHIR R4 `ConceptMap` describing one of a release's implicit concept maps (a historical association or map
/// refset), so clients can discover what `ConceptMap/$translate` offers before they call it.
///
/// The resource carries no `group`: the mappings stay in the release and are reached through `$translate`,
/// as other SNOMED CT servers do. The resource id is the CodeSystem id of the release and the refset id,
/// `sct-INT-20250201-900000000000527005`; the url is the implicit map's, `http://snomed.info/sct?fhir_cm=<refsetId>`.
struct ConceptMapResource: Codable, Sendable {
    var resourceType = "ConceptMap"
    var id: String
    var url: String
    var version: String
    var name: String
    var title: String
    var status = "active"
    var experimental = false
    var date: String
    var publisher: String
    var description: String
    var sourceUri = "\(SNOMED.system)?fhir_vs"
    var targetUri: String

    init(_ map: ConceptMapTranslation.ConceptMap, release: ReleaseHandle) {
        let info = release.info
        id = Self.id(release: info, refsetId: map.refsetId)
        url = map.url
        version = info.versionURI
        name = Self.computableName(map.name, refsetId: map.refsetId)
        title = map.name
        date = SNOMED.isoDate(info.effectiveTime)
        publisher = "SNOMED CT release \(info.name)"
        let kind = map.kind == .association ? "historical association" : "map"
        description =
            "SNOMED CT \(kind) reference set \(map.refsetId) |\(map.name)| of release \(info.name) (\(map.activeMembers) active members), as an implicit concept map from SNOMED CT to \(map.targetSystem). Translate with ConceptMap/$translate?url=\(map.url)."
        targetUri = map.targetSystem == SNOMED.system ? "\(SNOMED.system)?fhir_vs" : map.targetSystem
    }

    static func id(release: ReleaseInfo, refsetId: Int64) -> String {
        "\(CodeSystemResource.id(for: release))-\(refsetId)"
    }

    /// A FHIR computable name (`[A-Z][A-Za-z0-9_]*`) from the refset's term: `SAME AS association reference set` → `SAMEASAssociationReferenceSet`.
    static func computableName(_ term: String, refsetId: Int64) -> String {
        let words = term.split { !$0.isLetter && !$0.isNumber }.map { word in word.prefix(1).uppercased() + word.dropFirst() }
        let name = words.joined().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard let first = name.first, first.isLetter else { return "SNOMEDCTMap\(refsetId)" }
        return name
    }

    /// Every map of every served release (newest release first), with the filters R4 defines for ConceptMap
    /// search that apply to implicit maps.
    static func search(
        releases: [ReleaseHandle], url: String?, version: String?, name: String?, title: String?, status: String?, targetSystem: String?
    ) throws -> [ConceptMapResource] {
        var resources: [ConceptMapResource] = []
        let reference = version.map(ReleaseReference.init)
        for release in releases.reversed() {
            let editionURI = "\(SNOMED.system)/\(release.info.editionModule)"
            if let reference, !reference.matches(release.info) { continue }
            for map in try ConceptMapTranslation.maps(in: release.engines.store) {
                if let targetSystem, targetSystem != map.targetSystem { continue }
                let resource = ConceptMapResource(map, release: release)
                if let url, url != resource.url, url != "\(release.info.versionURI)?fhir_cm=\(map.refsetId)",
                    url != "\(editionURI)?fhir_cm=\(map.refsetId)"
                {
                    continue
                }
                if let name, !resource.name.lowercased().hasPrefix(name.lowercased()) { continue }
                if let title, !resource.title.lowercased().contains(title.lowercased()) { continue }
                if let status, status != resource.status { continue }
                resources.append(resource)
            }
        }
        return resources
    }

    /// One map by resource id, or nil.
    static func read(id: String, releases: [ReleaseHandle]) throws -> ConceptMapResource? {
        for release in releases {
            let prefix = CodeSystemResource.id(for: release.info) + "-"
            guard id.hasPrefix(prefix), let refsetId = Int64(id.dropFirst(prefix.count)) else { continue }
            return try ConceptMapTranslation.maps(in: release.engines.store).first { $0.refsetId == refsetId }.map { ConceptMapResource($0, release: release) }
        }
        return nil
    }
}
