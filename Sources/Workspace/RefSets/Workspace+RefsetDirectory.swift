import Foundation
import GRDB
import RF2
import TerminologyStore

/// One refset that holds a concept.
public struct RefsetMembership: Sendable, Codable, Equatable {
    public enum Source: String, Sendable, Codable {
        /// A workspace refset's draft.
        case localDraft = "local-draft"
        /// A workspace refset's latest published version.
        case localPublished = "local-published"
        /// A refset shipped in the release.
        case release
    }

    @IDString public var refsetId: Int64
    public var name: String
    public var source: Source
    /// The version number for published local refsets.
    public var version: Int?
}

extension Workspace {
    /// "Which refsets contain concept X": local drafts (explicit members and inclusions; an intensional
    /// definition is evaluated on `release` when given), local published versions, and the release's own
    /// refsets with an active member row (OWL axiom refsets left out: they hold definitions, not content).
    public func refsets(containing conceptId: Int64, release: ReleaseStore?) throws -> [RefsetMembership] {
        var result: [RefsetMembership] = []
        let local = try refsets()
        let (entryRows, versionRows) = try read { db in
            (
                try Row.fetchAll(db, sql: "SELECT refset_id, role FROM refset_entry WHERE concept_id = ?", arguments: [conceptId]),
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT m.refset_id, m.number FROM refset_version_member m
                        WHERE m.concept_id = ? AND m.number = (SELECT max(number) FROM refset_version v WHERE v.refset_id = m.refset_id)
                        """, arguments: [conceptId])
            )
        }
        let byId = Dictionary(uniqueKeysWithValues: local.map { ($0.id, $0) })
        var drafts = Set<Int64>()
        var excluded = Set<Int64>()
        for row in entryRows {
            let refset: Int64 = row["refset_id"]
            if (row["role"] as String) == RefsetEntryRole.exclude.rawValue { excluded.insert(refset) } else { drafts.insert(refset) }
        }
        if let release {
            for refset in local where refset.kind == .intensional && refset.release == release.info.name && !excluded.contains(refset.id) {
                if let ecl = refset.ecl, try RefsetValidator(release: release).checkDefinition("(\(ecl)) AND \(conceptId)").contains(conceptId) {
                    drafts.insert(refset.id)
                }
            }
        }
        for id in drafts.sorted() { result.append(RefsetMembership(refsetId: id, name: byId[id]?.name ?? "", source: .localDraft, version: nil)) }
        for row in versionRows {
            let id: Int64 = row["refset_id"]
            result.append(RefsetMembership(refsetId: id, name: byId[id]?.name ?? "", source: .localPublished, version: row["number"]))
        }
        if let release {
            let memberships = try release.memberships(of: conceptId).filter {
                $0.active && $0.refsetId != WellKnown.owlAxiomRefset && $0.refsetId != WellKnown.owlOntologyRefset
            }
            let names = try release.preferredTerms(for: memberships.map(\.refsetId))
            for refsetId in Set(memberships.map(\.refsetId)).sorted() {
                result.append(RefsetMembership(refsetId: refsetId, name: names[refsetId] ?? "", source: .release, version: nil))
            }
        }
        return result
    }
}
