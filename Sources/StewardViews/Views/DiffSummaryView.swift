import ReleaseDiff

/// A diff report without the change lists: counts per component type and refset, and the roll-up.
public struct DiffSummaryView: Encodable, Sendable {
    public struct ComponentSummary: Encodable, Sendable {
        public var component: ComponentType
        public var fromTotal: Int
        public var fromActive: Int
        public var toTotal: Int
        public var toActive: Int
        public var counts: ChangeCounts
    }

    public struct RefsetSummary: Encodable, Sendable {
        public var refset: NamedConcept
        public var fromActive: Int
        public var toActive: Int
        public var counts: ChangeCounts
    }

    public var schema: String
    public var from: DiffReport.Release
    public var to: DiffReport.Release
    public var components: [ComponentSummary]
    public var refsets: [RefsetSummary]
    public var rollup: DiffRollup
    public var warnings: [String]

    public init(_ report: DiffReport) {
        schema = report.schema
        from = report.from
        to = report.to
        components = report.components.map {
            ComponentSummary(
                component: $0.component, fromTotal: $0.fromTotal, fromActive: $0.fromActive, toTotal: $0.toTotal, toActive: $0.toActive, counts: $0.counts)
        }
        refsets = report.refsets.map { RefsetSummary(refset: $0.refset, fromActive: $0.fromActive, toActive: $0.toActive, counts: $0.counts) }
        rollup = report.rollup
        warnings = report.warnings
    }
}
