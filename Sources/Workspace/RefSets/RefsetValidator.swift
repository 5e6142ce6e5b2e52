import ECL
import Foundation
import RF2
import TerminologyStore

/// Checks refset content against the release it is bound to: unknown ids are errors, inactive concepts
/// are warnings that carry their replacement candidates.
struct RefsetValidator: Sendable {
    let release: ReleaseStore

    /// Parses and evaluates an ECL definition once, so a bad definition is refused when it is written.
    @discardableResult
    func checkDefinition(_ ecl: String) throws -> [Int64] {
        do {
            return try ECLEngine(store: release).conceptIds(ecl)
        } catch let error as ECLSyntaxError {
            throw WorkspaceError(.invalid, "ECL definition: \(error)")
        } catch let error as ECLEvaluationError {
            throw WorkspaceError(.invalid, "ECL definition: \(error)")
        }
    }

    /// Throws for any id that is not a concept of the release; returns warnings for inactive ones.
    func check(_ ids: [Int64]) throws -> [MemberWarning] {
        var warnings: [MemberWarning] = []
        var unknown: [Int64] = []
        for id in ids {
            guard SCTID.isValid(id, kind: .concept), let concept = try release.concept(id) else {
                unknown.append(id)
                continue
            }
            if !concept.active { warnings.append(try inactiveWarning(id)) }
        }
        guard unknown.isEmpty else {
            let listed = unknown.prefix(10).map(String.init).joined(separator: ", ") + (unknown.count > 10 ? " and \(unknown.count - 10) more" : "")
            throw WorkspaceError(
                .invalid,
                "\(unknown.count == 1 ? "id" : "ids") \(listed) \(unknown.count == 1 ? "is not a concept" : "are not concepts") in release \(release.info.name): nothing was changed"
            )
        }
        return warnings
    }

    func inactiveWarning(_ id: Int64) throws -> MemberWarning {
        let reason = try release.inactivationReason(of: id)
        let targets = try release.historicalAssociations(of: id)
        let terms = try release.preferredTerms(for: [id] + targets.flatMap { [$0.targetId, $0.refsetId] } + (reason.map { [$0] } ?? []))
        return MemberWarning(
            conceptId: id, term: terms[id] ?? "", message: "concept \(id) is inactive in \(release.info.name)", reason: reason.flatMap { terms[$0] },
            replacements: targets.map {
                MemberWarning.Replacement(association: terms[$0.refsetId] ?? String($0.refsetId), conceptId: $0.targetId, term: terms[$0.targetId] ?? "")
            })
    }
}
