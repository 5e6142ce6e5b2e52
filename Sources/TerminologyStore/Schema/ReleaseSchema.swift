import GRDB

/// The layout of a release store. One file per release; written once by the importer, then read-only.
///
/// Refset members carry no index on their UUID: sorting millions of random keys would cost more than the
/// rest of the import, duplicates are caught while parsing, and diffs join members by hash in memory.
/// Imports that merge rows (Full, Delta, several packages) build a temporary UUID index for their upserts
/// (``createMergeIndexes(_:)``) and drop it when done, so every store has the same layout.
///
/// Refset members of every pattern share one table: the fixed columns plus up to ``maxRefsetFields`` typed
/// value columns `a1…aN` whose names and types per refset live in `refset_field` (taken from the file header).
enum ReleaseSchema {
    /// Bumped whenever the layout changes; readers refuse stores with another version.
    /// Version 3 added the search tables (`search_term`, `search_fts`, `search_word`, `search_language`,
    /// `search_tag`), built by ``SearchIndexBuilder`` as a derived stage of every import. Version 4: 4-letter
    /// prefix indexes and single-segment FTS5 tables.
    static let version = 4
    static let maxRefsetFields = 10

    static var refsetValueColumns: [String] { (1...maxRefsetFields).map { "a\($0)" } }

    /// Tables created in an empty store before loading. Secondary indexes come after the load.
    static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE concept(
                  id INTEGER PRIMARY KEY, effective_time INTEGER NOT NULL, active INTEGER NOT NULL,
                  module_id INTEGER NOT NULL, definition_status_id INTEGER NOT NULL);
                CREATE TABLE description(
                  id INTEGER PRIMARY KEY, effective_time INTEGER NOT NULL, active INTEGER NOT NULL,
                  module_id INTEGER NOT NULL, concept_id INTEGER NOT NULL, language_code TEXT NOT NULL,
                  type_id INTEGER NOT NULL, term TEXT NOT NULL, case_significance_id INTEGER NOT NULL);
                CREATE TABLE relationship(
                  id INTEGER PRIMARY KEY, effective_time INTEGER NOT NULL, active INTEGER NOT NULL,
                  module_id INTEGER NOT NULL, source_id INTEGER NOT NULL, destination_id INTEGER NOT NULL,
                  relationship_group INTEGER NOT NULL, type_id INTEGER NOT NULL,
                  characteristic_type_id INTEGER NOT NULL, modifier_id INTEGER NOT NULL);
                CREATE TABLE stated_relationship(
                  id INTEGER PRIMARY KEY, effective_time INTEGER NOT NULL, active INTEGER NOT NULL,
                  module_id INTEGER NOT NULL, source_id INTEGER NOT NULL, destination_id INTEGER NOT NULL,
                  relationship_group INTEGER NOT NULL, type_id INTEGER NOT NULL,
                  characteristic_type_id INTEGER NOT NULL, modifier_id INTEGER NOT NULL);
                CREATE TABLE concrete_value(
                  id INTEGER PRIMARY KEY, effective_time INTEGER NOT NULL, active INTEGER NOT NULL,
                  module_id INTEGER NOT NULL, source_id INTEGER NOT NULL, value TEXT NOT NULL,
                  relationship_group INTEGER NOT NULL, type_id INTEGER NOT NULL,
                  characteristic_type_id INTEGER NOT NULL, modifier_id INTEGER NOT NULL);
                CREATE TABLE identifier(
                  identifier_scheme_id INTEGER NOT NULL, alternate_identifier TEXT NOT NULL,
                  effective_time INTEGER NOT NULL, active INTEGER NOT NULL, module_id INTEGER NOT NULL,
                  referenced_component_id INTEGER NOT NULL,
                  PRIMARY KEY(identifier_scheme_id, alternate_identifier)) WITHOUT ROWID;
                CREATE TABLE refset_member(
                  uuid BLOB NOT NULL, effective_time INTEGER NOT NULL, active INTEGER NOT NULL,
                  module_id INTEGER NOT NULL, refset_id INTEGER NOT NULL, referenced_component_id INTEGER NOT NULL,
                  \(refsetValueColumns.joined(separator: ", ")));
                CREATE TABLE refset_field(
                  refset_id INTEGER NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
                  PRIMARY KEY(refset_id, position)) WITHOUT ROWID;
                CREATE TABLE release_info(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
                CREATE TABLE package(
                  position INTEGER PRIMARY KEY, name TEXT NOT NULL, path TEXT NOT NULL, effective_time INTEGER NOT NULL,
                  country_namespace TEXT NOT NULL, release_type TEXT NOT NULL, file_count INTEGER NOT NULL, info_json TEXT);
                CREATE TABLE source_file(
                  path TEXT NOT NULL, package_position INTEGER NOT NULL, kind TEXT NOT NULL, rows INTEGER NOT NULL);
                CREATE TABLE component_count(position INTEGER PRIMARY KEY, component TEXT NOT NULL UNIQUE, total INTEGER NOT NULL, active INTEGER NOT NULL);
                CREATE TABLE import_stage(position INTEGER PRIMARY KEY, name TEXT NOT NULL, seconds REAL NOT NULL);
                CREATE TABLE import_warning(position INTEGER PRIMARY KEY, message TEXT NOT NULL);
                """)
    }

    /// Secondary indexes, built after the bulk load (sorting once is far cheaper than maintaining them).
    /// Active relationships are also indexed by (type, destination, group, source): children by IS-A and ECL
    /// refinements (`type = value`) are answered from that index alone, without touching the table.
    static func createIndexes(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE INDEX IF NOT EXISTS description_concept ON description(concept_id, type_id);
                CREATE INDEX IF NOT EXISTS relationship_source ON relationship(source_id, type_id);
                CREATE INDEX IF NOT EXISTS relationship_type_destination
                  ON relationship(type_id, destination_id, relationship_group, source_id) WHERE active = 1;
                CREATE INDEX IF NOT EXISTS stated_relationship_source ON stated_relationship(source_id);
                CREATE INDEX IF NOT EXISTS concrete_value_source ON concrete_value(source_id);
                CREATE INDEX IF NOT EXISTS member_component ON refset_member(referenced_component_id, refset_id);
                CREATE INDEX IF NOT EXISTS member_refset ON refset_member(refset_id, referenced_component_id);
                """)
    }

    /// The IS-A closure is kept per concept as two sorted arrays of little-endian 64-bit ids (ancestors and
    /// descendants, the concept itself excluded): one row per concept instead of ten million pairs, and
    /// exactly the sorted-array form that set algebra (ECL, subsumption, impact) works on.
    static func createMergeIndexes(_ db: Database) throws {
        try db.execute(sql: "CREATE UNIQUE INDEX IF NOT EXISTS member_uuid ON refset_member(uuid)")
    }

    static func dropMergeIndexes(_ db: Database) throws {
        try db.execute(sql: "DROP INDEX IF EXISTS member_uuid")
    }

    /// Tables derived from the components; rebuilt whenever components change (e.g. a delta on a base).
    static func createDerivedTables(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TABLE IF EXISTS isa_closure;
                DROP TABLE IF EXISTS concept_term;
                CREATE TABLE isa_closure(
                  concept_id INTEGER PRIMARY KEY, ancestors BLOB NOT NULL, descendants BLOB NOT NULL);
                CREATE TABLE concept_term(
                  concept_id INTEGER NOT NULL, refset_id INTEGER NOT NULL, type_id INTEGER NOT NULL,
                  description_id INTEGER NOT NULL, term TEXT NOT NULL,
                  PRIMARY KEY(concept_id, refset_id, type_id)) WITHOUT ROWID;
                """)
    }

}
