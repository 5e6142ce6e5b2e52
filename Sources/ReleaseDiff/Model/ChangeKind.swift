/// What happened to one component (or refset member) between two releases.
///
/// `removed` is a release-rule violation (RF2 components are inactivated, never deleted) and is flagged in
/// the report's warnings; `moduleMoved` means the component was promoted or moved to another module without
/// changing its active state.
public enum ChangeKind: String, Codable, Sendable, CaseIterable, Comparable {
    case new, inactivated, reactivated, changed, moduleMoved, removed

    public var label: String {
        switch self {
        case .new: "new"
        case .inactivated: "inactivated"
        case .reactivated: "reactivated"
        case .changed: "changed"
        case .moduleMoved: "module moved"
        case .removed: "removed"
        }
    }

    public static func < (lhs: ChangeKind, rhs: ChangeKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How many components fell into each change kind.
public struct ChangeCounts: Codable, Sendable, Hashable {
    public var new = 0
    public var inactivated = 0
    public var reactivated = 0
    public var changed = 0
    public var moduleMoved = 0
    public var removed = 0

    public init() {}

    public var total: Int { new + inactivated + reactivated + changed + moduleMoved + removed }

    public subscript(kind: ChangeKind) -> Int {
        get {
            switch kind {
            case .new: new
            case .inactivated: inactivated
            case .reactivated: reactivated
            case .changed: changed
            case .moduleMoved: moduleMoved
            case .removed: removed
            }
        }
        set {
            switch kind {
            case .new: new = newValue
            case .inactivated: inactivated = newValue
            case .reactivated: reactivated = newValue
            case .changed: changed = newValue
            case .moduleMoved: moduleMoved = newValue
            case .removed: removed = newValue
            }
        }
    }

    public mutating func add(_ kind: ChangeKind, _ count: Int = 1) { self[kind] += count }

    public mutating func add(_ other: ChangeCounts) {
        for kind in ChangeKind.allCases { self[kind] += other[kind] }
    }
}
