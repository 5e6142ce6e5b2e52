/// How to turn packages into one release store.
public struct ImportOptions: Sendable {
    /// Store name; derived from the packages (`INT-20250101`, `NO-20250215`) when nil.
    public var name: String?
    /// Materialise Full files as of this `YYYYMMDD` date.
    public var asOf: Int?
    /// Apply the packages' Delta files to this release (name or version URI), producing a new store.
    public var base: String?
    /// The release's version date (`YYYYMMDD`) for its version URI, default name and effective time, and the
    /// date rows with an empty effectiveTime take; nil takes the packages' effective time.
    public var versionDate: Int?
    /// A beta or pre-release: its version URI takes SNOMED's `xsct` form, which no published release has, so
    /// it is never mistaken for the published version of the same date.
    public var unpublished: Bool
    /// The edition the release belongs to (its version URI's module) when the module dependencies do not say
    /// it: a subset cut from an edition is packaged under a module of its own. Must be one of its modules.
    public var editionModule: Int64?
    /// Replace an existing store of the same name instead of refusing.
    public var replace: Bool
    /// Called with short human-readable progress lines.
    public var progress: (@Sendable (String) -> Void)?

    public init(
        name: String? = nil, asOf: Int? = nil, base: String? = nil, versionDate: Int? = nil, unpublished: Bool = false,
        editionModule: Int64? = nil, replace: Bool = false, progress: (@Sendable (String) -> Void)? = nil
    ) {
        self.name = name
        self.asOf = asOf
        self.base = base
        self.versionDate = versionDate
        self.unpublished = unpublished
        self.editionModule = editionModule
        self.replace = replace
        self.progress = progress
    }
}

/// What an import produced, with the time each stage took.
public struct ImportSummary: Sendable {
    public var name: String
    public var versionURI: String
    /// False for a release imported as unpublished (its version URI is the `xsct` form).
    public var published: Bool
    public var effectiveTime: Int
    public var path: String
    public var counts: [ComponentCount]
    public var closureRows: Int
    public var stages: [(name: String, seconds: Double)]
    public var warnings: [String]
    public var seconds: Double
}
