import GRDB
import RF2

extension Workspace {
    /// Allocates the next SCTID in `namespace` for a partition (long format: 10 concept, 11 description,
    /// 12 relationship). Item numbers only grow, inside the caller's transaction, so an id is never
    /// handed out twice even if the transaction that used it is rolled back and retried.
    static func allocateId(_ db: Database, namespace: Int, partition: SCTID.Partition) throws -> Int64 {
        guard (0..<10_000_000).contains(namespace), namespace > 0 else {
            throw WorkspaceError(.invalid, "namespace \(namespace) is not a 7-digit SNOMED CT namespace identifier")
        }
        guard partition.isLongFormat else { throw WorkspaceError(.invalid, "local ids use long-format partitions (10, 11, 12)") }
        let next =
            try Int64.fetchOne(
                db, sql: "SELECT next_item FROM id_sequence WHERE namespace = ? AND partition = ?", arguments: [namespace, partition.rawValue]) ?? 1
        try db.execute(
            sql:
                "INSERT INTO id_sequence (namespace, partition, next_item) VALUES (?, ?, ?) ON CONFLICT(namespace, partition) DO UPDATE SET next_item = excluded.next_item",
            arguments: [namespace, partition.rawValue, next + 1])
        return SCTID.make(item: next, namespace: namespace, partition: partition)
    }

    /// Records that an id made elsewhere in a namespace is taken, so allocation continues after it.
    static func reserveId(_ db: Database, _ id: Int64) throws {
        guard let partition = SCTID.partition(of: id), partition.isLongFormat, let namespace = SCTID.namespace(of: id) else { return }
        let item = id / 10 / 100 / 10_000_000
        try db.execute(
            sql: """
                INSERT INTO id_sequence (namespace, partition, next_item) VALUES (?, ?, ?)
                ON CONFLICT(namespace, partition) DO UPDATE SET next_item = max(next_item, excluded.next_item)
                """,
            arguments: [namespace, partition.rawValue, item + 1])
    }
}
