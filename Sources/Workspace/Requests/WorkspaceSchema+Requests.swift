import GRDB

extension WorkspaceSchema {
    /// Change requests: the request itself (`change_request`, with the typed payload as JSON), its status
    /// history (`request_status_change`) and its comments (`request_comment`).
    static func registerRequests(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-requests") { db in
            try db.execute(
                sql: """
                    CREATE TABLE change_request (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        type TEXT NOT NULL,
                        status TEXT NOT NULL,
                        summary TEXT NOT NULL,
                        topic TEXT NOT NULL,
                        use_case TEXT NOT NULL,
                        "references" TEXT NOT NULL,
                        organisation TEXT NOT NULL,
                        local_code TEXT NOT NULL,
                        local_term TEXT NOT NULL,
                        namespace TEXT NOT NULL,
                        notes TEXT NOT NULL,
                        payload TEXT NOT NULL,
                        requester TEXT NOT NULL,
                        assignee TEXT,
                        external_reference TEXT,
                        release TEXT,
                        version INTEGER NOT NULL,
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL,
                        updated_at TEXT NOT NULL,
                        updated_by TEXT NOT NULL
                    );
                    CREATE INDEX change_request_status ON change_request(status);
                    CREATE INDEX change_request_requester ON change_request(requester);
                    CREATE INDEX change_request_assignee ON change_request(assignee);
                    CREATE TABLE request_status_change (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        request_id INTEGER NOT NULL REFERENCES change_request(id) ON DELETE CASCADE,
                        from_status TEXT,
                        to_status TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        role TEXT NOT NULL,
                        time TEXT NOT NULL,
                        reason TEXT
                    );
                    CREATE INDEX request_status_change_request ON request_status_change(request_id);
                    CREATE TABLE request_comment (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        request_id INTEGER NOT NULL REFERENCES change_request(id) ON DELETE CASCADE,
                        author TEXT NOT NULL,
                        time TEXT NOT NULL,
                        text TEXT NOT NULL
                    );
                    CREATE INDEX request_comment_request ON request_comment(request_id);
                    """)
        }
    }
}
