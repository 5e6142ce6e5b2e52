import GRDB
import RF2
import TerminologyStore

extension ReleaseStore {
    /// The first active description (lowest id) whose term is exactly `term`, in any concept.
    func activeDescription(term: String) throws -> Description? {
        let id = try read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM description WHERE term = ? AND active = 1 ORDER BY id LIMIT 1", arguments: [term])
        }
        return try id.flatMap { try description($0) }
    }
}

extension ReleaseStore {
    /// Whether `source` has an active inferred relationship of `type` to `destination` (IS A included).
    func hasRelationship(_ source: Int64, _ type: Int64, _ destination: Int64) throws -> Bool {
        if type == WellKnown.isA { return try parents(of: source).contains(destination) }
        return try attributes(of: source).contains { group in
            group.relationships.contains { $0.typeId == type && $0.destinationId == destination }
        }
    }
}
