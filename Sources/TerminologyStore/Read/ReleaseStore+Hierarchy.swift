import Foundation
import GRDB
import RF2

extension ReleaseStore {
    /// Direct parents by active inferred IS-A.
    public func parents(of id: Int64) throws -> [Int64] {
        try read { db in try parents(db, of: id) }
    }

    func parents(_ db: Database, of id: Int64) throws -> [Int64] {
        try Int64.fetchAll(
            try db.cachedStatement(
                sql: "SELECT DISTINCT destination_id FROM relationship WHERE source_id = ? AND type_id = ? AND active = 1 ORDER BY destination_id"),
            arguments: [id, WellKnown.isA])
    }

    /// Direct children by active inferred IS-A.
    public func children(of id: Int64) throws -> [Int64] {
        try read { db in try children(db, of: id) }
    }

    func children(_ db: Database, of id: Int64) throws -> [Int64] {
        try Int64.fetchAll(
            try db.cachedStatement(
                sql: "SELECT DISTINCT source_id FROM relationship WHERE destination_id = ? AND type_id = ? AND active = 1 ORDER BY source_id"),
            arguments: [id, WellKnown.isA])
    }

    /// Every ancestor (not the concept itself) in id order, from the precomputed closure.
    public func ancestors(of id: Int64) throws -> [Int64] {
        try read { db in try ancestors(db, of: id) }
    }

    func ancestors(_ db: Database, of id: Int64) throws -> [Int64] {
        try Data.fetchOne(try db.cachedStatement(sql: "SELECT ancestors FROM isa_closure WHERE concept_id = ?"), arguments: [id]).map { IDArray.decode($0) }
            ?? []
    }

    /// Descendants (not the concept itself) in id order, paged.
    public func descendants(of id: Int64, limit: Int = Int.max, offset: Int = 0) throws -> [Int64] {
        try read { db in try descendants(db, of: id, limit: limit, offset: offset) }
    }

    func descendants(_ db: Database, of id: Int64, limit: Int, offset: Int) throws -> [Int64] {
        guard let data = try Data.fetchOne(try db.cachedStatement(sql: "SELECT descendants FROM isa_closure WHERE concept_id = ?"), arguments: [id]) else {
            return []
        }
        let end = limit == Int.max ? Int.max : offset + limit
        return IDArray.decode(data, range: offset..<end)
    }

    public func descendantCount(of id: Int64) throws -> Int {
        try read { db in try descendantCount(db, of: id) }
    }

    func descendantCount(_ db: Database, of id: Int64) throws -> Int {
        try Int.fetchOne(try db.cachedStatement(sql: "SELECT length(descendants) / 8 FROM isa_closure WHERE concept_id = ?"), arguments: [id]) ?? 0
    }

    /// True when `descendant` is `ancestor` or below it.
    public func isSubsumed(_ descendant: Int64, by ancestor: Int64) throws -> Bool {
        if descendant == ancestor { return true }
        return try read { db in try isSubsumed(db, descendant, by: ancestor) }
    }

    func isSubsumed(_ db: Database, _ descendant: Int64, by ancestor: Int64) throws -> Bool {
        if descendant == ancestor { return true }
        guard let data = try Data.fetchOne(try db.cachedStatement(sql: "SELECT ancestors FROM isa_closure WHERE concept_id = ?"), arguments: [descendant])
        else {
            return false
        }
        return IDArray.contains(data, ancestor)
    }

    /// Active inferred defining attributes (IS-A excluded) and concrete values, by role group.
    public func attributes(of id: Int64) throws -> [AttributeGroup] {
        try read { db in try attributes(db, of: id) }
    }

    func attributes(_ db: Database, of id: Int64) throws -> [AttributeGroup] {
        let relationships = try Row.fetchAll(
            try db.cachedStatement(
                sql: """
                    SELECT id, effective_time, active, module_id, source_id, destination_id, relationship_group, type_id, characteristic_type_id
                    FROM relationship WHERE source_id = ? AND active = 1 AND type_id != ? ORDER BY relationship_group, type_id, destination_id
                    """), arguments: [id, WellKnown.isA]
        ).map {
            Relationship(
                id: $0[0], effectiveTime: $0[1], active: $0[2], moduleId: $0[3], sourceId: $0[4], destinationId: $0[5], group: $0[6],
                typeId: $0[7], characteristicTypeId: $0[8])
        }
        let values = try Row.fetchAll(
            try db.cachedStatement(
                sql:
                    "SELECT id, source_id, type_id, value, relationship_group FROM concrete_value WHERE source_id = ? AND active = 1 ORDER BY relationship_group, type_id"
            ),
            arguments: [id]
        ).map { ConcreteValue(id: $0[0], sourceId: $0[1], typeId: $0[2], value: $0[3], group: $0[4]) }
        let groups = Set(relationships.map(\.group)).union(values.map(\.group)).sorted()
        return groups.map { group in
            AttributeGroup(
                group: group, relationships: relationships.filter { $0.group == group }, concreteValues: values.filter { $0.group == group })
        }
    }
}
