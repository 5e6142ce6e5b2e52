import RF2

/// The historical association a proposed inactivation points from the inactive component to its target(s).
public enum HistoricalAssociation: String, Sendable, Codable, CaseIterable {
    case sameAs = "same-as"
    case replacedBy = "replaced-by"
    case possiblyReplacedBy = "possibly-replaced-by"
    case possiblyEquivalentTo = "possibly-equivalent-to"
    case partiallyEquivalentTo = "partially-equivalent-to"
    case alternative
    case wasA = "was-a"
    case movedTo = "moved-to"
    case movedFrom = "moved-from"
    case refersTo = "refers-to"

    /// The association refset.
    public var refsetId: Int64 {
        switch self {
        case .sameAs: WellKnown.sameAs
        case .replacedBy: WellKnown.replacedBy
        case .possiblyReplacedBy: WellKnown.possiblyReplacedBy
        case .possiblyEquivalentTo: WellKnown.possiblyEquivalentTo
        case .partiallyEquivalentTo: WellKnown.partiallyEquivalentTo
        case .alternative: WellKnown.alternative
        case .wasA: WellKnown.wasA
        case .movedTo: WellKnown.movedTo
        case .movedFrom: WellKnown.movedFrom
        case .refersTo: WellKnown.refersTo
        }
    }

    public var label: String {
        switch self {
        case .sameAs: "SAME AS"
        case .replacedBy: "REPLACED BY"
        case .possiblyReplacedBy: "POSSIBLY REPLACED BY"
        case .possiblyEquivalentTo: "POSSIBLY EQUIVALENT TO"
        case .partiallyEquivalentTo: "PARTIALLY EQUIVALENT TO"
        case .alternative: "ALTERNATIVE"
        case .wasA: "WAS A"
        case .movedTo: "MOVED TO"
        case .movedFrom: "MOVED FROM"
        case .refersTo: "REFERS TO"
        }
    }
}
