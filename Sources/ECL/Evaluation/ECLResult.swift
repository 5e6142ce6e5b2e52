/// The outcome of evaluating an expression: a page of sorted ids and the total, or member field rows when
/// the expression selects refset fields (`^ [referencedComponentId, mapTarget] …`).
public struct ECLResult: Sendable, Hashable {
    /// The page of matching ids, ascending.
    public var ids: [Int64]
    /// How many ids (or member rows) match in all.
    public var total: Int
    /// The selected field names when the expression is `^ [fields] refset`.
    public var fields: [String]?
    /// The page of selected member field values, one array per member, in `fields` order.
    public var rows: [[String]]?

    public init(ids: [Int64], total: Int, fields: [String]? = nil, rows: [[String]]? = nil) {
        self.ids = ids
        self.total = total
        self.fields = fields
        self.rows = rows
    }
}
