import GRDB
import RF2

/// Refinements over active inferred relationships and concrete values.
///
/// Choices where the specification leaves room (following Snowstorm): attributes outside `{ }` match in
/// any group; inside `{ }` all attributes must hold within one non-zero role group — group 0 holds the
/// ungrouped attributes and is no group, so `{ T = * }` does not match a concept whose only T is ungrouped
/// and `[0..0] { T = * }` does; `!=` means "has an attribute of that type whose value is not in
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
        /// The values with, for large sets, their hashed positions (tested against every loaded relationship).
        case concepts(EqualityOperator, IDSet, IDPositions?)
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
        var source: Int64
        var group: Int
        var type: Int64
        var value: String
    }

    func prepare(_ refinement: ECLRefinement) throws -> Prepared {
        switch refinement {
        case .attribute(let attribute):
            let value: Value
            switch attribute.comparison {
            case .expression(let op, let sub):
                let set = try idSet(sub)
                value = if case .ids(let ids) = set, ids.count > 64 { .concepts(op, set, IDPositions(ids)) } else { .concepts(op, set, nil) }
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

    /// Loads, for the candidates only, the relationships and concrete values the refinement reads (all
    /// candidates at once, sorted by concept then group), then evaluates each candidate on its slices.
    /// Candidates with nothing loaded all get the same answer, computed once.
    func refine(_ focus: [Int64], _ refinement: ECLRefinement) throws -> [Int64] {
        if focus.isEmpty { return [] }
        let prepared = try prepare(refinement)
        var candidates = focus
        if let necessary = try necessarySources(prepared) {
            candidates = SortedIDs.intersection(candidates, necessary)
        }
        if candidates.isEmpty { return [] }
        let forward = try relationships(from: candidates, types: typesUsed(prepared, reverse: false))
        let reverse = hasReverse(prepared) ? try relationships(to: candidates, types: typesUsed(prepared, reverse: true)) : []
        let concrete = hasConcrete(prepared) ? try concreteValues(of: candidates) : []
        let matchesEmpty = matches(prepared, relationships: forward[0..<0], reverse: reverse[0..<0], concrete: concrete[0..<0])
        var result: [Int64] = []
        var f = 0
        var r = 0
        var c = 0
        for id in candidates {
            // Every loaded row belongs to a candidate and both are sorted, so the slices line up.
            let (fStart, rStart, cStart) = (f, r, c)
            while f < forward.count, forward[f].source == id { f += 1 }
            while r < reverse.count, reverse[r].destination == id { r += 1 }
            while c < concrete.count, concrete[c].source == id { c += 1 }
            if f == fStart, r == rStart, c == cStart {
                if matchesEmpty { result.append(id) }
            } else if matches(prepared, relationships: forward[fStart..<f], reverse: reverse[rStart..<r], concrete: concrete[cStart..<c]) {
                result.append(id)
            }
        }
        return result
    }

    /// A superset of the matching sources from the destination index, when the refinement requires a
    /// positive `=` match; nil when it cannot narrow (cardinality 0, `!=`, reverse, concrete values).
    private func necessarySources(_ prepared: Prepared) throws -> [Int64]? {
        switch prepared {
        case .attribute(let cardinality, let reverse, let types, let value):
            guard cardinality.min >= 1, !reverse, case .concepts(.equal, .ids(let values), _) = value else { return nil }
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
                sources += try fetchIDs("SELECT source_id FROM relationship WHERE destination_id IN (\(list)) AND active = 1\(typeClause)")
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

    /// Whether one concept satisfies the refinement given its relationships (all, or one group's), each
    /// list sorted by group.
    private func matches(
        _ prepared: Prepared, relationships: ArraySlice<Relationship>, reverse: ArraySlice<Relationship>, concrete: ArraySlice<ConcreteValue>
    ) -> Bool {
        switch prepared {
        case .attribute(let cardinality, let isReverse, let types, let value):
            return cardinality.contains(count(isReverse, types, value, relationships, reverse, concrete))
        case .conjunction(let parts):
            return parts.allSatisfy { matches($0, relationships: relationships, reverse: reverse, concrete: concrete) }
        case .disjunction(let parts):
            return parts.contains { matches($0, relationships: relationships, reverse: reverse, concrete: concrete) }
        case .group(let cardinality, let inner):
            // Groups: each non-zero group number (relationships and concrete values together). Group 0,
            // the ungrouped attributes, sorts first in both lists and is skipped.
            var satisfied = 0
            var r = relationships.startIndex
            var c = concrete.startIndex
            while r < relationships.endIndex, relationships[r].group == 0 { r += 1 }
            while c < concrete.endIndex, concrete[c].group == 0 { c += 1 }
            while r < relationships.endIndex || c < concrete.endIndex {
                let number = min(r < relationships.endIndex ? relationships[r].group : .max, c < concrete.endIndex ? concrete[c].group : .max)
                let (rStart, cStart) = (r, c)
                while r < relationships.endIndex, relationships[r].group == number { r += 1 }
                while c < concrete.endIndex, concrete[c].group == number { c += 1 }
                if matches(inner, relationships: relationships[rStart..<r], reverse: reverse, concrete: concrete[cStart..<c]) { satisfied += 1 }
            }
            return cardinality.contains(satisfied)
        }
    }

    private func count(
        _ isReverse: Bool, _ types: IDSet, _ value: Value, _ relationships: ArraySlice<Relationship>, _ reverse: ArraySlice<Relationship>,
        _ concrete: ArraySlice<ConcreteValue>
    ) -> Int {
        switch value {
        case .concepts(let op, let values, let positions):
            func holds(_ id: Int64) -> Bool { (positions?.contains(id) ?? values.contains(id)) == (op == .equal) }
            if isReverse {
                return reverse.count { types.contains($0.type) && holds($0.source) }
            }
            return relationships.count { types.contains($0.type) && holds($0.destination) }
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
