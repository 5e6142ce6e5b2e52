import GRDB

extension WorkspaceSchema {
    /// The single `workspace_settings` row (id 1), created with version 1 and no namespace, country or module.
    static func registerSettings(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-settings") { db in
            try db.execute(
                sql: """
                    CREATE TABLE workspace_settings (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        namespace INTEGER,
                        country_code TEXT,
                        module_id INTEGER,
                        language TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        updated_at TEXT,
                        updated_by TEXT
                    );
                    INSERT INTO workspace_settings (id, language, version) VALUES (1, 'en', 1);
                    """)
        }
    }
}
