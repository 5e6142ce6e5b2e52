import Foundation
import GRDB
import RF2

/// Builds a release store from one or more packages: load → check → index → closure → terms → metadata →
/// atomic rename. A failure at any point leaves no store behind and existing stores untouched.
public struct ReleaseImporter: Sendable {
    public let catalog: ReleaseCatalog

    public init(catalog: ReleaseCatalog) {
        self.catalog = catalog
    }

    public func importRelease(from paths: [URL], options: ImportOptions = ImportOptions()) throws -> ImportSummary {
        let clock = StageClock()
        try Self.check(options, paths: paths)
        let packages = try paths.map { try RF2Package.open($0) }
        let baseURL = try options.base.map { try catalog.resolve($0) }
        let selection = try ImportSelection(packages: packages, onBase: baseURL != nil, asOf: options.asOf, versionDate: options.versionDate)
        let window = try Self.window(selection, baseURL: baseURL, asOf: options.asOf)

        try FileManager.default.createDirectory(at: catalog.releasesDirectory, withIntermediateDirectories: true)
        if let name = options.name { try checkFree(name, options: options) }
        let temporary = catalog.releasesDirectory.appendingPathComponent(".import-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).sqlite")
        var renamed = false
        defer { if !renamed { try? FileManager.default.removeItem(at: temporary) } }
        if let baseURL { try FileManager.default.copyItem(at: baseURL, to: temporary) }

        let builder = try StoreBuilder(path: temporary.path, fresh: baseURL == nil)
        let built = try Self.loadAndDerive(builder, selection, window: window, onBase: baseURL != nil, options: options, clock: clock)
        let identity = try identify(built, packages: packages, options: options)
        try Self.writeMetadata(builder, identity, built, selection, options: options)
        clock.lap("metadata")
        let seconds = clock.elapsed
        try Self.recordStages(builder, clock.stages, seconds: seconds)
        try builder.close()
        try StoreBuilder.publish(temporary, as: identity.url)
        renamed = true
        return ImportSummary(
            name: identity.name, versionURI: identity.versionURI, published: !options.unpublished, effectiveTime: identity.versionDate,
            path: identity.url.path,
            counts: built.counts, closureRows: built.closureRows, stages: clock.stages, warnings: built.warnings, seconds: seconds)
    }

    /// Options that can never work together, checked before any file is opened.
    static func check(_ options: ImportOptions, paths: [URL]) throws {
        guard !paths.isEmpty else { throw StoreError(.invalidOptions, "no package given") }
        if options.asOf != nil, options.base != nil {
            throw StoreError(.invalidOptions, "--as-of (Full) and --base (Delta) cannot be combined")
        }
        if let asOf = options.asOf, !RF2Date.isValid(asOf) {
            throw StoreError(.invalidOptions, "--as-of \(asOf) is not a valid YYYYMMDD date")
        }
        if let date = options.versionDate, !RF2Date.isValid(date) {
            throw StoreError(.invalidOptions, "--version-date \(date) is not a valid YYYYMMDD date")
        }
        if let name = options.name { try ReleaseCatalog.checkName(name) }
    }

    /// Throws unless a release named `name` may be written (free, or `--replace`).
    func checkFree(_ name: String, options: ImportOptions) throws {
        if !options.replace, FileManager.default.fileExists(atPath: catalog.storeURL(name: name).path) {
            throw StoreError(.releaseExists, "release \(name) already exists (use --replace to rebuild it)")
        }
    }

    /// Which rows count: after the base release's date for Full rows on a base, up to `asOf` when given. The
    /// module dependencies are checked against the base's modules before anything is loaded.
    static func window(_ selection: ImportSelection, baseURL: URL?, asOf: Int?) throws -> TimeWindow {
        var baseModules = Set<Int64>()
        var window = TimeWindow(after: nil, asOf: asOf)
        if let baseURL {
            let base = try ReleaseStore(path: baseURL.path).info
            baseModules = Set(base.modules)
            if selection.releaseTypes.contains(.full) { window.after = base.effectiveTime }
        }
        try ModuleDependencyPrecheck.check(selection.files, baseModules: baseModules, window: window)
        return window
    }
}
