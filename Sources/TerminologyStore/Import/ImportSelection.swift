import RF2

/// The files an import reads, in reading order, with the release type taken from each package: Snapshot
/// when a package has it, else Full; on a base release its Delta (or, without one, its Full rows).
struct ImportSelection {
    /// One file to read: its package, and the date its rows with an empty effectiveTime take.
    struct Entry {
        var package: Int
        var file: RF2File
        /// The release's version date when given, else the date in the package's file names: content not yet
        /// published belongs to the release being imported.
        var releaseDate: Int
    }

    var files: [Entry] = []
    var releaseTypes: [ReleaseType] = []
    /// Rows with an existing key are merged (several packages, Full or Delta) rather than refused as duplicates.
    var merge: Bool { packageCount > 1 || releaseTypes.contains { $0 != .snapshot } }
    let packages: [RF2Package]
    var packageCount: Int { packages.count }

    init(packages: [RF2Package], onBase: Bool, asOf: Int?, versionDate: Int?) throws {
        self.packages = packages
        for (position, package) in packages.enumerated() {
            let type = try Self.releaseType(of: package, onBase: onBase, asOf: asOf)
            let chosen = package.files(type)
            guard !chosen.isEmpty else {
                throw StoreError(.missingFiles, "\(package.name) has no \(type.rawValue) files")
            }
            releaseTypes.append(type)
            files += chosen.map { Entry(package: position, file: $0, releaseDate: versionDate ?? package.effectiveTime) }
        }
        if !onBase, !files.contains(where: { $0.file.kind == .concept }) {
            throw StoreError(.missingFiles, "no Concept file among the packages: this is not a complete release")
        }
        files.sort { ($0.file.kind!.readingOrder, $0.package) < ($1.file.kind!.readingOrder, $1.package) }
    }

    private static func releaseType(of package: RF2Package, onBase: Bool, asOf: Int?) throws -> ReleaseType {
        if onBase {
            // Delta files when the package has them; otherwise the Full rows newer than the base.
            return package.files(.delta).isEmpty && !package.files(.full).isEmpty ? .full : .delta
        }
        if asOf != nil { return .full }
        if !package.files(.snapshot).isEmpty { return .snapshot }
        if !package.files(.full).isEmpty { return .full }
        if !package.files(.delta).isEmpty {
            throw StoreError(.missingFiles, "\(package.name) holds only Delta files: import it with --base RELEASE")
        }
        throw StoreError(.missingFiles, "\(package.name) contains no RF2 data files")
    }
}
