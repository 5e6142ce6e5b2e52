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
    }

    public var id: String
    public var release: String
    public var releases: [Appearance]
    public var inactivationReason: ConceptView.Named?
    public var historicalAssociations: [ConceptView.AssociationView]
}
