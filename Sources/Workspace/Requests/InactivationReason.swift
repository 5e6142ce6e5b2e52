import RF2

/// Why a concept or description should be inactivated: the values of the RF2 inactivation indicator
/// refsets that a request may propose.
public enum InactivationReason: String, Sendable, Codable, CaseIterable {
    case ambiguous
    case duplicate
    case erroneous
    case outdated
    case limited
    case movedElsewhere = "moved-elsewhere"
    case pendingMove = "pending-move"
    case meaningUnknown = "meaning-unknown"
    case nonconformanceToEditorialPolicy = "nonconformance-to-editorial-policy"
    case conceptNonCurrent = "concept-non-current"
    case notSemanticallyEquivalent = "not-semantically-equivalent"
    case inappropriate

    /// The inactivation value concept.
    public var conceptId: Int64 {
        switch self {
        case .ambiguous: WellKnown.ambiguous
        case .duplicate: WellKnown.duplicate
        case .erroneous: WellKnown.erroneous
        case .outdated: WellKnown.outdated
        case .limited: WellKnown.limited
        case .movedElsewhere: WellKnown.movedElsewhere
        case .pendingMove: WellKnown.pendingMove
        case .meaningUnknown: WellKnown.meaningOfComponentUnknown
        case .nonconformanceToEditorialPolicy: WellKnown.nonconformanceToEditorialPolicy
        case .conceptNonCurrent: WellKnown.conceptNonCurrent
        case .notSemanticallyEquivalent: WellKnown.notSemanticallyEquivalent
        case .inappropriate: WellKnown.inappropriate
        }
    }

    public var label: String {
        switch self {
        case .ambiguous: "Ambiguous"
        case .duplicate: "Duplicate"
        case .erroneous: "Erroneous"
        case .outdated: "Outdated"
        case .limited: "Limited"
        case .movedElsewhere: "Moved elsewhere"
        case .pendingMove: "Pending move"
        case .meaningUnknown: "Meaning of component unknown"
        case .nonconformanceToEditorialPolicy: "Nonconformance to editorial policy"
        case .conceptNonCurrent: "Concept non-current"
        case .notSemanticallyEquivalent: "Not semantically equivalent"
        case .inappropriate: "Inappropriate"
        }
    }

    /// Reasons a concept may be inactivated with, and the associations each allows (editorial guide:
    /// Ambiguous → POSSIBLY EQUIVALENT TO, Duplicate → SAME AS, Erroneous/Outdated → REPLACED BY or
    /// POSSIBLY REPLACED BY, Moved elsewhere → MOVED TO or ALTERNATIVE). An empty list means no association.
    public static let conceptReasons: [InactivationReason: [HistoricalAssociation]] = [
        .ambiguous: [.possiblyEquivalentTo],
        .duplicate: [.sameAs],
        .erroneous: [.replacedBy, .possiblyReplacedBy],
        .outdated: [.replacedBy, .possiblyReplacedBy],
        .movedElsewhere: [.movedTo, .alternative],
        .pendingMove: [.movedTo],
        .limited: [.wasA],
        .meaningUnknown: [],
        .nonconformanceToEditorialPolicy: [.replacedBy, .possiblyReplacedBy, .partiallyEquivalentTo],
    ]

    /// Reasons a description may be inactivated with, and the associations each allows.
    public static let descriptionReasons: [InactivationReason: [HistoricalAssociation]] = [
        .duplicate: [],
        .erroneous: [],
        .outdated: [],
        .inappropriate: [],
        .conceptNonCurrent: [],
        .notSemanticallyEquivalent: [.refersTo],
        .nonconformanceToEditorialPolicy: [],
    ]

    /// Reasons whose concept inactivation must name an association (the others may go without).
    public var requiresAssociation: Bool { [.ambiguous, .duplicate, .movedElsewhere, .pendingMove].contains(self) }
}
