import GRDB
import RF2

/// History supplements: add the inactive concepts whose historical associations point into the result.
extension Evaluator {
    /// The association refsets of each profile (ECL 2.2 §6.11): MIN = SAME AS; MOD = MIN + REPLACED BY,
    /// WAS A, PARTIALLY EQUIVALENT TO; MAX = every historical association. Plain `+HISTORY` is MAX, as in
    /// the specification and Snowstorm.
    static func associationRefsets(_ supplement: HistorySupplement) -> [Int64]? {
        switch supplement {
        case .minimum: [WellKnown.sameAs]
        case .moderate: [WellKnown.sameAs, WellKnown.replacedBy, WellKnown.wasA, WellKnown.partiallyEquivalentTo]
        case .maximum: WellKnown.historicalAssociationRefsets
        case .custom: nil
        }
    }

    /// The result plus the referenced components of active association members (of the profile's refsets)
    /// whose target is in the result.
    func supplement(_ ids: [Int64], with supplement: HistorySupplement) throws -> [Int64] {
        if ids.isEmpty { return ids }
        let refsets: [Int64]
        if let fixed = Self.associationRefsets(supplement) {
            refsets = fixed.sorted()
        } else if case .custom(let expression) = supplement {
            refsets = try evaluate(expression)
        } else {
            refsets = []
        }
        if refsets.isEmpty { return ids }
        var added: [Int64] = []
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT referenced_component_id, a1 FROM refset_member WHERE refset_id IN (\(refsets.map(String.init).joined(separator: ","))) AND active = 1")
        for row in rows {
            let target: Int64? = row[1]
            if let target, SortedIDs.contains(ids, target) { added.append(row[0]) }
        }
        return SortedIDs.union(ids, SortedIDs.normalized(added))
    }
}
