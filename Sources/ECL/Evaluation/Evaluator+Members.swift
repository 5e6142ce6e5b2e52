import Foundation
import GRDB
import RF2
import TerminologyStore

/// Member-of: refset members, member filters and field selection.
extension Evaluator {
    /// One member row with its additional field values by name.
    struct Member {
        var refsetId: Int64
        var referencedComponentId: Int64
        var active: Bool
        var moduleId: Int64
        var effectiveTime: Int
        var uuid: Data
        var values: [String: DatabaseValue]

        /// A field by its RF2 column name, fixed columns included.
        func value(_ field: String) -> DatabaseValue? {
            switch field.lowercased() {
            case "referencedcomponentid": referencedComponentId.databaseValue
            case "refsetid": refsetId.databaseValue
            case "moduleid": moduleId.databaseValue
            case "effectivetime": effectiveTime.databaseValue
            case "active": (active ? 1 : 0).databaseValue
            case "id": Self.uuidString(uuid).databaseValue
            default: values.first { $0.key.lowercased() == field.lowercased() }?.value
            }
        }

        static func uuidString(_ data: Data) -> String {
            let hex = data.map { String(format: "%02x", $0) }.joined()
            guard hex.count == 32 else { return hex }
            let characters = Array(hex)
            return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
        }
    }

    /// Referenced concepts of the members of `refsets`. Without an `active` member filter only active
    /// members count, whatever the status of the member concepts themselves (specification and Snowstorm).
    /// An ECL result holds concepts only, so members that reference descriptions (language refsets, which
    /// `^ *` reaches) or relationships are left out by their id's partition.
    func referencedComponents(refsets: [Int64], memberOf: MemberOf) throws -> [Int64] {
        if refsets.isEmpty { return [] }
        var ids: [Int64] = []
        if memberOf.memberFilters.isEmpty {
            for refset in refsets {
                let source = try memberSource(refset)
                ids += try fetchIDs("SELECT referenced_component_id FROM refset_member WHERE \(source.clause) AND active = 1", source.arguments)
            }
        } else {
            ids = try members(refsets: refsets, memberOf: memberOf, fields: []).map(\.referencedComponentId)
        }
        return SortedIDs.normalized(ids.filter { SCTID.partition(of: $0)?.componentKind == .concept })
    }

    /// Members passing the member filters, in refset then referenced-component order, with the values of
    /// `fields` and of the filtered fields (`fields` nil: every field).
    ///
    /// Only the columns that are needed are read, one refset at a time (``memberSource(_:)``); rows that a
    /// positive string filter cannot match are skipped on their bytes (``TermPrefilter``) before any value is
    /// decoded, and the filters then check the rest exactly.
    func members(refsets: [Int64], memberOf: MemberOf, fields: [String]? = nil) throws -> [Member] {
        let filters = memberOf.memberFilters.flatMap { $0 }
        let filtersOnActive = filters.contains { if case .active = $0 { true } else { false } }
        var needed = Set((fields ?? []).map { $0.lowercased() })
        for filter in filters {
            switch filter {
            case .fieldExpression(let field, _, _), .fieldNumeric(let field, _, _), .fieldString(let field, _, _), .fieldBoolean(let field, _, _),
                .fieldTime(let field, _, _):
                needed.insert(field.lowercased())
            case .module, .effectiveTime, .active: break
            }
        }
        var result: [Member] = []
        for refset in refsets {
            var columns: [(name: String, position: Int)] = []
            try forEachRow("SELECT position, name FROM refset_field WHERE refset_id = ? ORDER BY position", [refset]) { row in
                let position = Int(row.int64(0))
                let name = row.text(1)
                if position >= 1, position <= 10, fields == nil || needed.contains(name.lowercased()) { columns.append((name, position)) }
            }
            let source = try memberSource(refset)
            let conditions = filtersOnActive ? "" : " AND active = 1"
            var prefilters: [(column: Int32, prefilter: TermPrefilter)] = []
            for filter in filters {
                guard case .fieldString(let field, .equal, let terms) = filter,
                    let offset = columns.firstIndex(where: { $0.name.lowercased() == field.lowercased() }),
                    let prefilter = TermPrefilter(terms)
                else { continue }
                prefilters.append((Int32(6 + offset), prefilter))
            }
            let uuid = fields == nil || needed.contains("id") ? "uuid" : "NULL"
            let values = columns.map { ", a\($0.position)" }.joined()
            var found: [(member: Member, rowid: Int64)] = []
            try forEachRow(
                "SELECT referenced_component_id, active, module_id, effective_time, \(uuid), rowid\(values) FROM refset_member WHERE \(source.clause)\(conditions)",
                source.arguments
            ) { row in
                for (column, prefilter) in prefilters where row.withText(column, prefilter.mayMatch) == false { return }
                var values: [String: DatabaseValue] = [:]
                for (offset, column) in columns.enumerated() { values[column.name] = row.databaseValue(Int32(6 + offset)) }
                let member = Member(
                    refsetId: refset, referencedComponentId: row.int64(0), active: row.int64(1) != 0, moduleId: row.int64(2),
                    effectiveTime: Int(row.int64(3)), uuid: Data.fromDatabaseValue(row.databaseValue(4)) ?? Data(), values: values)
                found.append((member, row.int64(5)))
            }
            // Referenced-component order, members of one component in stored order (as `member_refset` has them).
            found.sort { ($0.member.referencedComponentId, $0.rowid) < ($1.member.referencedComponentId, $1.rowid) }
            result += found.map(\.member)
        }
        if filters.isEmpty { return result }
        var prepared: [Int: IDSet] = [:]
        for (index, filter) in filters.enumerated() {
            switch filter {
            case .fieldExpression(_, _, let sub): prepared[index] = try idSet(sub)
            case .module(_, let set): prepared[index] = .ids(try conceptSet(set))
            default: break
            }
        }
        return result.filter { member in
            filters.enumerated().allSatisfy { index, filter in matches(member, filter, prepared[index]) }
        }
    }

    /// Where one refset's member rows are, as an SQL condition with its arguments: the refset's rowid range
    /// when its rows lie (nearly) together, as the importer writes them file by file. A pass over that range
    /// reads each table page once, whereas `member_refset` costs a table lookup per member (for `active` and
    /// the field values): 100+ ms for a 200k-member map.
    private func memberSource(_ refset: Int64) throws -> (clause: String, arguments: StatementArguments) {
        var span: (low: Int64, high: Int64, count: Int64)?
        try forEachRow("SELECT min(rowid), max(rowid), count(*) FROM refset_member WHERE refset_id = ?", [refset]) { row in
            if !row.isNull(0) { span = (row.int64(0), row.int64(1), row.int64(2)) }
        }
        guard let span, span.count >= tuning.scanFrom, span.high - span.low < 3 * span.count else { return ("refset_id = ?", [refset]) }
        // `+refset_id`: keeps the planner on the rowid range instead of the index.
        return ("rowid BETWEEN ? AND ? AND +refset_id = ?", [span.low, span.high, refset])
    }

    private func matches(_ member: Member, _ filter: MemberFilter, _ set: IDSet?) -> Bool {
        func equality(_ op: EqualityOperator, _ holds: Bool) -> Bool { op == .equal ? holds : !holds }
        switch filter {
        case .fieldExpression(let field, let op, _):
            guard let value = member.value(field), let id = Int64.fromDatabaseValue(value) ?? String.fromDatabaseValue(value).flatMap(Int64.init) else {
                return false
            }
            return equality(op, set?.contains(id) ?? false)
        case .fieldNumeric(let field, let op, let number):
            guard let value = member.value(field), let double = Double.fromDatabaseValue(value) ?? String.fromDatabaseValue(value).flatMap(Double.init) else {
                return false
            }
            return op.holds(double, number.value)
        case .fieldString(let field, let op, let terms):
            guard let value = member.value(field) else { return false }
            let text = String.fromDatabaseValue(value) ?? Int64.fromDatabaseValue(value).map(String.init) ?? ""
            return equality(op, terms.contains { TermMatcher.matches($0, text) })
        case .fieldBoolean(let field, let op, let expected):
            guard let value = member.value(field) else { return false }
            let text = (String.fromDatabaseValue(value) ?? Int64.fromDatabaseValue(value).map(String.init) ?? "").lowercased()
            let actual = text == "true" || text == "1"
            return equality(op, actual == expected)
        case .fieldTime(let field, let op, let times):
            guard let value = member.value(field), let time = Int.fromDatabaseValue(value) ?? String.fromDatabaseValue(value).flatMap(Int.init) else {
                return false
            }
            return Self.compare(time, op, times)
        case .module(let op, _):
            return equality(op, set?.contains(member.moduleId) ?? false)
        case .effectiveTime(let op, let times):
            return Self.compare(member.effectiveTime, op, times)
        case .active(let op, let expected):
            return equality(op, member.active == expected)
        }
    }

    /// `value op t` for a time set: `=` any, `!=` none, ordering against every value.
    static func compare(_ value: Int, _ op: NumericOperator, _ times: [Int]) -> Bool {
        switch op {
        case .equal: times.contains(value)
        case .notEqual: !times.contains(value)
        default: times.allSatisfy { op.holds(value, $0) }
        }
    }

    /// `^ [fields] refset`: the selected field values of each member (rows in refset, component order).
    func memberRows(_ sub: SubExpression, selection: MemberOf.Fields) throws -> ([String], [[String]]) {
        guard let memberOf = sub.memberOf else { return ([], []) }
        let refsets = try focus(sub.focus)
        let names: [String]? = if case .names(let names) = selection { names } else { nil }
        let members = try self.members(refsets: refsets, memberOf: memberOf, fields: names)
        let fields: [String]
        switch selection {
        case .names(let names): fields = names
        case .all:
            var names = ["id", "effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId"]
            let extra = try Row.fetchAll(
                db,
                sql:
                    "SELECT name FROM refset_field WHERE refset_id IN (\(refsets.map(String.init).joined(separator: ",").isEmpty ? "0" : refsets.map(String.init).joined(separator: ","))) ORDER BY refset_id, position"
            )
            for row in extra where !names.contains(row[0]) { names.append(row[0]) }
            fields = names
        }
        let rows = members.map { member in
            fields.map { field -> String in
                guard let value = member.value(field) else { return "" }
                return String.fromDatabaseValue(value) ?? Int64.fromDatabaseValue(value).map(String.init) ?? value.description
            }
        }
        return (fields, rows)
    }

    /// Ids of a filter's concept set (an id list or a sub-expression).
    func conceptSet(_ set: ConceptSet) throws -> [Int64] {
        switch set {
        case .ids(let references): SortedIDs.normalized(references.map(\.id))
        case .expression(let sub): try evaluate(sub)
        }
    }
}
