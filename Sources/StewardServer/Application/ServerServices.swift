import Foundation
import Logging
import ServiceLifecycle
import TerminologyStore
import Workspace

/// What the routes share: configuration, the open releases, the workspace and the metrics.
public struct ServerServices: Sendable {
    public let configuration: ServerConfiguration
    public let releases: ReleaseRegistry
    public let workspace: Workspace
    public let metrics: ServerMetrics
    public let logger: Logger
    let reports: ReportCache
    let responses: ResponseCache

    /// Opens the data directory: imports the samples into an empty one (when configured), opens the
    /// workspace and every release.
    public init(configuration: ServerConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        let catalog = ReleaseCatalog(dataDirectory: configuration.dataDirectory)
        try FileManager.default.createDirectory(at: catalog.releasesDirectory, withIntermediateDirectories: true)
        if let samples = configuration.sampleReleasesDirectory {
            try SampleReleases.importIfEmpty(from: samples, catalog: catalog, logger: logger)
        }
        workspace = try Workspace(dataDirectory: configuration.dataDirectory)
        releases = ReleaseRegistry(
            dataDirectory: configuration.dataDirectory, readers: ProcessInfo.processInfo.activeProcessorCount + 2,
            refreshInterval: configuration.releaseRefreshInterval, logger: logger)
        try releases.reload()
        metrics = ServerMetrics()
        reports = ReportCache()
        responses = ResponseCache(capacityBytes: configuration.responseCacheBytes)
    }
}

/// Closes the workspace once the HTTP server has stopped (services stop in reverse order, so in-flight
/// requests have finished by then).
struct WorkspaceLifecycle: Service {
    let workspace: Workspace
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        try workspace.close()
        logger.notice("workspace closed")
    }
}
