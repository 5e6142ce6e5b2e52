import RF2

/// The derived views release managers read first: what the component changes mean for concepts, terms,
/// hierarchy and refsets. Every list is ordered by concept id (then by the item's own id).
public struct DiffViews: Codable, Sendable {
    public var newConcepts: [ConceptSummary] = []
    public var inactivatedConcepts: [InactivatedConcept] = []
    public var reactivatedConcepts: [ConceptSummary] = []
    public var definitionStatusChanges: [DefinitionStatusChange] = []
    /// FSN and preferred-term changes per language refset.
    public var termChanges: [TermChange] = []
    /// New synonyms, translations, FSNs and text definitions on concepts that existed in FROM.
    public var newDescriptions: [DescriptionSummary] = []
    public var inactivatedDescriptions: [DescriptionSummary] = []
    public var acceptabilityChanges: [AcceptabilityChange] = []
    public var isaChanges: [HierarchyChange] = []
    public var attributeChanges: [AttributeChange] = []
    /// Member changes of content refsets (simple, map and other refsets; language, association, inactivation
    /// indicator, OWL and metadata refsets are covered by the views above).
    public var refsetMemberChanges: [RefsetMemberChange] = []

    public init() {}
}

/// A concept with the terms a reader recognises it by.
public struct ConceptSummary: Codable, Sendable, Hashable {
    @IDString public var id: Int64
    public var fsn: String
    public var preferredTerm: String
    /// The top-level hierarchy (child of the root) the concept sits under.
    public var hierarchy: NamedConcept?
    @IDString public var moduleId: Int64
    /// `primitive` or `defined`.
    public var definitionStatus: String
    public var active: Bool

    public init(id: Int64, fsn: String, preferredTerm: String, hierarchy: NamedConcept?, moduleId: Int64, definitionStatus: String, active: Bool) {
        self.id = id
        self.fsn = fsn
        self.preferredTerm = preferredTerm
        self.hierarchy = hierarchy
        self.moduleId = moduleId
        self.definitionStatus = definitionStatus
        self.active = active
    }
}

/// An inactivated concept with why, and where its users should go instead.
public struct InactivatedConcept: Codable, Sendable, Hashable {
    public struct Association: Codable, Sendable, Hashable {
        /// The association refset (SAME AS, REPLACED BY, POSSIBLY EQUIVALENT TO ...).
        public var refset: NamedConcept
        public var target: NamedConcept
        /// Whether the target is active in TO (a target inactivated in the same release is no replacement).
        public var targetActive: Bool
    }

    public var concept: ConceptSummary
    public var reason: NamedConcept?
    public var associations: [Association]
    /// No active association target: users of the concept have nowhere to go automatically.
    public var noReplacement: Bool
}

public struct DefinitionStatusChange: Codable, Sendable, Hashable {
    public var concept: ConceptSummary
    public var old: String
    public var new: String
}

/// A concept's FSN or preferred term in one language refset, before and after.
public struct TermChange: Codable, Sendable, Hashable {
    public enum TermType: String, Codable, Sendable { case fsn, preferredTerm }

    @IDString public var conceptId: Int64
    public var languageRefset: NamedConcept
    public var type: TermType
    /// Nil when the concept had no such term in this refset before (a new translation).
    public var old: String?
    /// Nil when the refset no longer gives the concept such a term.
    public var new: String?
    @OptionalIDString public var oldDescriptionId: Int64?
    @OptionalIDString public var newDescriptionId: Int64?
}

/// A description with its concept and, where relevant, acceptability or inactivation reason.
public struct DescriptionSummary: Codable, Sendable, Hashable {
    public struct Acceptability: Codable, Sendable, Hashable {
        public var refset: NamedConcept
        /// `preferred` or `acceptable`.
        public var acceptability: String
    }

    @IDString public var id: Int64
    public var concept: NamedConcept
    public var term: String
    public var languageCode: String
    /// `fsn`, `synonym` or `definition`.
    public var type: String
    public var acceptability: [Acceptability]
    /// For inactivated descriptions: the description inactivation indicator.
    public var reason: NamedConcept?
}

/// A description's acceptability in one language refset, before and after (nil = not in the refset).
public struct AcceptabilityChange: Codable, Sendable, Hashable {
    @IDString public var descriptionId: Int64
    public var concept: NamedConcept
    public var term: String
    public var languageRefset: NamedConcept
    public var old: String?
    public var new: String?
}

/// Parents added and removed for a concept active in both releases.
public struct HierarchyChange: Codable, Sendable, Hashable {
    public var concept: NamedConcept
    public var added: [NamedConcept]
    public var removed: [NamedConcept]
}

/// Defining attributes (inferred, IS-A excluded, concrete values included) added and removed.
public struct AttributeChange: Codable, Sendable, Hashable {
    public struct Attribute: Codable, Sendable, Hashable, Comparable {
        public var group: Int
        public var type: NamedConcept
        /// A destination concept, or nil for a concrete value.
        public var destination: NamedConcept?
        public var value: String?

        public static func < (lhs: Attribute, rhs: Attribute) -> Bool {
            (lhs.group, lhs.type.id, lhs.destination?.id ?? 0, lhs.value ?? "") < (rhs.group, rhs.type.id, rhs.destination?.id ?? 0, rhs.value ?? "")
        }
    }

    public var concept: NamedConcept
    public var added: [Attribute]
    public var removed: [Attribute]
}

/// One member change of a content refset.
public struct RefsetMemberChange: Codable, Sendable, Hashable {
    public var refset: NamedConcept
    public var memberId: String
    @IDString public var referencedComponentId: Int64
    public var term: String
    public var kind: ChangeKind
    /// Additional fields of the member in TO (FROM for removed), e.g. `mapTarget=I21.9`.
    public var values: [String]
    public var fields: [FieldChange]
}
