import Foundation
import RF2

/// A refset's published history as RF2 rows: the input of every RF2 export.
public struct RefsetRelease: Sendable {
    /// One row of the simple refset file.
    public struct MemberRow: Sendable, Equatable {
        public var id: RF2UUID
        public var effectiveTime: Int
        public var active: Bool
        public var moduleId: Int64
        public var refsetId: Int64
        public var referencedComponentId: Int64
    }

    public let refset: LocalRefset
    public let versions: [RefsetVersion]
    /// Every row of the Full file, in version order: additions active, removals inactive.
    public let fullRows: [MemberRow]

    /// Builds the rows from each version's member list (ascending ids, as ``Workspace/members(of:version:)`` returns them).
    public init(refset: LocalRefset, versions: [(RefsetVersion, [Int64])]) {
        self.refset = refset
        self.versions = versions.map(\.0)
        var rows: [MemberRow] = []
        var previous = Set<Int64>()
        for (version, members) in versions {
            let current = Set(members)
            func row(_ concept: Int64, active: Bool) -> MemberRow {
                MemberRow(
                    id: MemberUUID.member(refset: refset.id, concept: concept), effectiveTime: version.effectiveTime, active: active, moduleId: refset.moduleId,
                    refsetId: refset.id, referencedComponentId: concept)
            }
            rows += current.subtracting(previous).sorted().map { row($0, active: true) }
            rows += previous.subtracting(current).sorted().map { row($0, active: false) }
            previous = current
        }
        fullRows = rows
    }

    /// The latest row of every member ever published, by referenced component.
    public var snapshotRows: [MemberRow] {
        var latest: [RF2UUID: MemberRow] = [:]
        for row in fullRows { latest[row.id] = row }
        return latest.values.sorted { $0.referencedComponentId < $1.referencedComponentId }
    }

    /// The rows the latest version changed.
    public var deltaRows: [MemberRow] {
        guard let last = versions.last else { return [] }
        return fullRows.filter { $0.effectiveTime == last.effectiveTime }.sorted { $0.referencedComponentId < $1.referencedComponentId }
    }

    public func rows(_ type: ReleaseType) -> [MemberRow] {
        switch type {
        case .full: fullRows
        case .snapshot: snapshotRows
        case .delta: deltaRows
        }
    }
}
