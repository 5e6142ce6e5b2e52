import RF2

/// An exact record of what one generated version changed, so diff tests can assert a diff finds
/// exactly this. Ids are `Int64` in Swift and strings in JSON (JavaScript cannot hold 18 digits).
public struct ReleaseChanges: Codable, Sendable, Equatable {
    /// An inactivated concept with its reason and historical associations.
    public struct Inactivation: Codable, Sendable, Equatable {
        @IDString public var conceptId: Int64
        @IDString public var reasonId: Int64
        public var associations: [Association]
    }

    /// One historical association member (refset → target).
    public struct Association: Codable, Sendable, Equatable {
        @IDString public var refsetId: Int64
        @IDString public var targetId: Int64
    }

    /// A new description replacing an old one as FSN or preferred term.
    public struct TermChange: Codable, Sendable, Equatable {
        @IDString public var conceptId: Int64
        @IDStrings public var languageRefsetIds: [Int64]
        @IDString public var oldDescriptionId: Int64
        @IDString public var newDescriptionId: Int64
    }

    /// An inferred IS-A edge moved from one parent to another.
    public struct IsAMove: Codable, Sendable, Equatable {
        @IDString public var conceptId: Int64
        @IDString public var fromParentId: Int64
        @IDString public var toParentId: Int64
    }

    /// A simple-refset member added or removed (inactivated).
    public struct MemberChange: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable { case added, removed }
        @IDString public var refsetId: Int64
        public var memberId: String
        @IDString public var referencedComponentId: Int64
        public var change: Kind
    }

    public var package: String
    public var effectiveTime: String
    public var previousEffectiveTime: String
    @IDStrings public var newConcepts: [Int64] = []
    public var inactivatedConcepts: [Inactivation] = []
    @IDStrings public var reactivatedConcepts: [Int64] = []
    public var fsnChanges: [TermChange] = []
    public var preferredTermChanges: [TermChange] = []
    /// Every description id created in this version (new concepts, new FSNs/PTs, synonyms, translations).
    @IDStrings public var newDescriptions: [Int64] = []
    public var isaMoves: [IsAMove] = []
    public var refsetMemberChanges: [MemberChange] = []

    public init(package: String, effectiveTime: String, previousEffectiveTime: String) {
        self.package = package
        self.effectiveTime = effectiveTime
        self.previousEffectiveTime = previousEffectiveTime
    }
}
