import GRDB
import RF2

/// Rules `association-source-inactive` and `association-target-active` for historical associations.
///
/// A historical association says where users of an inactive component should go instead, so its source must
/// be inactive and its target must be an active concept.
struct AssociationCheck {
    func run(_ context: inout CheckContext) throws {
        let association = StagingPlan.MemberKind.association.rawValue
        try context.forEach(
            """
            SELECT m.file, m.line, m.rcid, m.c1, m.refset_id,
              coalesce((SELECT x.active FROM c_concept x WHERE x.id = m.rcid), (SELECT x.active FROM c_description x WHERE x.id = m.rcid)),
              (SELECT x.active FROM c_concept x WHERE x.id = m.c1)
            FROM c_member m
            WHERE m.kind = \(association) AND m.active = 1 AND m.refset_id IN (\(CheckContext.list(WellKnown.historicalAssociationRefsets)))
            ORDER BY m.file, m.line
            """
        ) { row in
            let refset: Int64 = row[4]
            if let source = row[2] as Int64?, let active = row[5] as Int?, active == 1 {
                context.report(
                    .error, .associationSourceInactive, file: row[0], line: row[1], column: "referencedComponentId", value: String(source),
                    "historical association (refset \(refset)) from component \(source), which is active: only inactive components have historical associations"
                )
            }
            if let target = row[3] as Int64?, let active = row[6] as Int?, active == 0 {
                context.report(
                    .error, .associationTargetActive, file: row[0], line: row[1], column: "targetComponentId", value: String(target),
                    "historical association (refset \(refset)) points to concept \(target), which is inactive: the target must be active")
            }
        }
    }
}
