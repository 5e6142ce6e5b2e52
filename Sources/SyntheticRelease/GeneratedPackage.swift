import Foundation

/// One written release package and what is in it.
public struct GeneratedPackage: Sendable {
    /// The package folder, or the `.zip` when zipping was asked for.
    public var url: URL
    /// Package name, e.g. `SnomedCT_InternationalRF2_PRODUCTION_20250101T120000Z`.
    public var name: String
    /// `YYYYMMDD` release date.
    public var effectiveTime: String
    /// Data rows per written file name (Snapshot and Full).
    public var rowCounts: [String: Int]
    /// What changed since the previous package of the same edition (nil for the first).
    public var changes: ReleaseChanges?
}
