import GRDB

/// The workspace's schema as a list of migrations. Migrations are append-only: a released one is never
/// edited, a change is a new migration.
enum WorkspaceSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        registerCore(&migrator)
        registerRefsets(&migrator)
        registerSettings(&migrator)
        registerRequests(&migrator)
        return migrator
    }

    /// Audit log, tokens and identifier sequences.
    private static func registerCore(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-core") { db in
            try db.execute(
                sql: """
                    CREATE TABLE audit_event (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        time TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        role TEXT NOT NULL,
                        entity TEXT NOT NULL,
                        entity_id TEXT NOT NULL,
                        action TEXT NOT NULL,
                        before TEXT,
                        after TEXT,
                        note TEXT
                    );
                    CREATE INDEX audit_event_entity ON audit_event(entity, entity_id);
                    CREATE TABLE api_token (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        user TEXT NOT NULL,
                        role TEXT NOT NULL,
                        label TEXT NOT NULL,
                        prefix TEXT NOT NULL,
                        hash TEXT NOT NULL UNIQUE,
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL,
                        revoked_at TEXT
                    );
                    CREATE TABLE id_sequence (
                        namespace INTEGER NOT NULL,
                        partition INTEGER NOT NULL,
                        next_item INTEGER NOT NULL,
                        PRIMARY KEY (namespace, partition)
                    );
                    """)
        }
    }
}
