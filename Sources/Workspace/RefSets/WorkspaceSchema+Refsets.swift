import GRDB

extension WorkspaceSchema {
    /// Local refsets: the editable draft (`refset`, `refset_entry`) and the immutable published versions
    /// (`refset_version`, `refset_version_member`).
    static func registerRefsets(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-refsets") { db in
            try db.execute(
                sql: """
                    CREATE TABLE refset (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        description TEXT NOT NULL,
                        owner TEXT NOT NULL,
                        module_id INTEGER NOT NULL,
                        language TEXT NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('extensional', 'intensional')),
                        ecl TEXT,
                        release TEXT NOT NULL,
                        fsn_description_id INTEGER NOT NULL,
                        synonym_description_id INTEGER NOT NULL,
                        relationship_id INTEGER NOT NULL,
                        version INTEGER NOT NULL,
                        published_revision INTEGER,
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL,
                        updated_at TEXT NOT NULL,
                        updated_by TEXT NOT NULL
                    );
                    CREATE TABLE refset_entry (
                        refset_id INTEGER NOT NULL REFERENCES refset(id) ON DELETE CASCADE,
                        concept_id INTEGER NOT NULL,
                        role TEXT NOT NULL CHECK (role IN ('member', 'include', 'exclude')),
                        added_at TEXT NOT NULL,
                        added_by TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        PRIMARY KEY (refset_id, role, concept_id)
                    ) WITHOUT ROWID;
                    CREATE INDEX refset_entry_concept ON refset_entry(concept_id);
                    CREATE TABLE refset_version (
                        refset_id INTEGER NOT NULL REFERENCES refset(id) ON DELETE CASCADE,
                        number INTEGER NOT NULL,
                        effective_time INTEGER NOT NULL,
                        release TEXT NOT NULL,
                        ecl TEXT,
                        member_count INTEGER NOT NULL,
                        published_at TEXT NOT NULL,
                        published_by TEXT NOT NULL,
                        note TEXT NOT NULL,
                        PRIMARY KEY (refset_id, number)
                    );
                    CREATE TABLE refset_version_member (
                        refset_id INTEGER NOT NULL,
                        number INTEGER NOT NULL,
                        concept_id INTEGER NOT NULL,
                        PRIMARY KEY (refset_id, number, concept_id),
                        FOREIGN KEY (refset_id, number) REFERENCES refset_version(refset_id, number) ON DELETE CASCADE
                    ) WITHOUT ROWID;
                    CREATE INDEX refset_version_member_concept ON refset_version_member(concept_id);
                    """)
        }
    }
}
