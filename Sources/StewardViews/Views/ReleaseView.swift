import TerminologyStore

/// JSON form of a release (ids as strings).
public struct ReleaseView: Encodable, Sendable {
    public var name: String
    public var versionURI: String
    /// False for a release imported as unpublished (its version URI is the `xsct` form).
    public var published: Bool
    public var effectiveTime: String
    public var editionModule: String
    public var modules: [String]
    public var source: String
    public var importedAt: String
    public var importSeconds: Double?
    public var counts: [String: CountView]
    public var packages: [PackageView]
    public var warnings: [String]

    public struct CountView: Encodable, Sendable {
        public var total: Int
        public var active: Int
    }

    public struct PackageView: Encodable, Sendable {
        public var name: String
        public var effectiveTime: String
        public var countryNamespace: String
        public var releaseType: String
        public var files: Int
    }

    public init(_ info: ReleaseInfo) {
        name = info.name
        versionURI = info.versionURI
        published = info.published
        effectiveTime = String(info.effectiveTime)
        editionModule = String(info.editionModule)
        modules = info.modules.map(String.init)
        source = info.source
        importedAt = info.importedAt
        importSeconds = info.importSeconds
        counts = Dictionary(uniqueKeysWithValues: info.counts.map { ($0.component, CountView(total: $0.total, active: $0.active)) })
        packages = info.packages.map {
            PackageView(
                name: $0.name, effectiveTime: String($0.effectiveTime), countryNamespace: $0.countryNamespace, releaseType: $0.releaseType, files: $0.fileCount)
        }
        warnings = info.warnings
    }
}
