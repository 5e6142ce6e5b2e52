import RF2

/// One of the 19 top-level hierarchies under the root, with how its content is shaped.
struct Hierarchy: Sendable {
    enum Shape: Sendable { case finding, procedure, product, bodyStructure, observable, plain }

    let id: Int64
    let term: String
    let tags: [String]
    /// Share of generated content concepts.
    let weight: Double
    let shape: Shape

    static let all: [Hierarchy] = [
        Hierarchy(id: 404684003, term: "Clinical finding", tags: ["disorder", "finding"], weight: 30, shape: .finding),
        Hierarchy(id: 71388002, term: "Procedure", tags: ["procedure", "regime/therapy"], weight: 16, shape: .procedure),
        Hierarchy(id: 123037004, term: "Body structure", tags: ["body structure", "morphologic abnormality"], weight: 11, shape: .bodyStructure),
        Hierarchy(id: 363787002, term: "Observable entity", tags: ["observable entity"], weight: 3, shape: .observable),
        Hierarchy(id: 410607006, term: "Organism", tags: ["organism"], weight: 9, shape: .plain),
        Hierarchy(id: 105590001, term: "Substance", tags: ["substance"], weight: 7, shape: .plain),
        Hierarchy(id: 373873005, term: "Pharmaceutical / biologic product", tags: ["medicinal product", "clinical drug"], weight: 6, shape: .product),
        Hierarchy(id: 260787004, term: "Physical object", tags: ["physical object"], weight: 2.5, shape: .plain),
        Hierarchy(id: 78621006, term: "Physical force", tags: ["physical force"], weight: 0.1, shape: .plain),
        Hierarchy(id: 272379006, term: "Event", tags: ["event"], weight: 1, shape: .plain),
        Hierarchy(id: 243796009, term: "Situation with explicit context", tags: ["situation"], weight: 1.5, shape: .plain),
        Hierarchy(id: 48176007, term: "Social context", tags: ["social concept", "occupation", "person"], weight: 1, shape: .plain),
        Hierarchy(id: 370115009, term: "Special concept", tags: ["navigational concept"], weight: 0.1, shape: .plain),
        Hierarchy(id: 254291000, term: "Staging and scales", tags: ["assessment scale", "tumor staging"], weight: 0.5, shape: .plain),
        Hierarchy(id: 123038009, term: "Specimen", tags: ["specimen"], weight: 0.6, shape: .plain),
        Hierarchy(id: 308916002, term: "Environment or geographical location", tags: ["environment", "geographic location"], weight: 0.5, shape: .plain),
        Hierarchy(id: 362981000, term: "Qualifier value", tags: ["qualifier value"], weight: 3, shape: .plain),
        Hierarchy(id: 419891008, term: "Record artifact", tags: ["record artifact"], weight: 0.2, shape: .plain),
        Hierarchy(id: 900000000000441003, term: "SNOMED CT Model Component", tags: ["metadata"], weight: 0, shape: .plain),
    ]

    static let bodyStructure = 2, organism = 4, substance = 5, qualifier = 16
}

/// Concept-model attributes the generator uses, with their real ids.
enum Attribute {
    static let findingSite: Int64 = 363698007
    static let associatedMorphology: Int64 = 116676008
    static let causativeAgent: Int64 = 246075003
    static let pathologicalProcess: Int64 = 370135005
    static let method: Int64 = 260686004
    static let procedureSiteDirect: Int64 = 405813007
    static let directSubstance: Int64 = 363701004
    static let manufacturedDoseForm: Int64 = 411116001
    static let activeIngredient: Int64 = 127489000
    static let preciseActiveIngredient: Int64 = 762949000
    static let laterality: Int64 = 272741003
    static let property: Int64 = 370130000
    static let directSite: Int64 = 704327008
    static let roleGroup: Int64 = 609096000
    static let strengthNumeratorValue: Int64 = 1142135004
    static let countOfBase: Int64 = 1142139005

    static let object: [Int64] = [
        findingSite, associatedMorphology, causativeAgent, pathologicalProcess, method, procedureSiteDirect,
        directSubstance, manufacturedDoseForm, activeIngredient, preciseActiveIngredient, laterality, property,
        directSite,
    ]
    static let data: [Int64] = [strengthNumeratorValue, countOfBase]
}
