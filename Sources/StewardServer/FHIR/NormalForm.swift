import TerminologyStore

/// A concept's inferred definition as an SCG expression: `===` (fully defined) or `<<<` (primitive), the
/// inferred parents, then ungrouped attributes and `{ }` role groups. Built from the inferred relationships
/// as SNOMED International's Snowstorm does for `normalForm`; it is not a classifier-computed necessary
/// normal form (parents are the direct inferred parents, not proximal primitive supertypes).
enum NormalForm {
    static func expression(_ detail: ConceptDetail, terms: Bool) -> String {
        func concept(_ named: ConceptDetail.Named) -> String {
            terms && !named.term.isEmpty ? "\(named.id) |\(named.term)|" : String(named.id)
        }
        func attribute(_ attribute: ConceptDetail.Attribute) -> String {
            let value = attribute.target.map(concept) ?? attribute.concreteValue ?? ""
            return "\(concept(attribute.type)) = \(value)"
        }
        var text = detail.concept.isFullyDefined ? "=== " : "<<< "
        text += detail.parents.map(concept).joined(separator: " + ")
        var refinements: [String] = []
        for group in detail.groups where !group.attributes.isEmpty {
            if group.group == 0 {
                refinements += group.attributes.map(attribute)
            } else {
                refinements.append("{ " + group.attributes.map(attribute).joined(separator: ", ") + " }")
            }
        }
        if !refinements.isEmpty { text += " : " + refinements.joined(separator: ", ") }
        return text
    }
}
