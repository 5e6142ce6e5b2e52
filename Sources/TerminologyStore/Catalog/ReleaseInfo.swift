/// What a release store says about itself: identity, provenance, counts. Read without touching the data.
public struct ReleaseInfo: Sendable, Codable, Hashable {
    public struct Package: Sendable, Codable, Hashable {
        public var name: String
        public var path: String
        public var effectiveTime: Int
        public var countryNamespace: String
        public var releaseType: String
        public var fileCount: Int
    }

    public var name: String
    /// `http://snomed.info/sct/<module>/version/<YYYYMMDD>`, or `http://snomed.info/xsct/…` when unpublished.
    public var versionURI: String
    /// False for a release imported as unpublished (beta, pre-release); stores imported before the flag
    /// existed are published.
    public var published = true
    public var effectiveTime: Int
    public var editionModule: Int64
    public var modules: [Int64]
    /// `snapshot`, `full as of …`, `delta on …`.
    public var source: String
    public var importedAt: String
    public var importSeconds: Double?
    public var counts: [ComponentCount]
    public var packages: [Package]
    public var warnings: [String]
    public var stages: [Stage]
    /// Every metadata entry of the store (`release_info`), including import diagnostics such as
    /// `load_parser_blocked_seconds` and `load_writer_idle_seconds`.
    public var metadata: [String: String]
    public var path: String

    public struct Stage: Sendable, Codable, Hashable {
        public var name: String
        public var seconds: Double
    }
}
