import Foundation
import Hummingbird
import Logging

/// Builds the Steward HTTP application: middleware, every route family, and the workspace's lifecycle.
/// Tests call this with a test configuration and drive it with HummingbirdTesting.
public func buildApplication(_ services: ServerServices) -> some ApplicationProtocol {
    let router = buildRouter(services)
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(services.configuration.host, port: services.configuration.port), serverName: "steward"),
        logger: services.logger)
    app.addServices(WorkspaceLifecycle(workspace: services.workspace, logger: services.logger))
    return app
}

/// Opens the data directory and builds the application.
public func buildApplication(configuration: ServerConfiguration, logger: Logger) throws -> some ApplicationProtocol {
    buildApplication(try ServerServices(configuration: configuration, logger: logger))
}

/// The router with all middleware and routes; also used by the OpenAPI coverage test.
public func buildRouter(_ services: ServerServices) -> Router<StewardRequestContext> {
    let configuration = services.configuration
    let router = Router(context: StewardRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: MetricsMiddleware(metrics: services.metrics))
    if configuration.logRequests {
        router.add(middleware: RequestLogMiddleware())
    }
    if !configuration.corsOrigins.isEmpty {
        let anyOrigin = configuration.corsOrigins.contains("*")
        if !anyOrigin {
            router.add(middleware: CORSOriginFilter(allowed: Set(configuration.corsOrigins)))
        }
        router.add(
            middleware: CORSMiddleware(
                allowOrigin: anyOrigin ? .all : .originBased, allowHeaders: [.accept, .authorization, .contentType, .ifMatch, .ifNoneMatch, .acceptLanguage],
                allowMethods: [.get, .post, .put, .patch, .delete, .head, .options], exposedHeaders: ["ETag", "Location"], maxAge: .seconds(600)))
    }
    router.add(middleware: ErrorMiddleware())
    router.add(
        middleware: AuthenticationMiddleware(
            workspace: services.workspace, anonymousRead: configuration.allowsAnonymousRead, bodyLimit: configuration.maxBodySize,
            evaluationTimeLimit: configuration.evaluationTimeLimit))
    router.add(middleware: ResponseCacheMiddleware(cache: services.responses, releases: services.releases))
    OperationsRoutes(services: services).register(on: router)
    let api = router.group("api/v1")
    ReleaseRoutes(services: services).register(on: api)
    ConceptRoutes(services: services).register(on: api)
    SearchRoutes(services: services).register(on: api)
    DiffRoutes(services: services).register(on: api)
    RefsetRoutes(services: services).register(on: api)
    RefsetVersionRoutes(services: services).register(on: api)
    RefsetExportRoutes(services: services).register(on: api)
    RequestRoutes(services: services).register(on: api)
    AuditRoutes(services: services).register(on: api)
    TokenRoutes(services: services).register(on: api)
    WorkspaceSettingsRoutes(services: services).register(on: api)
    FHIRRoutes(services: services).register(on: router)
    return router
}
