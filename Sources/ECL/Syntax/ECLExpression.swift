/// A parsed ECL 2.2 expression constraint: the typed tree the evaluator walks.
///
/// The cases mirror the specification's top-level productions so that the grammar's bracketing rules
/// (AND/OR/MINUS never mix without brackets) are visible in the tree: a compound case only ever holds
/// operands of its own kind or bracketed sub-expressions.
public indirect enum ECLExpression: Sendable, Hashable {
    /// A focus concept, wildcard, member-of or bracketed expression with its operator, filters and supplement.
    case constraint(SubExpression)
    /// `subExpression : refinement`.
    case refined(SubExpression, ECLRefinement)
    /// `subExpression . attribute . attribute …`: the attribute values of the focus concepts.
    case dotted(SubExpression, attributes: [SubExpression])
    /// `A AND B AND …` (also written with `,`).
    case conjunction([SubExpression])
    /// `A OR B OR …`.
    case disjunction([SubExpression])
    /// `A MINUS B` (exactly two operands, as the grammar requires).
    case exclusion(SubExpression, SubExpression)
}

/// `[operator] [^ [fields]] focus {{ filters }} {{ +HISTORY }}`.
public struct SubExpression: Sendable, Hashable {
    /// The hierarchy operator applied after member-of, if any.
    public var hierarchyOperator: HierarchyOperator?
    /// Present when the focus is the set of members of the refsets the focus names.
    public var memberOf: MemberOf?
    public var focus: Focus
    /// Concept and description filters, each block applied in order to the result.
    public var filters: [FilterConstraint]
    /// A history supplement applied last.
    public var history: HistorySupplement?

    public init(
        hierarchyOperator: HierarchyOperator? = nil, memberOf: MemberOf? = nil, focus: Focus, filters: [FilterConstraint] = [],
        history: HistorySupplement? = nil
    ) {
        self.hierarchyOperator = hierarchyOperator
        self.memberOf = memberOf
        self.focus = focus
        self.filters = filters
        self.history = history
    }

    /// What the sub-expression starts from.
    public indirect enum Focus: Sendable, Hashable {
        case concept(ConceptReference)
        /// `*`: every concept.
        case wildcard
        /// `SCHEME#code`: a concept named by an alternate identifier.
        case alternateIdentifier(AlternateIdentifier)
        /// `( expression )`.
        case nested(ECLExpression)
    }
}

/// A concept id with its optional `|term|` label (kept for round-tripping; never used to resolve).
public struct ConceptReference: Sendable, Hashable {
    public var id: Int64
    public var term: String?

    public init(id: Int64, term: String? = nil) {
        self.id = id
        self.term = term
    }
}

/// An alternate identifier such as `LOINC#8867-4` or `"http://loinc.org"#8867-4`.
public struct AlternateIdentifier: Sendable, Hashable {
    public var scheme: String
    public var code: String
    public var term: String?

    public init(scheme: String, code: String, term: String? = nil) {
        self.scheme = scheme
        self.code = code
        self.term = term
    }
}

/// The ten hierarchy operators of ECL 2.2.
public enum HierarchyOperator: String, Sendable, Hashable, CaseIterable {
    case descendantOf = "<"
    case descendantOrSelfOf = "<<"
    case childOf = "<!"
    case childOrSelfOf = "<<!"
    case ancestorOf = ">"
    case ancestorOrSelfOf = ">>"
    case parentOf = ">!"
    case parentOrSelfOf = ">>!"
    case top = "!!>"
    case bottom = "!!<"
}

/// `^` with an optional selection of refset fields (`^ [referencedComponentId, mapTarget]` or `^ [*]`).
public struct MemberOf: Sendable, Hashable {
    public enum Fields: Sendable, Hashable {
        case names([String])
        case all
    }

    /// Nil for plain `^`: the result is the referenced components.
    public var fields: Fields?
    /// `{{ M … }}` blocks that members must satisfy (every block, every filter in a block).
    public var memberFilters: [[MemberFilter]]

    public init(fields: Fields? = nil, memberFilters: [[MemberFilter]] = []) {
        self.fields = fields
        self.memberFilters = memberFilters
    }
}
