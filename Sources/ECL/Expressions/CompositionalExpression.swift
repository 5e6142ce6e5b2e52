import Foundation

/// A SNOMED CT postcoordinated expression in compositional grammar (SCG 2.4), as FHIR carries one in a
/// code: `367430006:{272741003=24028007}`, `22298006:363698007=80891009`, `a+b:{x=(c:y=d)}`.
///
/// Terms (`|Right|`) are read and kept, but never used to resolve: equality (``normalized``) ignores them and
/// the order of attributes and groups, so a code matches a listed expression however it is written.
public struct CompositionalExpression: Sendable, Hashable {
    /// `===` (equivalent to) or `<<<` (subtype of); nil when the expression does not say.
    public var definitionStatus: String?
    public var focus: [ConceptReference]
    public var ungrouped: [Attribute]
    public var groups: [[Attribute]]

    public struct Attribute: Sendable, Hashable {
        public var name: ConceptReference
        public var value: Value
    }

    public indirect enum Value: Sendable, Hashable {
        case concept(ConceptReference)
        case nested(CompositionalExpression)
        /// A concrete value as written (`#5`, `#0.5`, `"text"`).
        case concrete(String)
    }

    public init(definitionStatus: String? = nil, focus: [ConceptReference], ungrouped: [Attribute] = [], groups: [[Attribute]] = []) {
        self.definitionStatus = definitionStatus
        self.focus = focus
        self.ungrouped = ungrouped
        self.groups = groups
    }

    /// Whether `text` is meant as an expression (or is no concept id at all) rather than a single concept id:
    /// anything but digits is read as an expression, so that what is wrong with it can be said.
    public static func looksLikeExpression(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || !trimmed.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Every concept id the expression names, focus first, in order of appearance.
    public var conceptIds: [Int64] {
        var ids = focus.map(\.id)
        for attribute in ungrouped + groups.flatMap({ $0 }) {
            ids.append(attribute.name.id)
            switch attribute.value {
            case .concept(let reference): ids.append(reference.id)
            case .nested(let inner): ids += inner.conceptIds
            case .concrete: break
            }
        }
        return ids
    }

    /// The expression without terms, with focus concepts, attributes and groups in a canonical order.
    public var normalized: CompositionalExpression {
        func clean(_ attributes: [Attribute]) -> [Attribute] {
            attributes.map { attribute in
                let value: Value
                switch attribute.value {
                case .concept(let reference): value = .concept(ConceptReference(id: reference.id))
                case .nested(let inner): value = .nested(inner.normalized)
                case .concrete(let text): value = .concrete(text)
                }
                return Attribute(name: ConceptReference(id: attribute.name.id), value: value)
            }.sorted { $0.sortKey < $1.sortKey }
        }
        return CompositionalExpression(
            definitionStatus: nil, focus: focus.map { ConceptReference(id: $0.id) }.sorted { $0.id < $1.id }, ungrouped: clean(ungrouped),
            groups: groups.map(clean).sorted { $0.map(\.sortKey).joined(separator: ",") < $1.map(\.sortKey).joined(separator: ",") })
    }

    /// The expression written out with `terms` (by concept id) as labels: `id|term|:{a|term|=v|term|}`.
    public func rendered(terms: [Int64: String]) -> String {
        func reference(_ ref: ConceptReference) -> String {
            terms[ref.id].map { "\(ref.id)|\($0)|" } ?? String(ref.id)
        }
        func attributes(_ list: [Attribute]) -> String {
            list.map { attribute in
                let value: String
                switch attribute.value {
                case .concept(let ref): value = reference(ref)
                case .nested(let inner): value = "(\(inner.rendered(terms: terms)))"
                case .concrete(let text): value = text
                }
                return "\(reference(attribute.name))=\(value)"
            }.joined(separator: ",")
        }
        var text = (definitionStatus ?? "") + focus.map(reference).joined(separator: "+")
        let refinement = [attributes(ungrouped)].filter { !$0.isEmpty } + groups.map { "{\(attributes($0))}" }
        if !refinement.isEmpty { text += ":" + refinement.joined(separator: ",") }
        return text
    }
}

extension CompositionalExpression.Attribute {
    fileprivate var sortKey: String {
        switch value {
        case .concept(let ref): "\(name.id)=\(ref.id)"
        case .nested(let inner): "\(name.id)=(\(inner.rendered(terms: [:])))"
        case .concrete(let text): "\(name.id)=\(text)"
        }
    }
}
