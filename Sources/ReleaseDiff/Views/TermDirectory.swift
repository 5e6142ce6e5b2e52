import RF2
import TerminologyStore

/// Display terms, descriptions and top-level hierarchies for the ids a report mentions, looked up in TO
/// first and in FROM for what TO no longer has, and cached (a report names the same concepts many times).
final class TermDirectory {
    let to: ReleaseStore
    let from: ReleaseStore
    let language: LanguagePreference
    private var preferred: [Int64: String] = [:]
    private var fsns: [Int64: String] = [:]
    private var descriptions: [Int64: Description?] = [:]
    private var hierarchies: [Int64: NamedConcept?] = [:]
    private var concepts: [Int64: Concept?] = [:]
    private let topLevel: Set<Int64>

    init(to: ReleaseStore, from: ReleaseStore, language: LanguagePreference) throws {
        self.to = to
        self.from = from
        self.language = language
        topLevel = Set(try to.children(of: WellKnown.root)).union(try from.children(of: WellKnown.root))
    }

    /// The preferred term, else the FSN, else the id itself.
    func term(_ id: Int64) throws -> String {
        if let cached = preferred[id] { return cached }
        let term = try to.preferredTerm(id, preference: language) ?? from.preferredTerm(id, preference: language) ?? String(id)
        preferred[id] = term
        return term
    }

    func fsn(_ id: Int64) throws -> String {
        if let cached = fsns[id] { return cached }
        let term = try to.fullySpecifiedNames(for: [id], preference: language)[id] ?? from.fullySpecifiedNames(for: [id], preference: language)[id] ?? term(id)
        fsns[id] = term
        return term
    }

    func named(_ id: Int64) throws -> NamedConcept { NamedConcept(id: id, term: try term(id)) }

    /// The concept row in TO, else FROM.
    func concept(_ id: Int64) throws -> Concept? {
        if let cached = concepts[id] { return cached }
        let concept = try to.concept(id) ?? from.concept(id)
        concepts[id] = concept
        return concept
    }

    /// A description in TO, else FROM.
    func description(_ id: Int64) throws -> Description? {
        if let cached = descriptions[id] { return cached }
        let description = try to.description(id) ?? from.description(id)
        descriptions[id] = description
        return description
    }

    /// The concept a referenced component belongs to: itself, or a description's concept.
    func owningConcept(_ componentId: Int64) throws -> Int64? {
        switch SCTID.partition(of: componentId)?.componentKind {
        case .concept: componentId
        case .description: try description(componentId)?.conceptId
        default: nil
        }
    }

    /// The child of the root the concept sits under (by TO's hierarchy, else FROM's).
    func hierarchy(of id: Int64) throws -> NamedConcept? {
        if let cached = hierarchies[id] { return cached }
        var result: NamedConcept?
        if topLevel.contains(id) {
            result = try named(id)
        } else {
            var ancestors = try to.ancestors(of: id)
            if ancestors.isEmpty { ancestors = try from.ancestors(of: id) }
            if let top = ancestors.first(where: topLevel.contains) { result = try named(top) }
        }
        hierarchies[id] = result
        return result
    }

    /// TO's active historical associations from a component, with target terms and whether each target is active.
    func associations(of component: Int64) throws -> [InactivatedConcept.Association] {
        try to.historicalAssociations(of: component).map {
            InactivatedConcept.Association(
                refset: try named($0.refsetId), target: try named($0.targetId), targetActive: try to.concept($0.targetId)?.active ?? false)
        }
    }

    /// The way a component or referenced component reads in a report.
    func componentLabel(_ id: Int64) throws -> String {
        switch SCTID.partition(of: id)?.componentKind {
        case .description: try description(id).map { "\"\($0.term)\"" } ?? String(id)
        case .concept: try term(id)
        default: String(id)
        }
    }

    static func acceptabilityName(_ id: Int64?) -> String? {
        switch id {
        case nil: nil
        case WellKnown.preferred?: "preferred"
        case WellKnown.acceptable?: "acceptable"
        case let other?: String(other)
        }
    }

    static func definitionStatusName(_ id: Int64?) -> String {
        id == WellKnown.fullyDefined ? "defined" : "primitive"
    }

    static func descriptionTypeName(_ id: Int64) -> String {
        switch id {
        case WellKnown.fullySpecifiedName: "fsn"
        case WellKnown.definition: "definition"
        case WellKnown.synonym: "synonym"
        default: String(id)
        }
    }
}
