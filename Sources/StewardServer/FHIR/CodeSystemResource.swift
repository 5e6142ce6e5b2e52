import Foundation
import RF2
import TerminologyStore

/// FHIR R4 `CodeSystem` for one imported release: url `http://snomed.info/sct`, version = the release's
/// version URI, content `not-present` (concepts are reached through the operations), count = active concepts.
///
/// The resource id is `sct-` followed by the release name with characters a FHIR id may not hold replaced by
/// `-`: `sct-INT-20250201`, `sct-NO-20250215`. Release names never change once imported, so ids are stable.
struct CodeSystemResource: Codable, Sendable {
    struct Filter: Codable, Sendable {
        var code: String
        var description: String
        var `operator`: [String]
        var value: String
    }

    struct Property: Codable, Sendable {
        var code: String
        var uri: String?
        var description: String
        var type: String
    }

    var resourceType = "CodeSystem"
    var id: String
    var url = SNOMED.system
    var version: String
    var name = "SNOMEDCT"
    var title: String
    var status = "active"
    var experimental = false
    var date: String
    var publisher: String
    var description: String
    var caseSensitive = false
    var valueSet = "\(SNOMED.system)?fhir_vs"
    var hierarchyMeaning = "is-a"
    var compositional = true
    var versionNeeded = false
    var content = "not-present"
    var count: Int?
    var filter: [Filter]
    var property: [Property]

    /// The resource id of a release: `sct-<name>`.
    static func id(for info: ReleaseInfo) -> String {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.")
        return String(("sct-" + info.name).map { allowed.contains($0) ? $0 : "-" }.prefix(64))
    }

    init(_ release: ReleaseHandle) throws {
        let info = release.info
        id = Self.id(for: info)
        version = info.versionURI
        let edition = try release.engines.store.preferredTerm(info.editionModule) ?? String(info.editionModule)
        title = "SNOMED CT \(info.name)"
        date = SNOMED.isoDate(info.effectiveTime)
        publisher = info.editionModule == WellKnown.coreModule ? "SNOMED International" : edition
        description = "SNOMED CT release \(info.name): \(edition), version \(info.effectiveTime)"
        count = info.counts.first { $0.component == "concepts" }?.active
        filter = [
            Filter(
                code: "concept",
                description: "is-a: the concept and its descendants; descendent-of: descendants only; in: members of a reference set",
                operator: ["is-a", "descendent-of", "in"], value: "A SNOMED CT concept id"),
            Filter(code: "constraint", description: "The concepts an ECL 2.2 expression selects", operator: ["="], value: "An ECL expression"),
        ]
        property = [
            Property(
                code: "inactive", uri: "http://hl7.org/fhir/concept-properties#inactive", description: "Whether the concept is inactive",
                type: "boolean"),
            Property(code: "sufficientlyDefined", description: "True when the concept is fully defined, false when primitive", type: "boolean"),
            Property(code: "moduleId", description: "The module the concept belongs to", type: "code"),
            Property(code: "effectiveTime", description: "The effective time of the concept's current row (YYYYMMDD)", type: "string"),
            Property(
                code: "parent", uri: "http://hl7.org/fhir/concept-properties#parent", description: "A direct inferred IS-A parent", type: "code"),
            Property(code: "child", uri: "http://hl7.org/fhir/concept-properties#child", description: "A direct inferred IS-A child", type: "code"),
            Property(
                code: "normalForm", description: "Inferred parents and attributes as a compositional grammar expression with terms", type: "string"),
            Property(
                code: "normalFormTerse", description: "Inferred parents and attributes as a compositional grammar expression, ids only",
                type: "string"),
        ]
    }
}
