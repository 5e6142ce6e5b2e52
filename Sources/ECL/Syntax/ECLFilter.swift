/// One `{{ … }}` block after a sub-expression. Every filter in a block must hold (for description filters:
/// for the same description).
public enum FilterConstraint: Sendable, Hashable {
    case concept([ConceptFilter])
    case description([DescriptionFilter])
}

/// A set of concepts given either as an id list `(a b c)` or a sub-expression.
public enum ConceptSet: Sendable, Hashable {
    case ids([ConceptReference])
    case expression(SubExpression)
}

/// Filters on the concept rows themselves (`{{ C … }}`).
public enum ConceptFilter: Sendable, Hashable {
    /// `definitionStatus = primitive|defined` (tokens resolved to their ids by the parser).
    case definitionStatus(EqualityOperator, ConceptSet)
    case module(EqualityOperator, ConceptSet)
    case effectiveTime(NumericOperator, [Int])
    case active(EqualityOperator, Bool)
}

/// Filters on a concept's descriptions (`{{ D … }}` or plain `{{ term = … }}`).
public enum DescriptionFilter: Sendable, Hashable {
    case term(EqualityOperator, [SearchTerm])
    /// Two-letter language codes, lower-cased.
    case language(EqualityOperator, [String])
    /// `type = syn|fsn|def` (resolved to ids) or `typeId = …`.
    case type(EqualityOperator, ConceptSet)
    /// `dialect = en-gb (prefer)` or `dialectId = 900000000000508004 (accept)`.
    case dialect(EqualityOperator, [DialectSelector])
    case module(EqualityOperator, ConceptSet)
    case effectiveTime(NumericOperator, [Int])
    case active(EqualityOperator, Bool)
    case id(EqualityOperator, [Int64])
}

/// One language refset (by alias or id) with the acceptabilities that count (empty: any).
public struct DialectSelector: Sendable, Hashable {
    public enum Dialect: Sendable, Hashable {
        case alias(String)
        case id(ConceptReference)
    }

    public var dialect: Dialect
    /// Acceptability concept ids (`prefer` and `accept` resolved by the parser).
    public var acceptability: [Int64]

    public init(dialect: Dialect, acceptability: [Int64] = []) {
        self.dialect = dialect
        self.acceptability = acceptability
    }
}

/// A filter on refset members (`{{ M … }}`).
public enum MemberFilter: Sendable, Hashable {
    /// A component-valued field against a sub-expression: `referencedComponentId = << 404684003`.
    case fieldExpression(field: String, EqualityOperator, SubExpression)
    case fieldNumeric(field: String, NumericOperator, NumericValue)
    case fieldString(field: String, EqualityOperator, [SearchTerm])
    case fieldBoolean(field: String, EqualityOperator, Bool)
    case fieldTime(field: String, NumericOperator, [Int])
    case module(EqualityOperator, ConceptSet)
    case effectiveTime(NumericOperator, [Int])
    case active(EqualityOperator, Bool)
}

/// `{{ +HISTORY… }}`: adds inactive concepts associated with the result.
public enum HistorySupplement: Sendable, Hashable {
    /// `-MIN`: SAME AS only.
    case minimum
    /// `-MOD`: SAME AS, REPLACED BY, WAS A, PARTIALLY EQUIVALENT TO.
    case moderate
    /// `-MAX` or plain `+HISTORY`: every historical association.
    case maximum
    /// `+HISTORY (expr)`: the association refsets the expression names.
    case custom(ECLExpression)
}

extension SubExpression {
    /// Whether a concept filter selects inactive concepts (`active = 0`, `active != 1`): then `*` means every
    /// concept, not only the active ones of the hierarchy.
    public var admitsInactiveConcepts: Bool {
        filters.contains { filter in
            guard case .concept(let conceptFilters) = filter else { return false }
            return conceptFilters.contains { if case .active(let op, let value) = $0 { value != (op == .equal) } else { false } }
        }
    }
}
