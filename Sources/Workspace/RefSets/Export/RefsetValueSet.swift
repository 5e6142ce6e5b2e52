import Foundation
import RF2
import TerminologyStore

/// A refset as a FHIR R4 ValueSet resource. Its canonical URL is SNOMED CT's implicit value set for the
/// refset (`http://snomed.info/sct?fhir_vs=refset/<id>`); the compose states the refset the way it is
/// maintained: an enumeration for an extensional refset, the ECL constraint with inclusions and exclusions
/// for an intensional one. `expansion` lists the members of the version exported.
public struct RefsetValueSet: Sendable {
    public let refset: LocalRefset
    /// The version exported, or nil for the draft.
    public let version: RefsetVersion?
    public let entries: [RefsetEntry]
    public let members: RefsetTable
    /// The version URI of the release the members were expanded on.
    public let releaseURI: String

    public init(refset: LocalRefset, version: RefsetVersion?, entries: [RefsetEntry], members: RefsetTable, releaseURI: String) {
        self.refset = refset
        self.version = version
        self.entries = entries
        self.members = members
        self.releaseURI = releaseURI
    }

    public func json() throws -> Data {
        let system = "http://snomed.info/sct"
        let display = Dictionary(members.rows.map { ($0.conceptId, $0.preferredTerm) }, uniquingKeysWith: { first, _ in first })
        func concepts(_ role: RefsetEntryRole) -> [[String: String]] {
            entries.filter { $0.role == role }.map { ["code": String($0.conceptId), "display": display[$0.conceptId] ?? ""] }
        }
        var include: [[String: Any]] = []
        var exclude: [[String: Any]] = []
        switch refset.kind {
        case .extensional:
            include.append([
                "system": system, "version": releaseURI, "concept": members.rows.map { ["code": String($0.conceptId), "display": $0.preferredTerm] },
            ])
        case .intensional:
            include.append([
                "system": system, "version": releaseURI, "filter": [["property": "constraint", "op": "=", "value": version?.ecl ?? refset.ecl ?? ""]],
            ])
            if !concepts(.include).isEmpty { include.append(["system": system, "version": releaseURI, "concept": concepts(.include)]) }
            if !concepts(.exclude).isEmpty { exclude.append(["system": system, "version": releaseURI, "concept": concepts(.exclude)]) }
        }
        var compose: [String: Any] = ["include": include]
        if !exclude.isEmpty { compose["exclude"] = exclude }
        var resource: [String: Any] = [
            "resourceType": "ValueSet",
            "id": "refset-\(refset.id)",
            "url": "\(system)?fhir_vs=refset/\(refset.id)",
            "identifier": [["system": system, "value": String(refset.id)]],
            "name": Self.computableName(refset.name),
            "title": refset.name,
            "status": version == nil ? "draft" : "active",
            "experimental": false,
            "publisher": refset.owner,
            "compose": compose,
            "expansion": [
                "identifier": "urn:uuid:\(MemberUUID.make("expansion|\(refset.id)|\(version?.number ?? 0)|\(refset.version)").description)",
                "timestamp": (version?.publishedAt ?? refset.updatedAt).formatted(Date.ISO8601FormatStyle()),
                "total": members.rows.count,
                "parameter": [["name": "version", "valueUri": releaseURI]],
                "contains": members.rows.map { ["system": system, "version": releaseURI, "code": String($0.conceptId), "display": $0.preferredTerm] },
            ] as [String: Any],
        ]
        if !refset.description.isEmpty { resource["description"] = refset.description }
        if let version {
            resource["version"] = String(version.effectiveTime)
            resource["date"] = RF2Date.iso(version.effectiveTime)
        }
        return try JSONSerialization.data(withJSONObject: resource, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// FHIR `name`: letters and digits, starting with a capital.
    static func computableName(_ title: String) -> String {
        let words = title.split { !$0.isLetter && !$0.isNumber }.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        let joined = words.joined()
        return joined.first?.isLetter == true ? joined : "Refset" + joined
    }
}
