/// The result of comparing two releases: component changes, refset totals, derived views and roll-ups.
///
/// Its JSON form is versioned by ``schema`` (documented in `docs/diff-schema.md`): fields are only added
/// within a version, never renamed or removed.
public struct DiffReport: Codable, Sendable {
    public static let currentSchema = "steward-diff/1"

    /// The release a side of the diff is, as the catalog knows it.
    public struct Release: Codable, Sendable, Hashable {
        public var name: String
        public var versionURI: String
        public var effectiveTime: Int

        public init(name: String, versionURI: String, effectiveTime: Int) {
            self.name = name
            self.versionURI = versionURI
            self.effectiveTime = effectiveTime
        }
    }

    public var schema = DiffReport.currentSchema
    public var from: Release
    public var to: Release
    public var components: [ComponentDiff]
    public var refsets: [RefsetDiff]
    public var views: DiffViews
    public var rollup: DiffRollup
    /// Release-rule problems the diff noticed (removed components, members matched only by business key).
    public var warnings: [String]

    public init(from: Release, to: Release, components: [ComponentDiff], refsets: [RefsetDiff], views: DiffViews, rollup: DiffRollup, warnings: [String]) {
        self.from = from
        self.to = to
        self.components = components
        self.refsets = refsets
        self.views = views
        self.rollup = rollup
        self.warnings = warnings
    }

    public func component(_ type: ComponentType) -> ComponentDiff? { components.first { $0.component == type } }

    /// True when the releases hold the same components with the same values.
    public var isEmpty: Bool { components.allSatisfy { $0.counts.total == 0 } }
}
