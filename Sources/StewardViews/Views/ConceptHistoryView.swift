/// A concept across every imported release, with its inactivation reason and historical associations in
/// the selected one.
public struct ConceptHistoryView: Encodable, Sendable {
    public struct Appearance: Encodable, Sendable {
        public var release: String
        public var versionURI: String
        public var present: Bool
        public var active: Bool?
        public var effectiveTime: String?
        public var moduleId: String?
        public var definitionStatus: String?

        public init(
            release: String, versionURI: String, present: Bool, active: Bool?, effectiveTime: String?, moduleId: String?, definitionStatus: String?
        ) {
            self.release = release
            self.versionURI = versionURI
            self.present = present
            self.active = active
            self.effectiveTime = effectiveTime
            self.moduleId = moduleId
            self.definitionStatus = definitionStatus
        }
    }

    public var id: String
    public var release: String
    public var releases: [Appearance]
    public var inactivationReason: ConceptView.Named?
    public var historicalAssociations: [ConceptView.AssociationView]

    public init(
        id: String, release: String, releases: [Appearance], inactivationReason: ConceptView.Named?, historicalAssociations: [ConceptView.AssociationView]
    ) {
        self.id = id
        self.release = release
        self.releases = releases
        self.inactivationReason = inactivationReason
        self.historicalAssociations = historicalAssociations
    }
}
