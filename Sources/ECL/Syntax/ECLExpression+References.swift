/// The concepts an expression names: focus concepts, refset ids, attribute names and values, at any depth.
/// Lets a caller check that every concept exists before it evaluates (an unknown id is an error to the
/// author, where evaluation alone would quietly give nothing).
extension ECLExpression {
    public var conceptReferences: [ConceptReference] {
        var found: [ConceptReference] = []
        collect(into: &found)
        return found
    }

    func collect(into found: inout [ConceptReference]) {
        switch self {
        case .constraint(let sub): sub.collect(into: &found)
        case .refined(let sub, let refinement):
            sub.collect(into: &found)
            refinement.collect(into: &found)
        case .dotted(let sub, let attributes):
            sub.collect(into: &found)
            for attribute in attributes { attribute.collect(into: &found) }
        case .conjunction(let operands), .disjunction(let operands):
            for operand in operands { operand.collect(into: &found) }
        case .exclusion(let left, let right):
            left.collect(into: &found)
            right.collect(into: &found)
        }
    }
}

extension SubExpression {
    func collect(into found: inout [ConceptReference]) {
        switch focus {
        case .concept(let reference): found.append(reference)
        case .nested(let expression): expression.collect(into: &found)
        case .wildcard, .alternateIdentifier: break
        }
    }
}

extension ECLRefinement {
    func collect(into found: inout [ConceptReference]) {
        switch self {
        case .attribute(let attribute):
            attribute.name.collect(into: &found)
            if case .expression(_, let value) = attribute.comparison { value.collect(into: &found) }
        case .group(_, let inner): inner.collect(into: &found)
        case .conjunction(let parts), .disjunction(let parts):
            for part in parts { part.collect(into: &found) }
        }
    }
}
