import GRDB
import RF2
import TerminologyStore

/// One evaluation on one read connection: walks the tree, caching what several nodes share.
final class Evaluator {
    /// How rows are reached. Each choice is only about speed, never about the result: tests evaluate the
    /// same expressions with every strategy forced and expect the same ids.
    struct Tuning: Sendable {
        /// From this many ids on, rows are read by scanning an index or table range and merged with the
        /// sorted ids instead of being looked up id by id.
        var scanFrom: Int
        /// Whether description `term` filters start from the search index (then verify every candidate).
        var useSearchIndex: Bool

        static let standard = Tuning(scanFrom: 10_000, useSearchIndex: true)
        static let alwaysScan = Tuning(scanFrom: 0, useSearchIndex: true)
        static let neverScan = Tuning(scanFrom: .max, useSearchIndex: false)
    }

    let db: Database
    /// The release's search index, for `term` filters (see `Evaluator+TermIndex`).
    let searchIndex: SearchIndex
    let tuning: Tuning
    /// When the evaluation must stop (a server's per-request time limit); nil means no limit.
    let deadline: ContinuousClock.Instant?
    let timeLimit: Duration?
    private var rowsUntilCheck = 1
    private var activeConceptsCache: [Int64]?

    /// Rows stepped between two looks at the clock: a look costs about as much as a row.
    static let rowsPerCheck = 1024

    /// Ids per `IN (…)` list: well under SQLite's variable limit.
    static let chunkSize = 500

    init(db: Database, release: String, tuning: Tuning = .standard, timeLimit: Duration? = ECLEngine.timeLimit) {
        self.db = db
        searchIndex = SearchIndex(db, release: release)
        self.tuning = tuning
        self.timeLimit = timeLimit
        deadline = timeLimit.map { ContinuousClock.now + $0 }
    }

    /// Counts one row (or one node) of work and stops the evaluation once its time is up, so an expensive
    /// expression cannot hold a server thread long after its client has given up.
    func tick() throws(ECLEvaluationError) {
        rowsUntilCheck -= 1
        guard rowsUntilCheck <= 0 else { return }
        rowsUntilCheck = Self.rowsPerCheck
        if let deadline, let timeLimit, ContinuousClock.now >= deadline {
            throw ECLEvaluationError(
                "evaluation stopped at its time limit of \(timeLimit.components.seconds) s; narrow the expression (a hierarchy, refset or filter that selects fewer concepts)"
            )
        }
    }

    /// Steps `sql` without GRDB row decoding (see ``RawRow``). The statement is prepared per call, so
    /// `body` may run other queries.
    func forEachRow(_ sql: String, _ arguments: StatementArguments = [], _ body: (RawRow) throws -> Void) throws {
        try RawRow.forEach(try db.makeStatement(sql: sql), arguments: arguments) { row in
            try tick()
            try body(row)
        }
    }

    /// The first column of every row, as read (unsorted).
    func fetchIDs(_ sql: String, _ arguments: StatementArguments = []) throws -> [Int64] {
        var ids: [Int64] = []
        try forEachRow(sql, arguments) { ids.append($0.int64(0)) }
        return ids
    }

    /// Runs `sql` (one `?` for the id) once per id on one prepared statement: lookups for a few ids
    /// without building `IN (…)` lists.
    func forEachRow(_ sql: String, perID ids: [Int64], _ body: (Int64, RawRow) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        for id in ids {
            try RawRow.forEach(statement, id: id) { row in
                try tick()
                try body(id, row)
            }
        }
    }

    /// What `*` means (unless a concept filter asks for inactive concepts): the concepts of the IS-A
    /// hierarchy, the root and its descendants (as Snowstorm and tx.fhir.org count them). In a release every
    /// active concept but the root has a parent, so this is every active concept; a package cut from one that
    /// leaves concepts without parents (metadata, in subsets) does not make them match `*`. Without a root
    /// concept (hand-made fragments) every active concept.
    func activeConcepts() throws -> [Int64] {
        if let cached = activeConceptsCache { return cached }
        let root = try Int64.fetchOne(db, sql: "SELECT id FROM concept WHERE id = ? AND active = 1", arguments: [WellKnown.root])
        let ids =
            root != nil
            ? SortedIDs.union([WellKnown.root], try closure(of: [WellKnown.root], column: "descendants"))
            : try fetchIDs("SELECT id FROM concept WHERE active = 1 ORDER BY id")
        activeConceptsCache = ids
        return ids
    }

    func evaluate(_ expression: ECLExpression) throws -> [Int64] {
        try tick()
        switch expression {
        case .constraint(let sub):
            return try evaluate(sub)
        case .refined(let sub, let refinement):
            return try refine(try evaluate(sub), refinement)
        case .dotted(let sub, let attributes):
            var current = try evaluate(sub)
            for attribute in attributes {
                current = try attributeValues(of: current, types: try idSet(attribute))
            }
            return current
        case .conjunction(let operands):
            // Most selective first: evaluate all, then intersect from the smallest up.
            var sets = try operands.map { try evaluate($0) }
            sets.sort { $0.count < $1.count }
            return sets.dropFirst().reduce(sets[0]) { SortedIDs.intersection($0, $1) }
        case .disjunction(let operands):
            return try operands.reduce([Int64]()) { SortedIDs.union($0, try evaluate($1)) }
        case .exclusion(let left, let right):
            let included = try evaluate(left)
            if included.isEmpty { return [] }
            return SortedIDs.difference(included, try evaluate(right))
        }
    }

    /// A sub-expression as a set that may stay symbolic when it is a bare `*`.
    func idSet(_ sub: SubExpression) throws -> IDSet {
        if sub.focus == .wildcard, sub.hierarchyOperator == nil || sub.hierarchyOperator == .descendantOrSelfOf || sub.hierarchyOperator == .ancestorOrSelfOf,
            sub.memberOf == nil, sub.filters.isEmpty, sub.history == nil
        {
            return .all
        }
        return .ids(try evaluate(sub))
    }

    func evaluate(_ sub: SubExpression) throws -> [Int64] {
        var ids: [Int64]
        if let memberOf = sub.memberOf {
            ids = try referencedComponents(refsets: try focus(sub.focus), memberOf: memberOf)
        } else if sub.focus == .wildcard, sub.hierarchyOperator == nil, sub.admitsInactiveConcepts {
            // `* {{ C active = 0 }}`: the filter asks for inactive concepts, so they are the substrate.
            ids = try fetchIDs("SELECT id FROM concept ORDER BY id")
        } else {
            ids = try focus(sub.focus)
        }
        if let op = sub.hierarchyOperator {
            ids = try apply(op, to: ids, wildcard: sub.focus == .wildcard && sub.memberOf == nil)
        }
        for filter in sub.filters {
            if ids.isEmpty { break }
            switch filter {
            case .concept(let filters): ids = try applyConceptFilters(filters, to: ids)
            case .description(let filters): ids = try applyDescriptionFilters(filters, to: ids)
            }
        }
        if let history = sub.history {
            ids = try supplement(ids, with: history)
        }
        return ids
    }

    /// A concept reference yields the concept whatever its status (so that member-of, filters and history
    /// can reach inactive concepts); an id not in the release yields nothing.
    func focus(_ focus: SubExpression.Focus) throws -> [Int64] {
        switch focus {
        case .concept(let reference):
            return try Int64.fetchOne(db, sql: "SELECT id FROM concept WHERE id = ?", arguments: [reference.id]).map { [$0] } ?? []
        case .wildcard:
            return try activeConcepts()
        case .nested(let expression):
            return try evaluate(expression)
        case .alternateIdentifier(let identifier):
            return try resolve(identifier)
        }
    }

    /// Runs `sql` with `?` replaced by chunks of `ids`, collecting rows.
    func forEachChunk(of ids: [Int64], _ body: (String) throws -> Void) rethrows {
        var start = 0
        while start < ids.count {
            let end = min(start + Self.chunkSize, ids.count)
            try body(ids[start..<end].map(String.init).joined(separator: ","))
            start = end
        }
    }

    /// The values of attributes of `types` on `sources` (dotted attributes), over active inferred relationships.
    func attributeValues(of sources: [Int64], types: IDSet) throws -> [Int64] {
        let typeList: [Int64]?
        switch types {
        case .all: typeList = nil
        case .ids(let ids): typeList = ids
        }
        return SortedIDs.normalized(try relationships(from: sources, types: typeList).map(\.destination))
    }

    /// Concepts named by an alternate identifier. The scheme is a concept id or an alias matched against the
    /// terms of the schemes the release's identifier file uses (case-insensitive), so no alias table is needed.
    func resolve(_ identifier: AlternateIdentifier) throws -> [Int64] {
        guard try db.tableExists("identifier") else { return [] }
        var schemes: [Int64]
        if let id = Int64(identifier.scheme) {
            schemes = [id]
        } else {
            schemes = try Int64.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT s.identifier_scheme_id FROM (SELECT DISTINCT identifier_scheme_id FROM identifier) s
                    JOIN description d ON d.concept_id = s.identifier_scheme_id AND d.active = 1
                    WHERE lower(d.term) = lower(?) OR lower(d.term) LIKE lower(?) || ' %'
                    """, arguments: [identifier.scheme, identifier.scheme])
        }
        if schemes.isEmpty { return [] }
        let ids = try Int64.fetchAll(
            db,
            sql:
                "SELECT referenced_component_id FROM identifier WHERE identifier_scheme_id IN (\(schemes.map(String.init).joined(separator: ","))) AND alternate_identifier = ? AND active = 1",
            arguments: [identifier.code])
        return SortedIDs.normalized(ids)
    }
}
