import Foundation
import GRDB
import RF2

extension ReleaseStore {
    /// Every refset the component is a member of (active and inactive memberships).
    public func memberships(of componentId: Int64) throws -> [RefsetMember] {
        try read { db in try memberships(db, of: componentId) }
    }

    func memberships(_ db: Database, of componentId: Int64) throws -> [RefsetMember] {
        try fetchMembers(db, where: "referenced_component_id = ?", arguments: [componentId], suffix: "ORDER BY refset_id, active DESC")
    }

    /// Members of one refset, paged, in referenced-component order.
    public func members(of refsetId: Int64, activeOnly: Bool = true, limit: Int = Int.max, offset: Int = 0) throws -> [RefsetMember] {
        try read { db in try members(db, of: refsetId, activeOnly: activeOnly, limit: limit, offset: offset) }
    }

    func members(_ db: Database, of refsetId: Int64, activeOnly: Bool, limit: Int, offset: Int) throws -> [RefsetMember] {
        try fetchMembers(
            db, where: "refset_id = ?\(activeOnly ? " AND active = 1" : "")", arguments: [refsetId, limit == Int.max ? -1 : limit, offset],
            suffix: "ORDER BY referenced_component_id LIMIT ? OFFSET ?")
    }

    public func memberCount(of refsetId: Int64, activeOnly: Bool = true) throws -> Int {
        try read { db in try memberCount(db, of: refsetId, activeOnly: activeOnly) }
    }

    func memberCount(_ db: Database, of refsetId: Int64, activeOnly: Bool) throws -> Int {
        try Int.fetchOne(
            try db.cachedStatement(sql: "SELECT count(*) FROM refset_member WHERE refset_id = ?\(activeOnly ? " AND active = 1" : "")"), arguments: [refsetId])
            ?? 0
    }

    /// The reason an inactive concept was inactivated (a value of the concept inactivation indicator refset).
    public func inactivationReason(of conceptId: Int64) throws -> Int64? {
        try read { db in try inactivationReason(db, of: conceptId) }
    }

    func inactivationReason(_ db: Database, of conceptId: Int64) throws -> Int64? {
        try Int64.fetchOne(
            try db.cachedStatement(sql: "SELECT a1 FROM refset_member WHERE referenced_component_id = ? AND refset_id = ? AND active = 1"),
            arguments: [conceptId, WellKnown.conceptInactivationIndicator])
    }

    /// Reason a description was inactivated (or "concept non-current").
    public func descriptionInactivationReason(of descriptionId: Int64) throws -> Int64? {
        try read { db in try descriptionInactivationReason(db, of: descriptionId) }
    }

    func descriptionInactivationReason(_ db: Database, of descriptionId: Int64) throws -> Int64? {
        try Int64.fetchOne(
            try db.cachedStatement(sql: "SELECT a1 FROM refset_member WHERE referenced_component_id = ? AND refset_id = ? AND active = 1"),
            arguments: [descriptionId, WellKnown.descriptionInactivationIndicator])
    }

    /// Active historical associations from a component: (association refset, target).
    public func historicalAssociations(of componentId: Int64) throws -> [(refsetId: Int64, targetId: Int64)] {
        try read { db in try historicalAssociations(db, of: componentId) }
    }

    func historicalAssociations(_ db: Database, of componentId: Int64) throws -> [(refsetId: Int64, targetId: Int64)] {
        try Row.fetchAll(
            try db.cachedStatement(
                sql: """
                    SELECT refset_id, a1 FROM refset_member WHERE referenced_component_id = ? AND active = 1
                    AND refset_id IN (\(WellKnown.historicalAssociationRefsets.map(String.init).joined(separator: ",")))
                    ORDER BY refset_id, a1
                    """), arguments: [componentId]
        ).map { (refsetId: $0[0] as Int64, targetId: $0[1] as Int64) }
    }

    /// The refsets in the release with member counts and field names.
    public func refsets() throws -> [RefsetSummary] {
        try read { db in try refsets(db) }
    }

    func refsets(_ db: Database) throws -> [RefsetSummary] {
        let fields = Dictionary(
            grouping: try Row.fetchAll(try db.cachedStatement(sql: "SELECT refset_id, name FROM refset_field ORDER BY refset_id, position")),
            by: { $0[0] as Int64 }
        )
        .mapValues { $0.map { $0[1] as String } }
        return try Row.fetchAll(
            try db.cachedStatement(sql: "SELECT refset_id, count(*), total(active) FROM refset_member GROUP BY refset_id ORDER BY refset_id")
        ).map {
            let id: Int64 = $0[0]
            return RefsetSummary(refsetId: id, members: $0[1], activeMembers: Int($0[2] as Double), fields: fields[id] ?? [])
        }
    }

    private func fetchMembers(_ db: Database, where condition: String, arguments: StatementArguments, suffix: String) throws -> [RefsetMember] {
        // Conditions and suffixes are fixed strings (values go in `arguments`), so the statement is cached.
        let rows = try Row.fetchAll(
            try db.cachedStatement(
                sql:
                    "SELECT uuid, effective_time, active, module_id, refset_id, referenced_component_id, \(ReleaseSchema.refsetValueColumns.joined(separator: ", ")) FROM refset_member WHERE \(condition) \(suffix)"
            ),
            arguments: arguments)
        var fieldCache: [Int64: [(String, String)]] = [:]
        return try rows.map { row in
            let refsetId: Int64 = row[4]
            if fieldCache[refsetId] == nil {
                fieldCache[refsetId] = try Row.fetchAll(
                    try db.cachedStatement(sql: "SELECT name, type FROM refset_field WHERE refset_id = ? ORDER BY position"), arguments: [refsetId]
                )
                .map { ($0[0] as String, $0[1] as String) }
            }
            let uuidData: Data = row[0]
            var high: UInt64 = 0
            var low: UInt64 = 0
            for (index, byte) in uuidData.enumerated() {
                if index < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
            }
            var fields: [RefsetMember.Field] = []
            for (position, field) in (fieldCache[refsetId] ?? []).enumerated() {
                let value: RefsetMember.Value
                switch field.1 {
                case "c": value = .component(row[6 + position] ?? 0)
                case "i": value = .integer(row[6 + position] ?? 0)
                default: value = .string(row[6 + position] ?? "")
                }
                fields.append(RefsetMember.Field(name: field.0, value: value))
            }
            return RefsetMember(
                id: RF2UUID(high: high, low: low), effectiveTime: row[1], active: row[2], moduleId: row[3], refsetId: refsetId,
                referencedComponentId: row[5], fields: fields)
        }
    }
}
