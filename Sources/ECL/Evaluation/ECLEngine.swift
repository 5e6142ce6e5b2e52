import GRDB
import TerminologyStore

/// Evaluates ECL against one release store: the single engine behind the CLI, search filters, refsets and
/// `$expand`.
///
/// Semantics follow the ECL 2.2 specification; where it leaves a choice the engine does what SNOMED
/// International's reference server (Snowstorm) does, noted on the evaluator's methods. Results are sorted
/// concept ids; set operations merge sorted arrays and hierarchy comes from the precomputed closure.
public struct ECLEngine: Sendable {
    public let store: ReleaseStore
    let tuning: Evaluator.Tuning

    /// How long one evaluation started in this task may run before it stops with an error; nil (the CLI)
    /// means no limit. A server binds it once per request, so every evaluation the request causes (ECL
    /// routes, search filters, refset expansion, impact) is bounded without each caller passing it on.
    @TaskLocal public static var timeLimit: Duration?

    public init(store: ReleaseStore) {
        self.init(store: store, tuning: .standard)
    }

    /// An engine with its access strategies forced (tests compare the strategies).
    init(store: ReleaseStore, tuning: Evaluator.Tuning) {
        self.store = store
        self.tuning = tuning
    }

    /// Parses and evaluates `text`, returning one page of the result and the total.
    public func evaluate(_ text: String, limit: Int = Int.max, offset: Int = 0) throws -> ECLResult {
        try evaluate(try ECLParser.parse(text), limit: limit, offset: offset)
    }

    /// Evaluates a parsed expression, returning one page of the result and the total.
    public func evaluate(_ expression: ECLExpression, limit: Int = Int.max, offset: Int = 0) throws -> ECLResult {
        try store.read { db in
            try Self.memoryMapped(db) {
                let evaluator = Evaluator(db: db, release: store.info.name, tuning: tuning)
                if case .constraint(let sub) = expression, let selection = sub.memberOf?.fields {
                    let (fields, rows) = try evaluator.memberRows(sub, selection: selection)
                    return ECLResult(ids: [], total: rows.count, fields: fields, rows: Array(Self.page(rows, limit: limit, offset: offset)))
                }
                let ids = try evaluator.evaluate(expression)
                return ECLResult(ids: Array(Self.page(ids, limit: limit, offset: offset)), total: ids.count)
            }
        }
    }

    /// Every matching id, ascending: the form search filters and refset expansion consume.
    public func conceptIds(_ expression: ECLExpression) throws -> [Int64] {
        try store.read { db in try Self.memoryMapped(db) { try Evaluator(db: db, release: store.info.name, tuning: tuning).evaluate(expression) } }
    }

    /// Every matching id for an expression given as text.
    public func conceptIds(_ text: String) throws -> [Int64] {
        try conceptIds(try ECLParser.parse(text))
    }

    static func page<T>(_ items: [T], limit: Int, offset: Int) -> ArraySlice<T> {
        let start = min(max(offset, 0), items.count)
        let end = limit >= items.count - start ? items.count : start + max(limit, 0)
        return items[start..<end]
    }
}
