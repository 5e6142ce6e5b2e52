import Foundation
import TerminologyStore
import Workspace

/// The workspace's local refsets as FHIR ValueSet resources, for `GET /fhir/ValueSet` (search) and
/// `GET /fhir/ValueSet/{id}` (read): the newest published version, or the draft while nothing is published,
/// with its compose and expansion — the same resource `GET /api/v1/refsets/{id}/export?format=fhir` gives.
/// Resource ids are `refset-<refset id>`; the canonical URL is SNOMED CT's implicit refset value set.
struct LocalValueSets: Sendable {
    let services: ServerServices

    /// Every local refset matching the search parameters that R4 defines for ValueSet and clients use most.
    func search(url: String?, name: String?, title: String?, status: String?, language: LanguagePreference) throws -> Data {
        var resources: [[String: Any]] = []
        for refset in try services.workspace.refsets() {
            let resource = try self.resource(refset, language: language)
            if let url, resource["url"] as? String != url { continue }
            if let name, !(resource["name"] as? String ?? "").lowercased().hasPrefix(name.lowercased()) { continue }
            if let title, !(resource["title"] as? String ?? "").lowercased().contains(title.lowercased()) { continue }
            if let status, resource["status"] as? String != status { continue }
            resources.append(resource)
        }
        let bundle: [String: Any] = [
            "resourceType": "Bundle", "type": "searchset", "total": resources.count,
            "entry": resources.map { ["resource": $0, "search": ["mode": "match"]] },
        ]
        return try JSONSerialization.data(
            withJSONObject: resources.isEmpty ? bundle.filter { $0.key != "entry" } : bundle, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// One local refset by resource id (`refset-<id>`).
    func read(id: String, language: LanguagePreference) throws -> Data {
        guard id.hasPrefix("refset-"), let refsetId = Int64(id.dropFirst("refset-".count)) else {
            throw APIError.notFound("ValueSet '\(id)' not found: local refsets are ValueSet/refset-<refset id>")
        }
        let refset: LocalRefset
        do {
            refset = try services.workspace.refset(refsetId)
        } catch let error as WorkspaceError where error.kind == .notFound {
            throw APIError.notFound("ValueSet '\(id)' not found: there is no local refset \(refsetId)")
        }
        return try JSONSerialization.data(withJSONObject: try resource(refset, language: language), options: [.sortedKeys, .withoutEscapingSlashes])
    }

    private func resource(_ refset: LocalRefset, language: LanguagePreference) throws -> [String: Any] {
        let workspace = services.workspace
        let published = try workspace.versions(of: refset.id).last
        let store = try services.boundRelease(
            published?.release ?? refset.release, of: published.map { "version \($0.number) of refset \(refset.id)" } ?? "refset \(refset.id)")
        let members = try published.map { try workspace.members(of: refset.id, version: $0.number) } ?? workspace.draftMembers(of: refset.id, release: store)
        let valueSet = RefsetValueSet(
            refset: refset, version: published, entries: try workspace.entries(of: refset.id),
            members: try RefsetTable(members: members, release: store, language: language), releaseURI: store.info.versionURI)
        return try JSONSerialization.jsonObject(with: try valueSet.json()) as? [String: Any] ?? [:]
    }
}
