import GRDB
import RF2

/// Refinements over active inferred relationships and concrete values.
///
/// Choices where the specification leaves room (following Snowstorm): attributes outside `{ }` match in
/// any group; inside `{ }` all attributes must hold within one non-zero role group, and each group-0
/// attribute counts as a group of its own; `!=` means "has an attribute of that type whose value is not in
/// the set" (so `[0..0] T != V` means every T value is in V); a cardinality counts matching relationships.
extension Evaluator {
    /// A refinement with its attribute names and values evaluated to sets.
    indirect enum Prepared {
        case attribute(cardinality: Cardinality, reverse: Bool, types: IDSet, value: Value)
        case group(Cardinality, Prepared)
        case conjunction([Prepared])
        case disjunction([Prepared])
    }

    enum Value {
        case concepts(EqualityOperator, IDSet)
        case numeric(NumericOperator, Double)
        case string(EqualityOperator, [SearchTerm])
        case boolean(EqualityOperator, Bool)
    }

    struct Relationship {
        var source: Int64
        var destination: Int64
        var group: Int
        var type: Int64
    }

    struct ConcreteValue {
        var group: Int
        var type: Int64
        var value: String
    }

    func prepare(_ refinement: ECLRefinement) throws -> Prepared {
        switch refinement {
        case .attribute(let attribute):
            let value: Value
            switch attribute.comparison {
            case .expression(let op, let sub): value = .concepts(op, try idSet(sub))
            case .numeric(let op, let number): value = .numeric(op, number.value)
            case .string(let op, let terms): value = .string(op, terms)
            case .boolean(let op, let bool): value = .boolean(op, bool)
            }
            return .attribute(
                cardinality: attribute.cardinality ?? Cardinality(min: 1, max: nil), reverse: attribute.reverse, types: try idSet(attribute.name),
                value: value)
        case .group(let cardinality, let inner):
            return .group(cardinality ?? Cardinality(min: 1, max: nil), try prepare(inner))
        case .conjunction(let parts):
            return .conjunction(try parts.map(prepare))
        case .disjunction(let parts):
            return .disjunction(try parts.map(prepare))
        }
    }

    func refine(_ focus: [Int64], _ refinement: ECLRefinement) throws -> [Int64] {
        if focus.isEmpty { return [] }
        let prepared = try prepare(refinement)
        var candidates = focus
        if let necessary = try necessarySources(prepared) {
            candidates = SortedIDs.intersection(candidates, necessary)
        }
        if candidates.isEmpty { return [] }
        let forward = try loadRelationships(sources: candidates, types: typesUsed(prepared, reverse: false))
        let reverse = hasReverse(prepared) ? try loadReverse(destinations: candidates, types: typesUsed(prepared, reverse: true)) : [:]
        let concrete = hasConcrete(prepared) ? try loadConcrete(sources: candidates) : [:]
        return candidates.filter { id in
            matches(prepared, relationships: forward[id] ?? [], reverse: reverse[id] ?? [], concrete: concrete[id] ?? [])
        }
    }

    /// A superset of the matching sources from the destination index, when the refinement requires a
    /// positive `=` match; nil when it cannot narrow (cardinality 0, `!=`, reverse, concrete values).
    private func necessarySources(_ prepared: Prepared) throws -> [Int64]? {
        switch prepared {
        case .attribute(let cardinality, let reverse, let types, let value):
            guard cardinality.min >= 1, !reverse, case .concepts(.equal, .ids(let values)) = value else { return nil }
            if values.isEmpty { return [] }
            if values.count > 20_000 { return nil }
            var sources: [Int64] = []
            let typeClause: String
            switch types {
            case .all: typeClause = ""
            case .ids(let ids):
                if ids.isEmpty { return [] }
                typeClause = " AND type_id IN (\(ids.map(String.init).joined(separator: ",")))"
            }
            try forEachChunk(of: values) { list in
                sources += try Int64.fetchAll(db, sql: "SELECT source_id FROM relationship WHERE destination_id IN (\(list)) AND active = 1\(typeClause)")
            }
            return SortedIDs.normalized(sources)
        case .group(let cardinality, let inner):
            return cardinality.min >= 1 ? try necessarySources(inner) : nil
        case .conjunction(let parts):
            var result: [Int64]?
            for part in parts {
                if let narrowed = try necessarySources(part) { result = result.map { SortedIDs.intersection($0, narrowed) } ?? narrowed }
            }
            return result
        case .disjunction(let parts):
            var result: [Int64] = []
            for part in parts {
                guard let narrowed = try necessarySources(part) else { return nil }
                result = SortedIDs.union(result, narrowed)
            }
            return result
        }
    }

    /// Attribute types used (nil: any type).
    private func typesUsed(_ prepared: Prepared, reverse wanted: Bool) -> [Int64]? {
        var types: [Int64] = []
        var any = false
        func walk(_ node: Prepared) {
            switch node {
            case .attribute(_, let reverse, let set, let value):
                guard reverse == wanted, case .concepts = value else { return }
                switch set {
                case .all: any = true
                case .ids(let ids): types += ids
                }
            case .group(_, let inner): walk(inner)
            case .conjunction(let parts), .disjunction(let parts): parts.forEach(walk)
            }
        }
        walk(prepared)
        return any ? nil : SortedIDs.normalized(types)
    }

    private func hasReverse(_ prepared: Prepared) -> Bool {
        switch prepared {
        case .attribute(_, let reverse, _, _): reverse
        case .group(_, let inner): hasReverse(inner)
        case .conjunction(let parts), .disjunction(let parts): parts.contains(where: hasReverse)
        }
    }

    private func hasConcrete(_ prepared: Prepared) -> Bool {
        switch prepared {
        case .attribute(_, _, _, let value): if case .concepts = value { false } else { true }
        case .group(_, let inner): hasConcrete(inner)
        case .conjunction(let parts), .disjunction(let parts): parts.contains(where: hasConcrete)
        }
    }

    private func typeClause(_ types: [Int64]?) -> String? {
        guard let types else { return "" }
        if types.isEmpty { return nil }
        return " AND type_id IN (\(types.map(String.init).joined(separator: ",")))"
    }

    private func loadRelationships(sources: [Int64], types: [Int64]?) throws -> [Int64: [Relationship]] {
        guard let clause = typeClause(types) else { return [:] }
        var result: [Int64: [Relationship]] = [:]
        func add(_ rows: [Row]) {
            for row in rows {
                let relationship = Relationship(source: row[0], destination: row[1], group: row[2], type: row[3])
                result[relationship.source, default: []].append(relationship)
            }
        }
        if sources.count > 50_000, types != nil {
            // Many sources: walk the (type, destination, group, source) index once with a cursor instead of
            // materialising every row.
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT source_id, destination_id, relationship_group, type_id FROM relationship WHERE active = 1\(clause)")
            while let row = try cursor.next() {
                let source: Int64 = row[0]
                guard SortedIDs.contains(sources, source) else { continue }
                result[source, default: []].append(Relationship(source: source, destination: row[1], group: row[2], type: row[3]))
            }
        } else {
            try forEachChunk(of: sources) { list in
                add(try Row.fetchAll(
                    db, sql: "SELECT source_id, destination_id, relationship_group, type_id FROM relationship WHERE source_id IN (\(list)) AND active = 1\(clause)"))
            }
        }
        return result
    }

    private func loadReverse(destinations: [Int64], types: [Int64]?) throws -> [Int64: [Relationship]] {
        guard let clause = typeClause(types) else { return [:] }
        var result: [Int64: [Relationship]] = [:]
        try forEachChunk(of: destinations) { list in
            for row in try Row.fetchAll(
                db, sql: "SELECT source_id, destination_id, relationship_group, type_id FROM relationship WHERE destination_id IN (\(list)) AND active = 1\(clause)")
            {
                let relationship = Relationship(source: row[0], destination: row[1], group: row[2], type: row[3])
                result[relationship.destination, default: []].append(relationship)
            }
        }
        return result
    }

    private func loadConcrete(sources: [Int64]) throws -> [Int64: [ConcreteValue]] {
        var result: [Int64: [ConcreteValue]] = [:]
        try forEachChunk(of: sources) { list in
            for row in try Row.fetchAll(db, sql: "SELECT source_id, relationship_group, type_id, value FROM concrete_value WHERE source_id IN (\(list)) AND active = 1") {
                result[row[0], default: []].append(ConcreteValue(group: row[1], type: row[2], value: row[3]))
            }
        }
        return result
    }

    /// Whether one concept satisfies the refinement given its relationships (all, or one group's).
    private func matches(_ prepared: Prepared, relationships: [Relationship], reverse: [Relationship], concrete: [ConcreteValue]) -> Bool {
        switch prepared {
        case .attribute(let cardinality, let isReverse, let types, let value):
            return cardinality.contains(count(isReverse, types, value, relationships, reverse, concrete))
        case .conjunction(let parts):
            return parts.allSatisfy { matches($0, relationships: relationships, reverse: reverse, concrete: concrete) }
        case .disjunction(let parts):
            return parts.contains { matches($0, relationships: relationships, reverse: reverse, concrete: concrete) }
        case .group(let cardinality, let inner):
            var groups: [[Relationship]] = []
            var concreteGroups: [[ConcreteValue]] = []
            var numbers = Set(relationships.map(\.group)).union(concrete.map(\.group))
            numbers.remove(0)
            for number in numbers.sorted() {
                groups.append(relationships.filter { $0.group == number })
                concreteGroups.append(concrete.filter { $0.group == number })
            }
            for relationship in relationships where relationship.group == 0 {
                groups.append([relationship])
                concreteGroups.append([])
            }
            for value in concrete where value.group == 0 {
                groups.append([])
                concreteGroups.append([value])
            }
            var satisfied = 0
            for index in groups.indices where matches(inner, relationships: groups[index], reverse: reverse, concrete: concreteGroups[index]) {
                satisfied += 1
            }
            return cardinality.contains(satisfied)
        }
    }

    private func count(
        _ isReverse: Bool, _ types: IDSet, _ value: Value, _ relationships: [Relationship], _ reverse: [Relationship], _ concrete: [ConcreteValue]
    ) -> Int {
        switch value {
        case .concepts(let op, let values):
            if isReverse {
                return reverse.count { types.contains($0.type) && values.contains($0.source) == (op == .equal) }
            }
            return relationships.count { types.contains($0.type) && values.contains($0.destination) == (op == .equal) }
        case .numeric(let op, let number):
            return concrete.count { item in
                guard types.contains(item.type), item.value.hasPrefix("#"), let actual = Double(item.value.dropFirst()) else { return false }
                return op.holds(actual, number)
            }
        case .string(let op, let terms):
            return concrete.count { item in
                guard types.contains(item.type), item.value.hasPrefix("\"") else { return false }
                let text = String(item.value.dropFirst().dropLast())
                return terms.contains { TermMatcher.matches($0, text) } == (op == .equal)
            }
        case .boolean(let op, let expected):
            return concrete.count { item in
                guard types.contains(item.type) else { return false }
                let text = item.value.lowercased()
                guard text == "true" || text == "false" else { return false }
                return (text == "true") == expected ? op == .equal : op == .notEqual
            }
        }
    }
}
