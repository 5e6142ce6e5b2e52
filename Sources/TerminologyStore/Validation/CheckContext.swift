import GRDB
import RF2

/// What the cross-file rules share: the connection to the staged rows, where each staged file came from,
/// and the problem collector.
struct CheckContext {
    let db: Database
    let inputs: [StructuralPass.Input]
    var problems: ProblemCollector

    /// Reports a problem at a staged row (`file` is the staged file index); value and message are only
    /// built while the rule's listing cap has room.
    mutating func report(
        _ severity: ValidationProblem.Severity, _ rule: ValidationRule, file: Int?, line: Int?, column: String?,
        value: @autoclosure () -> String?, _ message: @autoclosure () -> String
    ) {
        let inputs = self.inputs
        problems.report(rule, severity) {
            let input = file.flatMap { inputs.indices.contains($0) ? inputs[$0] : nil }
            return ValidationProblem(
                severity, rule, package: input?.packageName, file: input?.file.displayPath, line: line, column: column, value: value(),
                message: message())
        }
    }

    /// Runs a query and hands every row to `body`, streaming (results may be large for a broken release).
    func forEach(_ sql: String, arguments: StatementArguments = [], _ body: (Row) throws -> Void) throws {
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try cursor.next() {
            try body(row)
        }
    }

    func exists(_ sql: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS(\(sql))") ?? false
    }

    /// A comma-separated SQL list of ids.
    static func list(_ ids: [Int64]) -> String {
        ids.map(String.init).joined(separator: ",")
    }
}
