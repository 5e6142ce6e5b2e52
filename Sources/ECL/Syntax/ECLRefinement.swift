/// The part after `:` in a refined expression: attributes and attribute groups combined with AND/OR.
public indirect enum ECLRefinement: Sendable, Hashable {
    case attribute(ECLAttribute)
    /// `[cardinality] { attributes }`: attributes that must hold within one relationship group.
    case group(cardinality: Cardinality?, ECLRefinement)
    case conjunction([ECLRefinement])
    case disjunction([ECLRefinement])
}

/// One attribute constraint: `[cardinality] [R] name comparison`.
public struct ECLAttribute: Sendable, Hashable {
    public var cardinality: Cardinality?
    /// `R`: the focus concepts are the targets and `value` constrains the sources.
    public var reverse: Bool
    /// The attribute types: a sub-expression so that `<< 363698007` or `*` name several.
    public var name: SubExpression
    public var comparison: AttributeComparison

    public init(cardinality: Cardinality? = nil, reverse: Bool = false, name: SubExpression, comparison: AttributeComparison) {
        self.cardinality = cardinality
        self.reverse = reverse
        self.name = name
        self.comparison = comparison
    }
}

/// What an attribute's value must be.
public enum AttributeComparison: Sendable, Hashable {
    /// `= expr` / `!= expr` on concept-valued attributes.
    case expression(EqualityOperator, SubExpression)
    /// `op #number` on concrete numeric values.
    case numeric(NumericOperator, NumericValue)
    /// `= "text"` / `!= ("a" "b")` on concrete string values.
    case string(EqualityOperator, [SearchTerm])
    /// `= true` / `!= false` on concrete boolean values.
    case boolean(EqualityOperator, Bool)
}

/// `=` or `!=`.
public enum EqualityOperator: String, Sendable, Hashable {
    case equal = "="
    case notEqual = "!="
}

/// The numeric and time comparators.
public enum NumericOperator: String, Sendable, Hashable {
    case equal = "="
    case notEqual = "!="
    case lessOrEqual = "<="
    case less = "<"
    case greaterOrEqual = ">="
    case greater = ">"

    /// True when `lhs op rhs` holds.
    public func holds<T: Comparable>(_ lhs: T, _ rhs: T) -> Bool {
        switch self {
        case .equal: lhs == rhs
        case .notEqual: lhs != rhs
        case .lessOrEqual: lhs <= rhs
        case .less: lhs < rhs
        case .greaterOrEqual: lhs >= rhs
        case .greater: lhs > rhs
        }
    }
}

/// A decimal or integer literal, kept as written and as a value (compared numerically, never as text).
public struct NumericValue: Sendable, Hashable {
    public var text: String
    public var value: Double

    public init?(_ text: String) {
        guard let value = Double(text) else { return nil }
        self.text = text
        self.value = value
    }
}

/// `[min..max]`; `max` nil means `*`.
public struct Cardinality: Sendable, Hashable {
    public var min: Int
    public var max: Int?

    public init(min: Int, max: Int?) {
        self.min = min
        self.max = max
    }

    public func contains(_ count: Int) -> Bool {
        count >= min && (max.map { count <= $0 } ?? true)
    }
}

/// A quoted search term with its matching mode (`match:` is the default, `wild:` uses `*`).
public struct SearchTerm: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable {
        case match
        case wild
    }

    public var mode: Mode
    public var text: String

    public init(_ text: String, mode: Mode = .match) {
        self.text = text
        self.mode = mode
    }
}
