/// How big and how shaped a synthetic release is. Use `.sample`, `.international` or `.norway()`.
public struct GenerationProfile: Sendable, Hashable {
    /// Short name used in progress messages and package metadata.
    public var name: String
    /// Content concepts (active and inactive), not counting the fixed metadata concepts.
    public var conceptCount: Int
    /// Share of content concepts that are active.
    public var activeFraction: Double = 0.70
    /// Share of active concepts with two or more parents.
    public var multiParentFraction: Double = 0.30
    /// Deepest IS-A path below the root.
    public var maxDepth: Int = 25
    /// Acceptable synonyms per active concept beyond FSN and PT.
    public var extraSynonyms: Double = 0.85
    /// Inactive descriptions per concept.
    public var inactiveDescriptions: Double = 0.62
    /// Share of active concepts with a text definition.
    public var textDefinitionFraction: Double = 0.05
    /// Inactive (historical) inferred relationships per active concept.
    public var inactiveRelationships: Double = 4.6
    /// Stated relationship rows (all inactive, as in the OWL era) per concept.
    public var statedRelationships: Double = 1.9
    /// Share of concepts with a CTV3 simple-map row.
    public var simpleMapFraction: Double = 1.0
    /// Share of active clinical findings with an ICD-10 extended map.
    public var extendedMapFraction: Double = 0.85
    /// Share of active concepts changed per later version (new concepts; inactivations are a third of it).
    public var changeRate: Double = 0.004
    /// Norwegian extension on top of the International content, when set.
    public var norway: NorwayOptions?

    public init(name: String, conceptCount: Int, norway: NorwayOptions? = nil) {
        self.name = name
        self.conceptCount = conceptCount
        self.norway = norway
    }

    /// About 1,500 concepts: a complete, realistic release that generates in well under a second.
    public static let sample = GenerationProfile(name: "sample", conceptCount: 1_500)

    /// International Edition scale (RF2 §4.2): ~530k concepts, ~9–10M Snapshot rows.
    public static let international = GenerationProfile(name: "international", conceptCount: 530_000)

    /// A medium International base plus a Norwegian extension package.
    public static func norway(baseConcepts: Int = 20_000) -> GenerationProfile {
        GenerationProfile(name: "norway", conceptCount: baseConcepts, norway: NorwayOptions())
    }
}

/// Shape of the Norwegian extension (RF2 §6): module 51000202101, namespace 1000202, nb/nn refsets.
public struct NorwayOptions: Sendable, Hashable {
    /// Share of active International concepts with a Bokmål preferred term.
    public var bokmalFraction: Double = 0.33
    /// Share of those that also get a Nynorsk preferred term.
    public var nynorskFraction: Double = 0.3
    /// Norway-only concepts, as a share of International concepts.
    public var localConceptFraction: Double = 0.02
    /// Local simple refsets in the Norwegian module.
    public var localRefsets: Int = 3
    /// Members per local refset.
    public var refsetMembers: Int = 120

    public init() {}
}
