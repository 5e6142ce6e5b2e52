import Foundation
import TerminologyStore

/// FHIR R4 `TerminologyCapabilities` for `GET /fhir/metadata?mode=terminology`: SNOMED CT with one
/// version entry per imported release (its version URI; the newest is the default).
struct TerminologyCapabilities: Codable, Sendable {
    struct CodeSystem: Codable, Sendable {
        var uri: String
        var version: [Version]?
        var subsumption = true
    }

    struct Version: Codable, Sendable {
        var code: String
        var isDefault: Bool
        var compositional = false
        var language: [String]?
        var filter: [Filter]?
        var property: [String]?
    }

    struct Filter: Codable, Sendable {
        var code: String
        var op: [String]
    }

    struct Expansion: Codable, Sendable {
        var hierarchical = false
        var paging = true
        var incomplete = false
        var textFilter = "Words of the filter match the starts of words of a concept's terms, in any order."
    }

    struct ValidateCode: Codable, Sendable {
        var translations = false
    }

    struct Translation: Codable, Sendable {
        var needsMap = true
    }

    var resourceType = "TerminologyCapabilities"
    var name = "StewardTerminologyCapabilities"
    var title = "Steward SNOMED CT terminology capabilities"
    var status = "active"
    var experimental = false
    var date: String
    var kind = "instance"
    var software = CapabilityStatement.Software(name: "Steward")
    var implementation = CapabilityStatement.Implementation(description: "Steward SNOMED CT release management")
    var codeSystem: [CodeSystem]
    var expansion = Expansion()
    var codeSearch = "all"
    var validateCode = ValidateCode()
    var translation = Translation()

    init(releases: [ReleaseHandle], date: Date = Date()) {
        self.date = date.formatted(Date.ISO8601FormatStyle())
        let filters = [
            Filter(code: "concept", op: ["is-a", "descendent-of", "in", "=", "is-not-a", "generalizes"]), Filter(code: "constraint", op: ["="]),
        ]
        let properties = CodeSystemOperations.standardProperties
        let versions = releases.enumerated().map { index, release in
            Version(
                code: release.info.versionURI, isDefault: index == releases.count - 1, language: Self.languages(release), filter: filters,
                property: properties)
        }
        codeSystem = [CodeSystem(uri: SNOMED.system, version: versions.isEmpty ? nil : versions)]
    }

    /// The display languages a release can answer in (from its language refsets).
    static func languages(_ release: ReleaseHandle) -> [String]? {
        let refsets = Set((try? release.engines.store.languageRefsets()) ?? [])
        var tags: [String] = []
        for (refset, tag) in CodeSystemOperations.refsetLanguages.sorted(by: { $0.value < $1.value })
        where refsets.contains(refset) && !tags.contains(tag) {
            tags.append(tag)
        }
        return tags.isEmpty ? nil : tags
    }
}
